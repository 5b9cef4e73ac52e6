import { UsageError } from '../errors.js';
import type { IndicatorRow } from '../ingest/row.js';
import { ENGLAND_CODE } from '../normalise/area.js';

export interface AreaChoice {
  code: string;
  name: string;
}

/** Areas the extract holds, by code, in code order. */
function areasIn(rows: Iterable<IndicatorRow>): Map<string, string> {
  const areas = new Map<string, string>();
  for (const r of rows) if (!areas.has(r.areaCode)) areas.set(r.areaCode, r.areaName);
  return new Map([...areas].sort((a, b) => a[0].localeCompare(b[0])));
}

function listAreas(areas: Map<string, string>): string {
  const all = [...areas].map(([c, n]) => `${c} ${n}`);
  return all.length > 12 ? `${all.slice(0, 12).join(', ')} … and ${all.length - 12} more` : all.join(', ');
}

/** Local areas: not England and not a region (the benchmarks of a local baseline). */
export const isLocal = (r: Pick<IndicatorRow, 'level'>): boolean =>
  r.level !== 'england' && r.level !== 'region' && r.level !== 'ward' && r.level !== 'msoa' && r.level !== 'lsoa';

/**
 * Resolves `--area` against the extract: codes or names (case-insensitive), `all` (every area
 * but England), or, when no area is given, the one local area of the extract. Anything else is a
 * usage error that lists the areas there are.
 *
 * @example resolveAreas(['luton'], rows) // [{ code: 'E06000032', name: 'Luton' }]
 */
export function resolveAreas(spec: string[] | undefined, rows: IndicatorRow[], localCodesSeen: Map<string, string>): AreaChoice[] {
  const areas = areasIn(rows);
  if (!spec || spec.length === 0) {
    const local = localCodesSeen.size > 0 ? localCodesSeen : new Map(rows.filter(isLocal).map((r) => [r.areaCode, r.areaName]));
    if (local.size === 1) {
      const [code, name] = [...local][0]!;
      return [{ code, name }];
    }
    if (local.size === 0) throw new UsageError(`the extract holds no local area; choose one with --area (areas: ${listAreas(areas)})`);
    throw new UsageError(`the extract holds ${local.size} local areas; choose with --area CODE|NAME… or --area all (areas: ${listAreas(new Map([...local].sort()))})`);
  }
  if (spec.some((s) => s.toLowerCase() === 'all')) {
    return [...areas].filter(([c]) => c !== ENGLAND_CODE).map(([code, name]) => ({ code, name }));
  }
  const chosen: AreaChoice[] = [];
  for (const wanted of spec) {
    const w = wanted.trim().toLowerCase();
    const hit = [...areas].find(([c, n]) => c.toLowerCase() === w || n.toLowerCase() === w);
    if (!hit) throw new UsageError(`--area ${wanted}: no such area in the extract (areas: ${listAreas(areas)})`);
    if (!chosen.some((a) => a.code === hit[0])) chosen.push({ code: hit[0], name: hit[1] });
  }
  return chosen;
}
