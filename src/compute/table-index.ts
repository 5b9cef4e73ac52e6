import { COL, INTS } from '../ingest/row-codec.js';
import type { RowTable } from '../ingest/row-table.js';
import { ENGLAND_CODE } from '../normalise/area.js';

/** A table's rows indexed by series (indicator, area, sex, age, cohort) and by point (series and period label), as row numbers. */
export interface TableIndex {
  /** The rows indexed (a repeated data point is left out when merging), in the table's order. */
  kept: number[];
  /** Every series' rows, sorted by period, in the order the series first appear. */
  series: number[][];
  /** The id of England's area code in the table's strings; -1 when no row is England's. */
  england: number;
  /** The series of row `i` (its own cohort's). */
  seriesOf: (i: number) => number[];
  /** The row of area `areaId` (an id of the table's strings) at row `i`'s fields and period label, headline or row `i`'s cohort; -1 when none. */
  at: (i: number, areaId: number, headline?: boolean) => number;
  /** The series of these fields, by their strings; -1 when none. */
  find: (f: { indicatorId: string; areaCode: string; sex: string; age: string; categoryType: string | null; category: string | null }) => number;
  /** The row of a series at a period label; -1 when none. */
  point: (series: number, label: string) => number;
}

/**
 * Indexes a table's rows by series, each sorted by period (by Time period Sortable, then label).
 * With `onRepeat`, a row whose data point (series, period label and sortable) is already indexed is
 * left out and handed to `onRepeat` with the first one. A series is found by its cohort (indicator,
 * sex, age, category type and category ids, looked up once a run of rows) and its area id; a point
 * by its series in a map for its period label. Blank and null cohorts are one cohort.
 *
 * @example const index = indexTable(tableOfRows(rows)); index.at(0, index.england) // the England row of row 0's period, or -1
 */
export function indexTable(t: RowTable, onRepeat?: (first: number, row: number) => void): TableIndex {
  const { ints, strings, periods } = t;
  const cohortIds = new Map<string, number>();
  /** Per cohort: its series by area id. */
  const byArea: Map<number, number>[] = [];
  /** Per cohort: its headline cohort (no category), -2 until asked. */
  const headlineOf: number[] = [];
  const cohortFields: number[][] = [];
  const rowCohort = new Int32Array(t.size);
  /** Per period label id: the series' rows at that label (the last indexed). */
  const points: Map<number, number>[] = [];
  const labelIds = new Map<string, number>();
  const periodLabel = new Int32Array(periods.length).fill(-1);
  const series: number[][] = [];
  const seriesNo = new Int32Array(t.size).fill(-1);
  const kept: number[] = [];
  let england = -1;
  const blank = (id: number): number => (id >= 0 && strings[id] === '' ? -1 : id);
  const cohortOf = (ind: number, sex: number, age: number, type: number, cat: number, make: boolean): number => {
    const key = `${ind},${sex},${age},${blank(type)},${blank(cat)}`;
    let c = cohortIds.get(key);
    if (c === undefined) {
      if (!make) return -1;
      cohortIds.set(key, (c = byArea.length));
      byArea.push(new Map());
      headlineOf.push(-2);
      cohortFields.push([ind, sex, age, blank(type), blank(cat)]);
    }
    return c;
  };
  const labelOf = (period: number): number => {
    let l = periodLabel[period]!;
    if (l < 0) {
      const label = periods[period]!.label;
      l = labelIds.get(label) ?? -1;
      if (l < 0) {
        labelIds.set(label, (l = points.length));
        points.push(new Map());
      }
      periodLabel[period] = l;
    }
    return l;
  };
  let last = [-9, -9, -9, -9, -9];
  let lastCohort = -1;
  let lastArea = -1;
  for (let i = 0; i < t.size; i++) {
    const a = i * INTS;
    const ind = ints[a + COL.indicatorId]!, sex = ints[a + COL.sex]!, age = ints[a + COL.age]!, type = ints[a + COL.categoryType]!, cat = ints[a + COL.category]!;
    if (ind !== last[0] || sex !== last[1] || age !== last[2] || type !== last[3] || cat !== last[4]) {
      last = [ind, sex, age, type, cat];
      lastCohort = cohortOf(ind, sex, age, type, cat, true);
    }
    const area = ints[a + COL.areaCode]!;
    if (area !== lastArea) {
      lastArea = area;
      if (england < 0 && strings[area] === ENGLAND_CODE) england = area;
    }
    rowCohort[i] = lastCohort;
    const areas = byArea[lastCohort]!;
    let s = areas.get(area);
    if (s === undefined) {
      areas.set(area, (s = series.length));
      series.push([]);
    }
    const label = labelOf(ints[a + COL.period]!);
    const at = points[label]!;
    if (onRepeat && at.has(s)) {
      const p = periods[ints[a + COL.period]!]!;
      const first = series[s]!.find((j) => {
        const q = periods[ints[j * INTS + COL.period]!]!;
        return q.label === p.label && q.sortable === p.sortable;
      });
      if (first !== undefined) {
        onRepeat(first, i);
        continue;
      }
    }
    seriesNo[i] = s;
    series[s]!.push(i);
    at.set(s, i);
    kept.push(i);
  }
  const sortable = (i: number): number => periods[ints[i * INTS + COL.period]!]!.sortable;
  const label = (i: number): string => periods[ints[i * INTS + COL.period]!]!.label;
  for (const list of series) {
    if (list.length > 1) list.sort((x, y) => sortable(x) - sortable(y) || (label(x) === label(y) ? 0 : label(x).localeCompare(label(y))));
  }
  const headline = (c: number): number => {
    let h = headlineOf[c]!;
    if (h === -2) {
      const [ind, sex, age] = cohortFields[c]!;
      headlineOf[c] = h = cohortOf(ind!, sex!, age!, -1, -1, false);
    }
    return h;
  };
  let ids: Map<string, number> | null = null;
  const idOf = (s: string | null): number => {
    if (s === null) return -1;
    ids ??= new Map(strings.map((x, i) => [x, i]));
    return ids.get(s) ?? -3;
  };
  const point = (s: number, lab: string): number => {
    const l = labelIds.get(lab);
    return l === undefined || s < 0 ? -1 : (points[l]!.get(s) ?? -1);
  };
  return {
    kept,
    series,
    england,
    seriesOf: (i) => {
      const s = seriesNo[i]!;
      if (s >= 0) return series[s]!;
      const own = byArea[rowCohort[i]!]!.get(ints[i * INTS + COL.areaCode]!);
      return own === undefined ? [i] : series[own]!;
    },
    at: (i, areaId, headlineOnly = true) => {
      if (areaId < 0) return -1;
      const c = headlineOnly ? headline(rowCohort[i]!) : rowCohort[i]!;
      const s = c < 0 ? undefined : byArea[c]!.get(areaId);
      return s === undefined ? -1 : (points[labelOf(ints[i * INTS + COL.period]!)]!.get(s) ?? -1);
    },
    find: (f) => {
      const ind = idOf(f.indicatorId), area = idOf(f.areaCode), sex = idOf(f.sex), age = idOf(f.age);
      const type = f.categoryType === '' ? -1 : idOf(f.categoryType), cat = f.category === '' ? -1 : idOf(f.category);
      if (ind === -3 || area === -3 || sex === -3 || age === -3 || type === -3 || cat === -3) return -1;
      const c = cohortOf(ind, sex, age, type, cat, false);
      return c < 0 ? -1 : (byArea[c]!.get(area) ?? -1);
    },
    point,
  };
}
