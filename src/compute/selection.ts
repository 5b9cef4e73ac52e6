import type { RawRow } from '../ingest/row-schema.js';
import { geographyLevel } from '../normalise/area.js';
import { cleanText } from '../normalise/values.js';

/** Levels kept as possible benchmarks (England and the usual parents) whatever the selection. */
const BENCHMARK_LEVELS = new Set(['england', 'region', 'combined-authority', 'icb']);
/** Wards, MSOAs and LSOAs are parts of an area, never the default area of a baseline. */
const SUB_AREA_LEVELS = new Set(['ward', 'msoa', 'lsoa']);

export interface AreaFilter {
  keep: (raw: RawRow) => boolean;
  /** Local areas seen (code → name), for the default "the one local area" rule. */
  localAreas: Map<string, string>;
}

/**
 * The row filter of a headline baseline: headline rows only (cohort rows belong to the gaps),
 * of the chosen areas, England, regions and counties (the parents a district or UA may have).
 * With no area chosen, rows of the first local area seen are kept until a second appears: the
 * run will then stop and list the areas, so memory stays bounded either way.
 */
export function headlineAreaFilter(spec: string[] | undefined): AreaFilter {
  const localAreas = new Map<string, string>();
  const wanted = spec?.map((s) => s.trim().toLowerCase());
  const all = wanted?.includes('all') ?? false;
  const keep = (raw: RawRow): boolean => {
    if ((raw.categoryType ?? '').trim() !== '' || (raw.category ?? '').trim() !== '') return false;
    const code = (raw.areaCode ?? '').trim();
    const level = geographyLevel(code);
    const isLocal = level !== 'england' && level !== 'region' && !SUB_AREA_LEVELS.has(level);
    if (isLocal && !localAreas.has(code)) localAreas.set(code, cleanText(raw.areaName) ?? code);
    if (all || BENCHMARK_LEVELS.has(level) || /^E10/.test(code)) return true;
    if (wanted) {
      const lower = code.toLowerCase();
      const name = (cleanText(raw.areaName) ?? '').toLowerCase();
      return wanted.some((w) => w === lower || w === name);
    }
    return localAreas.size <= 1;
  };
  return { keep, localAreas };
}
