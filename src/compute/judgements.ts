import type { Diagnostic } from '../diagnostics.js';
import { repeatConflict } from '../ingest/merge.js';
import type { IndicatorRow } from '../ingest/row.js';
import { NUMBERS } from '../ingest/row-codec.js';
import { tableOfRows, type RowTable } from '../ingest/row-table.js';
import { indexTable, type TableIndex } from './table-index.js';
import { comparisonLabel, comparisonOutcome, recentTrend, type ComparisonOutcome, type TrendPoint } from '../stats/index.js';
import type { BaselineRow, Benchmark } from './baseline-schema.js';
import type { IndicatorProfile } from './indicator-profile.js';
import type { TimePeriod } from '../normalise/time-period.js';

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

/** Merged and indexed rows: the rows kept (in their order), the data points listed again, and their conflicts. */
export interface MergedRows {
  rows: IndicatorRow[];
  duplicates: number;
  diagnostics: Diagnostic[];
  index: RowIndex;
}

/** indexTable's index of a table made from row objects, as row objects. */
function rowIndexOf(rows: IndicatorRow[], index: TableIndex): RowIndex {
  const series = index.series.map((s) => s.map((i) => rows[i]!));
  return {
    series,
    seriesOf: (row) => {
      const s = index.find(row);
      return s < 0 ? [row] : series[s]!;
    },
    at: (row, areaCode, headline = true) => {
      if (areaCode === null) return undefined;
      const s = index.find({ ...row, areaCode, categoryType: headline ? null : row.categoryType, category: headline ? null : row.category });
      const j = index.point(s, row.period.label);
      return j < 0 ? undefined : rows[j];
    },
  };
}

/** Indexes rows by series, each sorted by period (indexTable). */
export function indexRows(rows: IndicatorRow[]): RowIndex {
  const table = tableOfRows(rows);
  return rowIndexOf(rows, indexTable(table));
}

/**
 * mergeExtracts and indexRows of one extract's rows in one pass: a data point listed again is found
 * in its series' map of periods, so no key string is built a row for the merge. The same rows,
 * duplicates and warnings as `indexRows(mergeExtracts([…]).rows)` (test/compute/judgements.test.ts).
 *
 * @example const { rows, duplicates, index } = mergeAndIndexRows(block)
 */
export function mergeAndIndexRows(rows: IndicatorRow[]): MergedRows {
  const table = tableOfRows(rows);
  const merged = mergeTable(table);
  return { rows: merged.index.kept.map((i) => rows[i]!), duplicates: merged.duplicates, diagnostics: merged.diagnostics, index: rowIndexOf(rows, merged.index) };
}

/**
 * A table's rows merged and indexed: a data point listed again (same series, period label and
 * sortable) is counted as a duplicate and left out, and reported when its figures differ.
 *
 * @example mergeTable(table).duplicates // 0
 */
export function mergeTable(table: RowTable): { index: TableIndex; duplicates: number; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let duplicates = 0;
  const x = table.numbers;
  const index = indexTable(table, (first, row) => {
    duplicates++;
    let same = true;
    for (let k = 0; k < NUMBERS && same; k++) {
      const a = x[first * NUMBERS + k]!, b = x[row * NUMBERS + k]!;
      same = a === b || (a !== a && b !== b);
    }
    const conflict = same ? null : repeatConflict(table.row(first), table.row(row));
    if (conflict) diagnostics.push(conflict);
  });
  return { index, duplicates, diagnostics };
}

const NO_BENCHMARK = { value: null, lower95: null, upper95: null };

/** The fields of a row that a comparison reads: a row object, or a table row read into a view (readRow). */
export type ComparedRow = Pick<IndicatorRow, 'areaName' | 'value' | 'lower95' | 'upper95' | 'lower998' | 'upper998' | 'denominator' | 'derivedCi'>;

/** The comparison of a row with a benchmark row by the indicator's method; the rows are the comparison's inputs. */
function outcomeOf(area: ComparedRow, bench: ComparedRow | undefined, profile: IndicatorProfile): ComparisonOutcome {
  return comparisonOutcome(profile.method, profile.polarity, profile.confidence, profile.multiplier ?? undefined, area, bench ?? NO_BENCHMARK);
}

/** How the published judgement stands against the recomputed outcome; not compared for want of an input is "inputs-missing". */
function benchmarkAgreement(outcome: ComparisonOutcome, area: ComparedRow, bench: ComparedRow | undefined, published: string | null): Agreement {
  const inputsMissing = outcome === 'NotCompared' && (area.value === null || area.lower95 === null || area.upper95 === null || bench?.value == null);
  return agreement(comparisonLabel(outcome), published, inputsMissing);
}

/**
 * The comparison of a row with a benchmark row by the indicator's method, beside the judgement
 * the file published. A judgement that needs an input the extract lacks (the benchmark row, the
 * area's CI) is "inputs-missing", not a disagreement.
 */
export function judgeBenchmark(
  area: ComparedRow,
  bench: ComparedRow | undefined,
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
export function benchmarkStatus(area: ComparedRow, bench: ComparedRow | undefined, published: string | null, profile: IndicatorProfile): Agreement {
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
  return series.map(pointOf);
}

/** A row's point, as the trend test takes it. */
export const pointOf = (r: Pick<IndicatorRow, 'period' | 'value' | 'lower95' | 'upper95' | 'count' | 'denominator' | 'derivedCi'>): SeriesPoint =>
  ({ period: r.period.sortable, value: r.value, lower95: r.lower95, upper95: r.upper95, count: r.count, denominator: r.denominator, derived: !!r.derivedCi });

/** The points of a series up to a row's period, as the trend test takes them. */
export function trendPoints(series: IndicatorRow[], row: IndicatorRow, points: SeriesPoint[] = seriesPoints(series)): SeriesPoint[] {
  return pointsUpTo(points, row.period.sortable);
}

/** A series' points up to a Time period Sortable, as the trend test takes them. */
export const pointsUpTo = (points: SeriesPoint[], upTo: number): SeriesPoint[] => points.filter((p) => p.period <= upTo);

/**
 * The recent trend at a row's period, recomputed by Fingertips' method (the proportion method
 * when the indicator is compared by SPC for proportions, method 5, as the classic code chooses),
 * beside the published Recent Trend. `all` is `seriesPoints(series)` when the caller holds it.
 */
export function judgeTrend(series: IndicatorRow[], row: IndicatorRow, profile: IndicatorProfile, all: SeriesPoint[] = seriesPoints(series)): BaselineRow['trend'] {
  return trendJudgement(all, row.period, row.recentTrend, profile);
}

/**
 * judgeTrend from a series' points (`seriesPoints`), the row's period and its published Recent Trend.
 *
 * @example trendJudgement(points, row.period, row.recentTrend, profile).status // 'agrees'
 */
export function trendJudgement(all: SeriesPoint[], period: TimePeriod, published: string | null, profile: IndicatorProfile): BaselineRow['trend'] {
  const method = profile.method === 5 ? 'proportion' : 'ci';
  const annual = period.kind === 'year' || period.kind === 'multi-year';
  const yearRange = annual ? period.years : 0;
  const upTo = period.sortable;
  // recentTrend refuses any year range but 1 before it looks at a point (a national file's 3-year
  // and quarterly rows): their points are only counted.
  const points = yearRange === 1 ? pointsUpTo(all, upTo) : [];
  const pointCount = yearRange === 1 ? points.length : all.reduce((n, p) => (p.period <= upTo ? n + 1 : n), 0);
  const t = recentTrend(points, { method, polarity: profile.polarity, yearRange });
  const tooShort = t.marker === 'CannotBeCalculated' && pointCount < 5;
  const status = agreement(t.label, published, tooShort);
  return {
    computed: t.label,
    published,
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
