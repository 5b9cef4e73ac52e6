import type { GeographyLevel } from '../normalise/area.js';
import type { TimePeriod } from '../normalise/time-period.js';
import type { IndicatorRow, RowBuilder, RowHead } from './row.js';

/**
 * Validated rows as flat typed arrays, for handing rows from a reading thread to the main thread
 * without the structured clone of objects (which costs ~3 µs a row to rebuild, more than validating
 * it): each text field is an index into a string table that grows with the strings first seen in
 * each batch, numbers are float64 (NaN for a missing value), and a period is an index into a table
 * of period objects, so rows that shared one period object still share one after decoding.
 */

const TEXT = [
  'indicatorId', 'indicatorName', 'parentCode', 'parentName', 'areaCode', 'areaName', 'areaType', 'level', 'sex', 'age', 'categoryType', 'category',
  'missingReason', 'valueNote', 'recentTrend', 'comparedToEngland', 'comparedToParent', 'comparedToGoal', 'newData', 'timePeriodRange',
] as const;
const NUMBER = ['value', 'lower95', 'upper95', 'lower998', 'upper998', 'count', 'denominator'] as const;
/** Int32 slots of a row: its line, its period, then its text fields (-1 for null). */
export const INTS = 2 + TEXT.length;
/** Float64 slots of a row: its numbers, NaN when missing. */
export const NUMBERS = NUMBER.length;

/** A row's Int32 slot of each field: `ints[row * INTS + COL.areaCode]` is the id of its area code in the string table. */
export const COL = {
  line: 0, period: 1, indicatorId: 2, indicatorName: 3, parentCode: 4, parentName: 5, areaCode: 6, areaName: 7, areaType: 8, level: 9,
  sex: 10, age: 11, categoryType: 12, category: 13, missingReason: 14, valueNote: 15, recentTrend: 16, comparedToEngland: 17,
  comparedToParent: 18, comparedToGoal: 19, newData: 20, timePeriodRange: 21,
} as const;
/** A row's Float64 slot of each number: `numbers[row * NUMBERS + NUM.value]`. */
export const NUM = { value: 0, lower95: 1, upper95: 2, lower998: 3, upper998: 4, count: 5, denominator: 6 } as const;

export interface RowBatch {
  rows: number;
  /** The string and period tables start again with this batch (they had grown past their limit). */
  reset: boolean;
  /** Strings and periods first seen in this batch, continuing the tables' ids. */
  strings: string[];
  periods: TimePeriod[];
  ints: Int32Array;
  numbers: Float64Array;
}

/** A rowEncoder: `build` packs a row from its parts (a createRowValidator builder), `add` a row object. */
export interface RowEncoder {
  /** Packs a row from its parts; true when the batch is full. */
  build: RowBuilder<boolean>;
  /** Packs a row; true when the batch is full. */
  add: (row: IndicatorRow) => boolean;
  /** The batch so far (null when empty); a new batch starts. */
  take: () => RowBatch | null;
}

/**
 * Packs rows into batches of `size`; `add` or `build` says when a batch is full and `take` hands it
 * over (null when empty). The tables start again, at a batch's first row, once they hold
 * `tableLimit` strings, so memory stays bounded on files of endless distinct notes. Given to the
 * validator as its builder, `build` packs each row without a row object being made: the series
 * fields are looked up only when the head object changes (a new series). With `slots`, the batches
 * are written in turn into that many pairs of arrays over shared memory, allocated once: a batch
 * posted to another thread is shared, not copied, and its arrays are written again `slots` batches
 * later, so its taker must be done with it by then.
 *
 * @example const e = rowEncoder(2); e.add(row); e.add(row) // true: e.take() is a batch of two rows
 */
export function rowEncoder(size = 4096, tableLimit = 200_000, slots = 0): RowEncoder {
  let strings = new Map<string, number>();
  let periods = new Map<TimePeriod, number>();
  let batch: RowBatch;
  const lastText: (string | null | undefined)[] = TEXT.map(() => undefined);
  const lastId = TEXT.map(() => -1);
  /** The head whose fields lastText holds (undefined after a table reset). */
  let lastHead: RowHead | undefined;
  const shared = Array.from({ length: slots }, () => ({
    ints: new Int32Array(new SharedArrayBuffer(size * INTS * 4)),
    numbers: new Float64Array(new SharedArrayBuffer(size * NUMBER.length * 8)),
  }));
  /** Batches begun: the next is written into slot `begun % slots`. */
  let begun = 0;
  const fresh = (): void => {
    const slot = slots > 0 ? shared[begun++ % slots] : undefined;
    batch = { rows: 0, reset: false, strings: [], periods: [], ints: slot?.ints ?? new Int32Array(size * INTS), numbers: slot?.numbers ?? new Float64Array(size * NUMBER.length) };
  };
  fresh();
  const idOf = (s: string | null): number => {
    if (s === null) return -1;
    let id = strings.get(s);
    if (id === undefined) {
      id = strings.size;
      strings.set(s, id);
      batch.strings.push(s);
    }
    return id;
  };
  let base = 0;
  /** Text field `f` of the row at `base`; consecutive rows mostly repeat a field (the same string, from the validator). */
  const put = (f: number, s: string | null): void => {
    if (s !== lastText[f]) {
      lastText[f] = s;
      lastId[f] = idOf(s);
    }
    batch.ints[base + f] = lastId[f]!;
  };
  const build: RowBuilder<boolean> = (
    _file, line, h, period, value, missingReason, lower95, upper95, lower998, upper998, count, denominator,
    valueNote, recentTrend, comparedToEngland, comparedToParent, comparedToGoal, newData, timePeriodRange,
  ) => {
    if (batch.rows === 0 && strings.size >= tableLimit) {
      strings = new Map();
      periods = new Map();
      lastText.fill(undefined);
      lastHead = undefined;
      batch.reset = true;
    }
    let p = periods.get(period);
    if (p === undefined) {
      p = periods.size;
      periods.set(period, p);
      batch.periods.push(period);
    }
    const at = batch.rows * INTS;
    const ints = batch.ints;
    ints[at] = line;
    ints[at + 1] = p;
    base = at + 2;
    // The fields are named one by one, in TEXT's order: a loop over their names cost a keyed load each.
    if (h === lastHead) {
      for (let f = 0; f < 12; f++) ints[base + f] = lastId[f]!;
    } else {
      lastHead = h;
      put(0, h.indicatorId); put(1, h.indicatorName); put(2, h.parentCode); put(3, h.parentName); put(4, h.areaCode);
      put(5, h.areaName); put(6, h.areaType); put(7, h.level); put(8, h.sex); put(9, h.age); put(10, h.categoryType); put(11, h.category);
    }
    put(12, missingReason); put(13, valueNote); put(14, recentTrend); put(15, comparedToEngland);
    put(16, comparedToParent); put(17, comparedToGoal); put(18, newData); put(19, timePeriodRange);
    const x = batch.numbers;
    const n = batch.rows * NUMBER.length;
    x[n] = value ?? NaN;
    x[n + 1] = lower95 ?? NaN;
    x[n + 2] = upper95 ?? NaN;
    x[n + 3] = lower998 ?? NaN;
    x[n + 4] = upper998 ?? NaN;
    x[n + 5] = count ?? NaN;
    x[n + 6] = denominator ?? NaN;
    batch.rows++;
    return batch.rows === size;
  };
  return {
    build,
    add: (r) => build(r.file, r.line, r, r.period, r.value, r.missingReason, r.lower95, r.upper95, r.lower998, r.upper998, r.count, r.denominator,
      r.valueNote, r.recentTrend, r.comparedToEngland, r.comparedToParent, r.comparedToGoal, r.newData, r.timePeriodRange),
    take() {
      if (batch.rows === 0) return null;
      const full = batch;
      if (full.rows < size) {
        full.ints = slots > 0 ? full.ints.subarray(0, full.rows * INTS) : full.ints.slice(0, full.rows * INTS);
        full.numbers = slots > 0 ? full.numbers.subarray(0, full.rows * NUMBER.length) : full.numbers.slice(0, full.rows * NUMBER.length);
      }
      fresh();
      return full;
    },
  };
}

/**
 * The string and period tables of one rowEncoder's batches, as they grow batch by batch: `adopt`
 * each batch in order, then its ids read against `strings` and `periods` (new arrays after a reset).
 *
 * @example const tables = batchTables(); tables.adopt(batch); tables.strings[batch.ints[COL.areaCode]] // 'E06000032'
 */
export function batchTables(): { strings: string[]; periods: TimePeriod[]; adopt: (batch: RowBatch) => void } {
  const tables = {
    strings: [] as string[],
    periods: [] as TimePeriod[],
    adopt(batch: RowBatch): void {
      if (batch.reset) {
        tables.strings = [];
        tables.periods = [];
      }
      for (const s of batch.strings) tables.strings.push(s);
      for (const p of batch.periods) tables.periods.push(p);
    },
  };
  return tables;
}

/** A packed number as a row's number: NaN is missing. */
export const numberOrNull = (v: number): number | null => (v === v ? v : null);
const num = numberOrNull;

/**
 * The row object of packed row `r` (of file `file`), its ids read against `strings` and `periods`.
 *
 * @example decodeRow('x.csv', batch.ints, batch.numbers, 0, strings, periods).value // 80.1
 */
export function decodeRow(file: string, i: Int32Array, x: Float64Array, r: number, strings: string[], periods: TimePeriod[]): IndicatorRow {
  const text = (id: number): string | null => (id < 0 ? null : strings[id]!);
  const a = r * INTS;
  const b = r * NUMBERS;
  return {
    file,
    line: i[a]!,
    indicatorId: strings[i[a + 2]!]!,
    indicatorName: strings[i[a + 3]!]!,
    parentCode: text(i[a + 4]!),
    parentName: text(i[a + 5]!),
    areaCode: strings[i[a + 6]!]!,
    areaName: strings[i[a + 7]!]!,
    areaType: text(i[a + 8]!),
    level: strings[i[a + 9]!]! as GeographyLevel,
    sex: strings[i[a + 10]!]!,
    age: strings[i[a + 11]!]!,
    categoryType: text(i[a + 12]!),
    category: text(i[a + 13]!),
    period: periods[i[a + 1]!]!,
    value: num(x[b]!),
    missingReason: text(i[a + 14]!),
    lower95: num(x[b + 1]!),
    upper95: num(x[b + 2]!),
    lower998: num(x[b + 3]!),
    upper998: num(x[b + 4]!),
    count: num(x[b + 5]!),
    denominator: num(x[b + 6]!),
    valueNote: text(i[a + 15]!),
    recentTrend: text(i[a + 16]!),
    comparedToEngland: text(i[a + 17]!),
    comparedToParent: text(i[a + 18]!),
    comparedToGoal: text(i[a + 19]!),
    newData: text(i[a + 20]!),
    timePeriodRange: text(i[a + 21]!),
  };
}

/**
 * Unpacks the batches of one rowEncoder, in order, giving each row (of file `file`) to `each`.
 *
 * @example const decode = rowDecoder('x.csv'); decode(batch, (row) => rows.push(row))
 */
export function rowDecoder(file: string): (batch: RowBatch, each: (row: IndicatorRow) => void) => void {
  const tables = batchTables();
  return (batch, each) => {
    tables.adopt(batch);
    const { strings, periods } = tables;
    for (let r = 0; r < batch.rows; r++) each(decodeRow(file, batch.ints, batch.numbers, r, strings, periods));
  };
}
