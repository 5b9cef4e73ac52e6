import type { TimePeriod } from '../normalise/time-period.js';
import type { IndicatorRow } from './row.js';
import { batchTables, COL, decodeRow, INTS, NUM, numberOrNull, NUMBERS, rowEncoder, type RowBatch } from './row-codec.js';

/**
 * Rows as columns (row-codec's layout): row `i`'s text fields are ids into `strings` (-1 for null;
 * one id a string, so equal ids are equal strings), its period an id into `periods`, its numbers
 * float64 with NaN for missing. The compute of a national file reads these columns, so an indicator
 * of 200,000 rows is two typed arrays rather than 200,000 objects for the collector to copy and mark.
 */
export interface RowTable {
  size: number;
  ints: Int32Array;
  numbers: Float64Array;
  strings: string[];
  periods: TimePeriod[];
  /** Row `i` as an object (for a message or an output record): made on demand, or the one the table was made from. */
  row: (i: number) => IndicatorRow;
  /** Row `i`'s file. */
  fileOf: (i: number) => string;
  /** Row `i`'s CIs were derived by marmot (`--derive-ci`). */
  derived: (i: number) => boolean;
}

/** Row `i`'s text field in slot `col` (COL), null when blank. */
export const textAt = (t: RowTable, i: number, col: number): string | null => textOf(t.strings, t.ints[i * INTS + col]!);

/** Row `i`'s period. */
export const periodAt = (t: RowTable, i: number): TimePeriod => t.periods[t.ints[i * INTS + COL.period]!]!;

/**
 * The rows as a table; `row(i)` is `rows[i]`.
 *
 * @example tableOfRows(rows).numbers[0] // rows[0].value, NaN when missing
 */
export function tableOfRows(rows: IndicatorRow[]): RowTable {
  const encoder = rowEncoder(Math.max(1, rows.length), Infinity);
  for (const r of rows) encoder.add(r);
  const batch = encoder.take();
  return {
    size: rows.length,
    ints: batch?.ints ?? new Int32Array(0),
    numbers: batch?.numbers ?? new Float64Array(0),
    strings: batch?.strings ?? [],
    periods: batch?.periods ?? [],
    row: (i) => rows[i]!,
    fileOf: (i) => rows[i]!.file,
    derived: (i) => !!rows[i]!.derivedCi,
  };
}

/**
 * Cuts one file's packed batches, in order, into a table for each run of rows of one indicator and
 * hands each to `onBlock` when the run ends (at the next indicator, or at `end`). The table's arrays
 * are reused for the next run: `onBlock` must be done with it when it returns. A run that spans a
 * reset of the reading thread's string table keeps one id a string (the later ids are mapped).
 *
 * @example const blocks = indicatorBlocks('x.csv', (table, id) => check(table)); blocks.add(batch); blocks.end()
 */
export function indicatorBlocks(file: string, onBlock: (table: RowTable, indicatorId: string) => void): { add: (batch: RowBatch) => void; end: () => void } {
  const tables = batchTables();
  let ints = new Int32Array(4096 * INTS);
  let numbers = new Float64Array(4096 * NUMBERS);
  let size = 0;
  /** The string and period tables the run's ids refer to. */
  let strings: string[] = [];
  let periods: TimePeriod[] = [];
  /**
   * The run's indicator, as an id of the current batch's tables: -1 before the first row, -2 after
   * a reset of the tables mid-run (the next row is compared by its text, `currentText`).
   */
  let current = -1;
  let currentText = '';
  /** Set when the run's tables are no longer the reader's: later ids are mapped into the run's. */
  let mapped: { strings: Map<number, number>; periods: Map<number, number>; stringIds: Map<string, number>; periodIds: Map<TimePeriod, number> } | null = null;
  const table: RowTable = {
    size: 0, ints, numbers, strings, periods,
    row: (i) => decodeRow(file, table.ints, table.numbers, i, table.strings, table.periods),
    fileOf: () => file,
    derived: () => false,
  };
  const finish = (): void => {
    if (size === 0) return;
    Object.assign(table, { size, ints: ints.subarray(0, size * INTS), numbers: numbers.subarray(0, size * NUMBERS), strings, periods });
    onBlock(table, currentText);
    size = 0;
    mapped = null;
  };
  const room = (rows: number): void => {
    if ((size + rows) * INTS <= ints.length) return;
    const more = Math.max(size + rows, size * 2);
    const i = new Int32Array(more * INTS);
    i.set(ints.subarray(0, size * INTS));
    ints = i;
    const x = new Float64Array(more * NUMBERS);
    x.set(numbers.subarray(0, size * NUMBERS));
    numbers = x;
  };
  /** Copies rows [from, to) of the batch into the run. */
  const copy = (batch: RowBatch, from: number, to: number): void => {
    if (to <= from) return;
    room(to - from);
    ints.set(batch.ints.subarray(from * INTS, to * INTS), size * INTS);
    numbers.set(batch.numbers.subarray(from * NUMBERS, to * NUMBERS), size * NUMBERS);
    if (mapped) remap(size, size + to - from);
    size += to - from;
  };
  /** Maps the reader's ids of rows [from, to) of the run to the run's own tables. */
  const remap = (from: number, to: number): void => {
    const m = mapped!;
    const stringId = (id: number): number => {
      if (id < 0) return id;
      let own = m.strings.get(id);
      if (own === undefined) {
        const s = tables.strings[id]!;
        own = m.stringIds.get(s);
        if (own === undefined) m.stringIds.set(s, (own = strings.push(s) - 1));
        m.strings.set(id, own);
      }
      return own;
    };
    for (let r = from; r < to; r++) {
      const a = r * INTS;
      let p = m.periods.get(ints[a + 1]!);
      if (p === undefined) {
        const period = tables.periods[ints[a + 1]!]!;
        p = m.periodIds.get(period);
        if (p === undefined) m.periodIds.set(period, (p = periods.push(period) - 1));
        m.periods.set(ints[a + 1]!, p);
      }
      ints[a + 1] = p;
      for (let f = 2; f < INTS; f++) ints[a + f] = stringId(ints[a + f]!);
    }
  };
  const add = (batch: RowBatch): void => {
    tables.adopt(batch);
    if (batch.reset && size > 0) {
      mapped = { strings: new Map(), periods: new Map(), stringIds: new Map(strings.map((s, i) => [s, i])), periodIds: new Map(periods.map((p, i) => [p, i])) };
      current = -2;
    }
    if (size === 0) {
      strings = tables.strings;
      periods = tables.periods;
    }
    let from = 0;
    for (let r = 0; r < batch.rows; r++) {
      const id = batch.ints[r * INTS + COL.indicatorId]!;
      if (id === current) continue;
      const text = tables.strings[id]!;
      if (current === -2 && text === currentText) {
        current = id;
        continue;
      }
      copy(batch, from, r);
      finish();
      from = r;
      current = id;
      currentText = text;
      strings = tables.strings;
      periods = tables.periods;
    }
    copy(batch, from, batch.rows);
  };
  return { add, end: finish };
}

/** The fields of a row that the judgements read: a table row read into a reused object by `readRow`. */
export type RowView = Pick<IndicatorRow, 'areaCode' | 'areaName' | 'parentCode' | 'categoryType' | 'category' | 'period' | 'value' | 'lower95' | 'upper95'
  | 'lower998' | 'upper998' | 'count' | 'denominator' | 'comparedToEngland' | 'comparedToParent' | 'recentTrend' | 'derivedCi'>;

/** A RowView to fill with `readRow`. */
export const rowView = (): RowView => ({
  areaCode: '', areaName: '', parentCode: null, categoryType: null, category: null, period: { label: '', sortable: 0, startYear: 0, years: 0, kind: 'other' },
  value: null, lower95: null, upper95: null, lower998: null, upper998: null, count: null, denominator: null,
  comparedToEngland: null, comparedToParent: null, recentTrend: null, derivedCi: false,
});

/**
 * Reads row `i` of a table into `v` (no object is made) and returns it: readCompared's fields and the rest of a RowView.
 *
 * @example readRow(table, 0, rowView()).value // row 0's value, null when missing
 */
export function readRow(t: RowTable, i: number, v: RowView): RowView {
  readCompared(t, i, v);
  const a = i * INTS;
  const { ints, strings } = t;
  v.areaCode = strings[ints[a + COL.areaCode]!]!;
  v.parentCode = textOf(strings, ints[a + COL.parentCode]!);
  v.categoryType = textOf(strings, ints[a + COL.categoryType]!);
  v.category = textOf(strings, ints[a + COL.category]!);
  v.period = t.periods[ints[a + COL.period]!]!;
  v.count = numberOrNull(t.numbers[i * NUMBERS + NUM.count]!);
  v.comparedToEngland = textOf(strings, ints[a + COL.comparedToEngland]!);
  v.comparedToParent = textOf(strings, ints[a + COL.comparedToParent]!);
  v.recentTrend = textOf(strings, ints[a + COL.recentTrend]!);
  return v;
}

/** The fields of a row that a comparison with a benchmark reads (judgements' ComparedRow). */
export type ComparedView = Pick<IndicatorRow, 'areaName' | 'value' | 'lower95' | 'upper95' | 'lower998' | 'upper998' | 'denominator' | 'derivedCi'>;

/** A ComparedView to fill with `readCompared`. */
export const comparedView = (): ComparedView => ({ areaName: '', value: null, lower95: null, upper95: null, lower998: null, upper998: null, denominator: null, derivedCi: false });

/**
 * Reads the fields of row `i` that a comparison reads into `v` (a benchmark row: fewer reads than readRow) and returns it.
 *
 * @example readCompared(table, j, comparedView()).value // England's value at row i's period
 */
export function readCompared(t: RowTable, i: number, v: ComparedView): ComparedView {
  const b = i * NUMBERS;
  const x = t.numbers;
  v.areaName = t.strings[t.ints[i * INTS + COL.areaName]!]!;
  v.value = numberOrNull(x[b + NUM.value]!);
  v.lower95 = numberOrNull(x[b + NUM.lower95]!);
  v.upper95 = numberOrNull(x[b + NUM.upper95]!);
  v.lower998 = numberOrNull(x[b + NUM.lower998]!);
  v.upper998 = numberOrNull(x[b + NUM.upper998]!);
  v.denominator = numberOrNull(x[b + NUM.denominator]!);
  v.derivedCi = t.derived(i);
  return v;
}

const textOf = (strings: string[], id: number): string | null => (id < 0 ? null : strings[id]!);
