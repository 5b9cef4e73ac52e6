import type { Diagnostic } from '../diagnostics.js';
import { repeatConflict } from '../ingest/merge.js';
import type { IndicatorRow } from '../ingest/row.js';
import { comparisonLabel, comparisonOutcome, recentTrend, type ComparisonOutcome, type TrendPoint } from '../stats/index.js';
import type { BaselineRow, Benchmark } from './baseline-schema.js';
import type { IndicatorProfile } from './indicator-profile.js';

export type Agreement = 'agrees' | 'differs' | 'inputs-missing' | 'not-published';

/** How a recomputed judgement stands against the published one. */
export function agreement(computed: string, published: string | null, inputsMissing: boolean): Agreement {
  if (published === null) return 'not-published';
  if (computed === published) return 'agrees';
  return inputsMissing ? 'inputs-missing' : 'differs';
}

/** Rows indexed by series (indicator, area, sex, age, cohort) and by point (series and period). */
export interface RowIndex {
  /** Every series' rows, sorted by period, in the order the series first appear. */
  series: IndicatorRow[][];
  /** The series a row belongs to (its own cohort's, for a cohort row). */
  seriesOf: (row: IndicatorRow) => IndicatorRow[];
  at: (row: IndicatorRow, areaCode: string | null, headline?: boolean) => IndicatorRow | undefined;
}

/** One series' rows and its points by period label (the last row indexed of each label). */
interface Series {
  rows: IndicatorRow[];
  points: Map<string, IndicatorRow>;
}

/**
 * Series found by their six fields. A lookup first tries the last four, field by field (consecutive
 * rows of a series ask for the same ones: their own, England's, their parent's, and their fields
 * are the same string objects, so each comparison is immediate), and only then builds the key
 * string and hashes it (that was ~40% of check's verification when done for every lookup). Misses
 * are remembered too, until a series is made.
 */
function seriesTable(): { find: (id: string, area: string, sex: string, age: string, categoryType: string, category: string, make: boolean) => Series | undefined; all: Series[] } {
  const byKey = new Map<string, Series>();
  const all: Series[] = [];
  const recent: { id: string; area: string; sex: string; age: string; categoryType: string; category: string; series: Series | undefined }[] = [];
  let replace = 0;
  const find = (id: string, area: string, sex: string, age: string, categoryType: string, category: string, make: boolean): Series | undefined => {
    for (const r of recent) {
      if (r.area === area && r.id === id && r.sex === sex && r.age === age && r.categoryType === categoryType && r.category === category && (r.series || !make)) return r.series;
    }
    const key = `${id}\u0001${area}\u0001${sex}\u0001${age}\u0001${categoryType}\u0001${category}`;
    let series = byKey.get(key);
    if (!series && make) {
      byKey.set(key, (series = { rows: [], points: new Map() }));
      all.push(series);
      // A miss remembered before this series existed would be stale.
      recent.length = 0;
    }
    const entry = { id, area, sex, age, categoryType, category, series };
    if (recent.length < 4) recent.push(entry);
    else recent[replace++ % 4] = entry;
    return series;
  };
  return { find, all };
}

/** Merged and indexed rows: the rows kept (in their order), the data points listed again, and their conflicts. */
export interface MergedRows {
  rows: IndicatorRow[];
  duplicates: number;
  diagnostics: Diagnostic[];
  index: RowIndex;
}

/**
 * Indexes rows by series, one at a time (`add`), each series sorted by period at `finish`. With
 * `onRepeat`, a row whose data point (series, period label and sortable) is already indexed is
 * left out and handed to `onRepeat` with the first one; `kept` are the rows indexed, in their order.
 */
function rowIndexer(onRepeat?: (first: IndicatorRow, row: IndicatorRow) => void): { add: (row: IndicatorRow) => void; finish: () => { index: RowIndex; kept: IndicatorRow[] } } {
  const table = seriesTable();
  const kept: IndicatorRow[] = [];
  const add = (r: IndicatorRow): void => {
    const series = table.find(r.indicatorId, r.areaCode, r.sex, r.age, r.categoryType ?? '', r.category ?? '', true)!;
    if (onRepeat && series.points.has(r.period.label)) {
      const first = series.rows.find((p) => p.period.label === r.period.label && p.period.sortable === r.period.sortable);
      if (first) {
        onRepeat(first, r);
        return;
      }
    }
    series.rows.push(r);
    series.points.set(r.period.label, r);
    kept.push(r);
  };
  const finish = (): { index: RowIndex; kept: IndicatorRow[] } => {
    for (const { rows: list } of table.all) list.sort((a, b) => a.period.sortable - b.period.sortable || (a.period.label === b.period.label ? 0 : a.period.label.localeCompare(b.period.label)));
    const index: RowIndex = {
      series: table.all.map((s) => s.rows),
      seriesOf: (row) => table.find(row.indicatorId, row.areaCode, row.sex, row.age, row.categoryType ?? '', row.category ?? '', false)?.rows ?? [row],
      at: (row, areaCode, headline = true) =>
        areaCode === null
          ? undefined
          : table.find(row.indicatorId, areaCode, row.sex, row.age, headline ? '' : (row.categoryType ?? ''), headline ? '' : (row.category ?? ''), false)?.points.get(row.period.label),
    };
    return { index, kept };
  };
  return { add, finish };
}

/** Indexes rows by series, each sorted by period. */
export function indexRows(rows: IndicatorRow[]): RowIndex {
  const indexer = rowIndexer();
  for (const r of rows) indexer.add(r);
  return indexer.finish().index;
}

/**
 * mergeAndIndexRows a row at a time: `add` each row as it is read (check adds an indicator's rows
 * while the reading thread reads on, so the indexing is done in time the main thread would spend
 * waiting), `finish` when they are all added. One indexer is for one set of rows.
 *
 * @example const m = mergingIndexer(); for (const row of block) m.add(row); m.finish().duplicates // 0
 */
export function mergingIndexer(): { add: (row: IndicatorRow) => void; finish: () => MergedRows } {
  const diagnostics: Diagnostic[] = [];
  let duplicates = 0;
  const indexer = rowIndexer((first, row) => {
    duplicates++;
    const conflict = repeatConflict(first, row);
    if (conflict) diagnostics.push(conflict);
  });
  return {
    add: indexer.add,
    finish: () => {
      const { index, kept } = indexer.finish();
      return { rows: kept, duplicates, diagnostics, index };
    },
  };
}

/**
 * mergeExtracts and indexRows of one extract's rows in one pass: a data point listed again is found
 * in its series' map of periods, so no key string is built a row for the merge (a national
 * indicator of 200,000 rows held ~25 MB of them). The same rows, duplicates and warnings as
 * `indexRows(mergeExtracts([…]).rows)` (test/compute/judgements.test.ts).
 *
 * @example const { rows, duplicates, index } = mergeAndIndexRows(block)
 */
export function mergeAndIndexRows(rows: IndicatorRow[]): MergedRows {
  const merging = mergingIndexer();
  for (const r of rows) merging.add(r);
  return merging.finish();
}

const NO_BENCHMARK = { value: null, lower95: null, upper95: null };

/** The comparison of a row with a benchmark row by the indicator's method; the rows are the comparison's inputs. */
function outcomeOf(area: IndicatorRow, bench: IndicatorRow | undefined, profile: IndicatorProfile): ComparisonOutcome {
  return comparisonOutcome(profile.method, profile.polarity, profile.confidence, profile.multiplier ?? undefined, area, bench ?? NO_BENCHMARK);
}

/** How the published judgement stands against the recomputed outcome; not compared for want of an input is "inputs-missing". */
function benchmarkAgreement(outcome: ComparisonOutcome, area: IndicatorRow, bench: IndicatorRow | undefined, published: string | null): Agreement {
  const inputsMissing = outcome === 'NotCompared' && (area.value === null || area.lower95 === null || area.upper95 === null || bench?.value == null);
  return agreement(comparisonLabel(outcome), published, inputsMissing);
}

/**
 * The comparison of a row with a benchmark row by the indicator's method, beside the judgement
 * the file published. A judgement that needs an input the extract lacks (the benchmark row, the
 * area's CI) is "inputs-missing", not a disagreement.
 */
export function judgeBenchmark(
  area: IndicatorRow,
  bench: IndicatorRow | undefined,
  code: string | null,
  published: string | null,
  profile: IndicatorProfile,
): Benchmark {
  const outcome = outcomeOf(area, bench, profile);
  const status = benchmarkAgreement(outcome, area, bench, published);
  return {
    area_code: code,
    area_name: bench?.areaName ?? null,
    value: bench?.value ?? null,
    lower_ci_95: bench?.lower95 ?? null,
    upper_ci_95: bench?.upper95 ?? null,
    computed: comparisonLabel(outcome),
    computed_outcome: outcome,
    published,
    agrees: status === 'agrees' ? true : status === 'differs' ? false : null,
    status,
    derived: outcome !== 'NotCompared' && ((profile.method !== 5 && profile.method !== 6 && !!area.derivedCi) || (profile.method === 12 && !!bench?.derivedCi)),
  };
}

/**
 * `judgeBenchmark`'s status alone, for a caller that only tallies (check verifies every row of a
 * national file, and the Benchmark record was its largest allocation, ~450 bytes a row).
 *
 * @example benchmarkStatus(row, englandRow, row.comparedToEngland, profile) // 'agrees'
 */
export function benchmarkStatus(area: IndicatorRow, bench: IndicatorRow | undefined, published: string | null, profile: IndicatorProfile): Agreement {
  if (published === null) return 'not-published';
  return benchmarkAgreement(outcomeOf(area, bench, profile), area, bench, published);
}

/** A series' points as the trend test takes them, in the series' order. */
export type SeriesPoint = TrendPoint & { derived: boolean };

/**
 * Every point of a series, as the trend test takes them: made once for a series, then filtered by
 * period for each of its rows (`trendPoints`).
 *
 * @example seriesPoints(index.seriesOf(row)).length // the series' periods
 */
export function seriesPoints(series: IndicatorRow[]): SeriesPoint[] {
  return series.map((r) => ({ period: r.period.sortable, value: r.value, lower95: r.lower95, upper95: r.upper95, count: r.count, denominator: r.denominator, derived: !!r.derivedCi }));
}

/** The points of a series up to a row's period, as the trend test takes them. */
export function trendPoints(series: IndicatorRow[], row: IndicatorRow, points: SeriesPoint[] = seriesPoints(series)): SeriesPoint[] {
  const upTo = row.period.sortable;
  return points.filter((p) => p.period <= upTo);
}

/**
 * The recent trend at a row's period, recomputed by Fingertips' method (the proportion method
 * when the indicator is compared by SPC for proportions, method 5, as the classic code chooses),
 * beside the published Recent Trend. `all` is `seriesPoints(series)` when the caller holds it.
 */
export function judgeTrend(series: IndicatorRow[], row: IndicatorRow, profile: IndicatorProfile, all?: SeriesPoint[]): BaselineRow['trend'] {
  const method = profile.method === 5 ? 'proportion' : 'ci';
  const annual = row.period.kind === 'year' || row.period.kind === 'multi-year';
  const yearRange = annual ? row.period.years : 0;
  // recentTrend refuses any year range but 1 before it looks at a point (a national file's 3-year
  // and quarterly rows): their points are only counted.
  const points = yearRange === 1 ? trendPoints(series, row, all) : [];
  const pointCount = yearRange === 1 ? points.length : series.reduce((n, r) => (r.period.sortable <= row.period.sortable ? n + 1 : n), 0);
  const t = recentTrend(points, { method, polarity: profile.polarity, yearRange });
  const tooShort = t.marker === 'CannotBeCalculated' && pointCount < 5;
  const status = agreement(t.label, row.recentTrend, tooShort);
  return {
    computed: t.label,
    published: row.recentTrend,
    agrees: status === 'agrees' ? true : status === 'differs' ? false : null,
    status,
    derived: method === 'ci' && t.chiSquare !== null && points.slice(-5).some((p) => p.derived),
    method,
    points: pointCount,
    chi_square: t.chiSquare,
    slope: t.slope,
    reason: t.reason ?? null,
  };
}
