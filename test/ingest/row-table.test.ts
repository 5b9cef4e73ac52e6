import { Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExtract } from '../../src/ingest/read-extract.js';
import type { IndicatorRow } from '../../src/ingest/row.js';
import { COL, INTS, rowEncoder } from '../../src/ingest/row-codec.js';
import { comparedView, indicatorBlocks, readCompared, readRow, rowView, tableOfRows, textAt } from '../../src/ingest/row-table.js';
import { ROOT } from '../helpers/shared.js';

const sample = async (): Promise<IndicatorRow[]> => (await readExtract(join(ROOT, 'fixtures', 'luton.csv'), { stdin: Readable.from([]) })).rows;

/** The runs of rows of one indicator, in order. */
const runs = (rows: IndicatorRow[]): IndicatorRow[][] => {
  const out: IndicatorRow[][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[0]!.indicatorId === r.indicatorId) last.push(r);
    else out.push([r]);
  }
  return out;
};

describe('indicatorBlocks', () => {
  it('gives one table a run of one indicator, whose rows are the rows packed, across batches and string-table resets', async () => {
    const rows = await sample();
    const expected = runs(rows);
    expect(expected.length).toBeGreaterThan(5);
    for (const [size, limit] of [[4096, 200_000], [7, 200_000], [5, 30], [3, 1]] as const) {
      const encoder = rowEncoder(size, limit);
      const got: { id: string; rows: IndicatorRow[]; ids: number }[] = [];
      const blocks = indicatorBlocks(rows[0]!.file, (table, id) => {
        const back = Array.from({ length: table.size }, (_, i) => table.row(i));
        // One id a string within a table, however many resets the run spanned.
        const used = new Set<number>();
        for (let i = 0; i < table.size; i++) for (let f = 2; f < INTS; f++) if (table.ints[i * INTS + f]! >= 0) used.add(table.ints[i * INTS + f]!);
        const strings = [...used].map((u) => table.strings[u]);
        expect(new Set(strings).size).toBe(strings.length);
        got.push({ id, rows: back, ids: used.size });
      });
      const take = (): void => {
        const batch = encoder.take();
        if (batch) blocks.add(batch);
      };
      let resets = 0;
      for (const row of rows) {
        if (encoder.add(row)) {
          const batch = encoder.take()!;
          if (batch.reset) resets++;
          blocks.add(batch);
        }
      }
      take();
      blocks.end();
      if (limit < 100) expect(resets).toBeGreaterThan(0);
      expect(got.map((g) => g.id)).toEqual(expected.map((r) => r[0]!.indicatorId));
      expect(got.map((g) => g.rows)).toEqual(expected);
    }
  });
});

describe('tableOfRows, readRow and readCompared', () => {
  it('reads back each row of the real sample: numbers (null when missing), texts and period', async () => {
    const rows = await sample();
    const table = tableOfRows(rows);
    const v = rowView();
    const c = comparedView();
    rows.forEach((r, i) => {
      readRow(table, i, v);
      expect(v).toEqual({
        areaCode: r.areaCode, areaName: r.areaName, parentCode: r.parentCode, categoryType: r.categoryType, category: r.category, period: r.period,
        value: r.value, lower95: r.lower95, upper95: r.upper95, lower998: r.lower998, upper998: r.upper998, count: r.count, denominator: r.denominator,
        comparedToEngland: r.comparedToEngland, comparedToParent: r.comparedToParent, recentTrend: r.recentTrend, derivedCi: false,
      });
      expect(textAt(table, i, COL.indicatorId)).toBe(r.indicatorId);
      expect(table.row(i)).toBe(r);
      expect(readCompared(table, i, c)).toEqual({
        areaName: r.areaName, value: r.value, lower95: r.lower95, upper95: r.upper95, lower998: r.lower998, upper998: r.upper998, denominator: r.denominator, derivedCi: false,
      });
    });
    expect(rows.some((r) => r.value === null)).toBe(true);
  });
});
