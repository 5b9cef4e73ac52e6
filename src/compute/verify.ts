import { outputId } from '../catalogue/lookup.js';
import type { IndicatorRow } from '../ingest/row.js';
import { isCohortRow } from '../ingest/row.js';
import { ENGLAND_CODE } from '../normalise/area.js';
import type { IndicatorProfile } from './indicator-profile.js';
import { benchmarkStatus, judgeBenchmark, pointOf, pointsUpTo, trendJudgement, type Agreement, type SeriesPoint } from './judgements.js';
import { COL, INTS } from '../ingest/row-codec.js';
import { comparedView, readCompared, readRow, rowView, tableOfRows, textAt, type RowTable, type RowView } from '../ingest/row-table.js';
import { indexTable, type TableIndex } from './table-index.js';
import type { Disagreement, Tally, VerifyEnvelope } from './verify-schema.js';

const emptyTally = (): Tally => ({ agrees: 0, differs: 0, inputs_missing: 0, not_published: 0 });
/** Counts one judgement's status in a tally. */
function count(tally: Tally, status: Agreement): void {
  switch (status) {
    case 'agrees': tally.agrees++; break;
    case 'differs': tally.differs++; break;
    case 'inputs-missing': tally.inputs_missing++; break;
    case 'not-published': tally.not_published++; break;
  }
}

/**
 * Recomputes every judgement Fingertips published in the rows — compared with England (headline
 * and cohort rows), compared with the parent, and the recent trend — and tallies, per indicator,
 * how many were reproduced, how many differ, and how many need inputs the extract does not hold.
 * Each disagreement carries the inputs that produced it (unless `inputs: false`, for a caller
 * that reports only the judgements); with `keep`, only the first `keep` disagreements are listed
 * (the tallies count them all). Pure.
 */
export function verifyJudgements(
  rows: IndicatorRow[],
  profileOf: (id: string) => IndicatorProfile,
  options: { inputs?: boolean; keep?: number } = {},
): Pick<VerifyEnvelope, 'totals' | 'indicators' | 'disagreements'> {
  const table = tableOfRows(rows);
  return verifyTable(table, indexTable(table), profileOf, options);
}

/**
 * verifyJudgements of a table's rows (those `index` kept), read as columns: each row into a reused
 * view, its England and parent rows by the index into views of their own; a row object is made
 * only for a disagreement listed.
 *
 * @example verifyTable(table, mergeTable(table).index, profileOf, { inputs: false }).totals.trend.differs // 0
 */
export function verifyTable(
  table: RowTable,
  index: TableIndex,
  profileOf: (id: string) => IndicatorProfile,
  options: { inputs?: boolean; keep?: number } = {},
): Pick<VerifyEnvelope, 'totals' | 'indicators' | 'disagreements'> {
  const withInputs = options.inputs ?? true;
  const keep = options.keep ?? Infinity;
  const totals = { england: emptyTally(), parent: emptyTally(), trend: emptyTally() };
  const perIndicator = new Map<string, { england: Tally; parent: Tally; trend: Tally }>();
  const disagreements: Disagreement[] = [];
  const { ints } = table;
  const idOf = (i: number): string => textAt(table, i, COL.indicatorId)!;
  const byId = (a: string, b: string): number => (a === b ? 0 : a.localeCompare(b, 'en', { numeric: true }));
  const byFile = (a: string, b: string): number => (a === b ? 0 : a.localeCompare(b));
  const order = (a: number, b: number): number => byId(idOf(a), idOf(b)) || byFile(table.fileOf(a), table.fileOf(b)) || ints[a * INTS]! - ints[b * INTS]!;
  // check hands over one indicator of one file, in the file's order: sorted already.
  const rows = index.kept;
  let inOrder = true;
  for (let k = 1; k < rows.length && inOrder; k++) inOrder = order(rows[k - 1]!, rows[k]!) <= 0;
  const sorted = inOrder ? rows : [...rows].sort(order);
  // A series' points are made once, for all its rows' trends. They are held only while its rows
  // come one after another (check's files list a series' rows together, and an indicator's points
  // held to its end were garbage the collector copied and marked); a series met again after
  // another keeps its points from then on (an extract listed by period).
  const pointView = rowView();
  let lastSeries: number[] | null = null;
  let lastPoints: SeriesPoint[] = [];
  const met = new Set<number[]>();
  const pointsOf = new Map<number[], SeriesPoint[]>();
  const pointsFor = (series: number[]): SeriesPoint[] => {
    if (series === lastSeries) return lastPoints;
    let points = pointsOf.get(series);
    if (!points) {
      points = series.map((i) => pointOf(readRow(table, i, pointView)));
      if (met.has(series)) pointsOf.set(series, points);
      else met.add(series);
    }
    lastSeries = series;
    lastPoints = points;
    return points;
  };
  type Tallies = { england: Tally; parent: Tally; trend: Tally };
  const talliesOf = (id: string): Tallies => {
    let t = perIndicator.get(id);
    if (!t) perIndicator.set(id, (t = { england: emptyTally(), parent: emptyTally(), trend: emptyTally() }));
    return t;
  };
  /** Counts a judgement's status; true when it is a disagreement that can still be listed. */
  const counted = (tally: Tallies, judgement: keyof Tallies, status: Agreement): boolean => {
    count(tally[judgement], status);
    count(totals[judgement], status);
    return status === 'differs' && disagreements.length < keep;
  };
  const list = (i: number, judgement: 'england' | 'parent' | 'trend', computed: string, published: string | null, inputs: Record<string, unknown>): void => {
    const row = table.row(i);
    disagreements.push({
      judgement, indicator_id: outputId(row.indicatorId), area_code: row.areaCode, area_name: row.areaName, sex: row.sex, age: row.age,
      category_type: row.categoryType, category: row.category, period: row.period.label, computed, published: published!, inputs,
      source: { file: row.file, line: row.line },
    });
  };
  const areaInputs = (row: RowView, profile: IndicatorProfile) => ({
    value: row.value, lower_ci_95: row.lower95, upper_ci_95: row.upper95, lower_ci_99_8: row.lower998, upper_ci_99_8: row.upper998,
    denominator: row.denominator, method: profile.method, confidence: profile.confidence, polarity: profile.polarity,
  });
  const view = rowView();
  const benchView = comparedView();
  let lastId = -1;
  let profile: IndicatorProfile | null = null;
  let tally: Tallies | null = null;
  for (const i of sorted) {
    const row = readRow(table, i, view);
    const id = ints[i * INTS + COL.indicatorId]!;
    if (id !== lastId) {
      lastId = id;
      profile = profileOf(idOf(i));
      tally = talliesOf(idOf(i));
    }
    if (row.areaCode !== ENGLAND_CODE && row.comparedToEngland !== null) {
      const j = index.at(i, index.england);
      const bench = j < 0 ? undefined : readCompared(table, j, benchView);
      if (counted(tally!, 'england', benchmarkStatus(row, bench, row.comparedToEngland, profile!))) {
        const b = judgeBenchmark(row, bench, ENGLAND_CODE, row.comparedToEngland, profile!);
        list(i, 'england', b.computed, b.published, withInputs ? { ...areaInputs(row, profile!), benchmark_value: b.value, benchmark_lower_ci_95: b.lower_ci_95, benchmark_upper_ci_95: b.upper_ci_95 } : {});
      }
    }
    if (!isCohortRow(row) && row.comparedToParent !== null && row.areaCode !== ENGLAND_CODE) {
      const parentCode = row.parentCode === ENGLAND_CODE ? null : row.parentCode;
      const j = parentCode === null ? -1 : index.at(i, ints[i * INTS + COL.parentCode]!);
      const bench = j < 0 ? undefined : readCompared(table, j, benchView);
      if (counted(tally!, 'parent', benchmarkStatus(row, bench, row.comparedToParent, profile!))) {
        const b = judgeBenchmark(row, bench, parentCode, row.comparedToParent, profile!);
        list(i, 'parent', b.computed, b.published, withInputs ? { ...areaInputs(row, profile!), parent_code: parentCode, benchmark_value: b.value } : {});
      }
    }
    if (row.recentTrend !== null) {
      const points = pointsFor(index.seriesOf(i));
      const t = trendJudgement(points, row.period, row.recentTrend, profile!);
      if (counted(tally!, 'trend', t.status)) {
        list(i, 'trend', t.computed, t.published, withInputs ? {
          method: t.method, polarity: profile!.polarity, chi_square: t.chi_square, slope: t.slope, reason: t.reason,
          points: pointsUpTo(points, row.period.sortable).slice(-5).map(({ derived: _, ...p }) => p),
        } : {});
      }
    }
  }
  const indicators = [...perIndicator].map(([id, t]) => {
    const p = profileOf(id);
    return {
      indicator_id: outputId(id), indicator_name: p.name, polarity: p.polarity, polarity_source: p.polaritySource,
      comparison_method: p.method, comparison_confidence: p.confidence, comparison_source: p.methodSource, ...t,
    };
  });
  return { totals, indicators, disagreements };
}
