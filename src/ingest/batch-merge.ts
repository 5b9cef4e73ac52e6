import { batchTables, COL, INTS, type RowBatch } from './row-codec.js';

/** One source's ids mapped to the merged tables' (-1: not yet mapped). */
interface SourceIds {
  tables: ReturnType<typeof batchTables>;
  strings: Int32Array;
  periods: Int32Array;
}

/** A map of `n` ids at least, all unmapped; the old one's entries kept when it grows. */
function grown(map: Int32Array, n: number): Int32Array {
  if (n <= map.length) return map;
  const more = new Int32Array(Math.max(n, map.length * 2)).fill(-1);
  more.set(map);
  return more;
}

/** The merged id of `key`; a new one, with `value` added to the batch's `added`, when it has none. */
function mergedId<T>(ids: Map<string, number>, key: string, value: T, added: T[]): number {
  let own = ids.get(key);
  if (own === undefined) {
    own = ids.size;
    ids.set(key, own);
    added.push(value);
  }
  return own;
}

/**
 * Merges the packed batches of several rowEncoders (one for each reading thread) into the batches of one:
 * each batch, taken in file order from whichever source read it, has its ids rewritten in place to
 * one string table (one id a string, as one encoder gives) and one period table (one id a period of
 * the same fields, whichever thread made the object), and its lines moved on by the lines of the
 * file before its block. The merged tables start again, at a batch's first row, once they hold
 * `tableLimit` strings, as an encoder's do. `skip` takes a batch that is not wanted (a block read
 * from a wrong start) so that its source's tables stay in step.
 *
 * @example const m = batchMerger(2); const out = m.merge(1, batch, 40000) // batch's ids in the merged tables, its lines + 40000
 */
export function batchMerger(sources: number, tableLimit = 200_000): { merge: (source: number, batch: RowBatch, lines: number) => RowBatch; skip: (source: number, batch: RowBatch) => void } {
  const stringIds = new Map<string, number>();
  const periodIds = new Map<string, number>();
  const of: SourceIds[] = Array.from({ length: sources }, () => ({ tables: batchTables(), strings: new Int32Array(0), periods: new Int32Array(0) }));
  const follow = (source: SourceIds, batch: RowBatch): void => {
    source.tables.adopt(batch);
    if (batch.reset) {
      source.strings.fill(-1);
      source.periods.fill(-1);
    }
    source.strings = grown(source.strings, source.tables.strings.length);
    source.periods = grown(source.periods, source.tables.periods.length);
  };
  const merge = (which: number, batch: RowBatch, lines: number): RowBatch => {
    const source = of[which]!;
    follow(source, batch);
    const out: RowBatch = { rows: batch.rows, reset: false, strings: [], periods: [], ints: batch.ints, numbers: batch.numbers };
    if (stringIds.size >= tableLimit) {
      stringIds.clear();
      periodIds.clear();
      for (const s of of) {
        s.strings.fill(-1);
        s.periods.fill(-1);
      }
      out.reset = true;
    }
    const { strings, periods } = source;
    const localStrings = source.tables.strings;
    const localPeriods = source.tables.periods;
    const stringId = (id: number): number => {
      const text = localStrings[id]!;
      return (strings[id] = mergedId(stringIds, text, text, out.strings));
    };
    const periodId = (id: number): number => {
      const period = localPeriods[id]!;
      return (periods[id] = mergedId(periodIds, JSON.stringify(period), period, out.periods));
    };
    const ints = batch.ints;
    // Imported bindings are read afresh on each use: the loop reads locals.
    const width = INTS;
    const line = COL.line;
    const period = COL.period;
    const text = COL.indicatorId;
    for (let a = 0, end = batch.rows * width; a < end; a += width) {
      ints[a + line] = ints[a + line]! + lines;
      const p = ints[a + period]!;
      const own = periods[p]!;
      ints[a + period] = own >= 0 ? own : periodId(p);
      for (let j = a + text, stop = a + width; j < stop; j++) {
        const id = ints[j]!;
        if (id < 0) continue;
        const mapped = strings[id]!;
        ints[j] = mapped >= 0 ? mapped : stringId(id);
      }
    }
    return out;
  };
  return { merge, skip: (which, batch) => follow(of[which]!, batch) };
}
