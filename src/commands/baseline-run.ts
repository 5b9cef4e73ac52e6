import { loadCatalogue } from '../io/load-catalogue.js';
import { groupsOf, resolvePrinciple } from '../catalogue/lookup.js';
import type { Catalogue, GroupId } from '../catalogue/schema.js';
import { resolveAreas } from '../compute/areas.js';
import { computeBaseline, isRedRed } from '../compute/baseline.js';
import type { BaselineEnvelope, BaselineRow } from '../compute/baseline-schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { profilesFor, type IndicatorProfile } from '../compute/indicator-profile.js';
import { headlineAreaFilter } from '../compute/selection.js';
import { peekParents } from '../ingest/peek-parents.js';
import { showsProgress } from '../io/progress.js';
import { ENGLAND_CODE, geographyLevel } from '../normalise/area.js';
import { deriveCis } from '../compute/derive-ci.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { VERSION } from '../io/version.js';
import { renderBaseline } from '../render/baseline.js';
import { loadContext } from './context.js';
import type { Io } from './io.js';
import { emit, narrowToBenchmarks, readInputs, stdoutChalk, summaryLines, type OutputOptions } from './shared.js';

interface BaselineFlags extends OutputOptions {
  area?: string[];
  period: string;
  principle?: string[];
  failOn: 'never' | 'error' | 'warning' | 'mismatch';
  deriveCi?: boolean;
  redRed?: boolean;
}

/** An info note for each indicator whose published comparisons contradict the catalogue's polarity. */
function polarityNotes(rows: BaselineRow[], profileOf: (id: string) => IndicatorProfile): Diagnostic[] {
  const notes: Diagnostic[] = [];
  const done = new Set<string>();
  for (const r of rows) {
    const id = String(r.indicator_id);
    const p = profileOf(id);
    if (done.has(id) || !p.cataloguePolarity) continue;
    done.add(id);
    notes.push({
      code: 'indicator/polarity-from-file', severity: 'info', file: r.source.file, line: null, column: 'Compared to England value or percentiles',
      message: `indicator ${id}: the published comparisons use ${p.polarity}, the catalogue says ${p.cataloguePolarity}; the file's polarity is used`,
    });
  }
  return notes;
}


export function resolveGroups(catalogue: Catalogue, principles: string[] | undefined): GroupId[] | null {
  if (!principles || principles.length === 0) return null;
  return principles.map((p) => {
    const id = resolvePrinciple(catalogue, p);
    if (!id) {
      throw new UsageError(`--principle ${p}: not a principle; expected one of ${catalogue.principles.map((x) => x.id).join(', ')}, overarching or unmapped (or a principle's wording)`);
    }
    return id;
  });
}

/** The baseline command's work (loaded only when the command runs). */
export async function run(io: Io, setExit: (code: number) => void, files: string[], flags: BaselineFlags & { config?: string; metadata?: string }): Promise<void> {
  const catalogue = loadCatalogue();
      const groups = resolveGroups(catalogue, flags.principle);
      const ctx = await loadContext(io, catalogue, flags);
      const areaSpec = flags.area ?? ctx.defaultAreas;
      const filter = headlineAreaFilter(areaSpec, { dropOtherBenchmarks: !files.includes('-') });
      // With area codes given, a fast path parses only the records that hold them, England's code or
      // their parents' (from the first rows of the areas) in the Area Code column.
      const codes = areaSpec?.every((a) => /^n?[A-Z]\d{8}$/i.test(a.trim())) ? areaSpec.map((a) => a.trim().toUpperCase()) : null;
      const parents: string[] = [];
      for (const file of codes ? files.filter((f) => f !== '-' && !ctx.sourceFor(f)) : []) parents.push(...await peekParents(file, codes!));
      // Codes are searched for only when a header has no plain Area Code column; there a region's
      // rows hold England's code (their parent), so only other parents need be.
      const needles = codes ? { find: [...new Set([...codes, ENGLAND_CODE, ...parents.filter((p) => geographyLevel(p) !== 'region')])], areas: [...new Set([...codes, ENGLAND_CODE, ...parents])] } : undefined;
      const read = await readInputs(files, io, filter.keep, false, ctx, needles, showsProgress(io, flags));
      const areas = resolveAreas(areaSpec, read.rows, areaSpec ? new Map() : filter.localAreas);
      await narrowToBenchmarks(read, new Set(areas.map((a) => a.code)), io, filter.keep, ctx, filter.droppedBenchmarks);
      const profileOf = profilesFor(read.rows, catalogue, ctx.knowledge);
      const rows = flags.deriveCi ? deriveCis(read.rows, (id) => profileOf(id).multiplier) : read.rows;
      const result = computeBaseline(rows, profileOf, { areas, period: flags.period, groups });
      if (flags.redRed) result.rows = result.rows.filter(isRedRed);
      const diagnostics = [...read.diagnostics, ...result.diagnostics, ...polarityNotes(result.rows, profileOf)];
      const envelope: BaselineEnvelope = {
        schema: 'marmot/baseline@1',
        marmot: { version: VERSION, catalogue: catalogue.version },
        options: { areas: areas.map((a) => a.code), period: flags.period, principles: groups, derive_ci: !!flags.deriveCi, red_red: !!flags.redRed },
        inputs: read.inputs,
        rows: result.rows,
        diagnostics,
      };
      const text = renderBaseline(envelope, flags.format, groupsOf(catalogue), stdoutChalk(io, flags));
      await emit(io, flags, text, summaryLines(read.inputs, diagnostics));
      const mismatch = result.rows.some((r) => r.england.agrees === false || r.parent.agrees === false || r.trend.agrees === false);
      const failed =
        (flags.failOn === 'error' && diagnostics.some((d) => d.severity === 'error')) ||
        (flags.failOn === 'warning' && diagnostics.some((d) => d.severity !== 'info')) ||
        (flags.failOn === 'mismatch' && mismatch);
      setExit(failed ? EXIT.FINDINGS : EXIT.OK);
}

