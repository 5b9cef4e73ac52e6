import { Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExtract } from '../../src/ingest/read-extract.js';
import type { IndicatorRow } from '../../src/ingest/row.js';
import { rowDecoder, rowEncoder } from '../../src/ingest/row-codec.js';
import { ROOT } from '../helpers/shared.js';

const roundTrip = (rows: IndicatorRow[], size: number, tableLimit: number, slots = 0): IndicatorRow[] => {
  const encoder = rowEncoder(size, tableLimit, slots);
  const decode = rowDecoder(rows[0]!.file);
  const out: IndicatorRow[] = [];
  const take = () => {
    const batch = encoder.take();
    if (batch) decode(batch, (r) => out.push(r));
  };
  for (const row of rows) if (encoder.add(row)) take();
  take();
  return out;
};

describe('row codec', () => {
  it('with slots, writes the batches in turn into arrays over shared memory, each taken batch read before its slot comes round again', async () => {
    const { rows } = await readExtract(join(ROOT, 'fixtures', 'luton.csv'), { stdin: Readable.from([]) });
    expect(roundTrip(rows, 7, 30, 3)).toEqual(rows);
    const encoder = rowEncoder(2, 200_000, 3);
    const buffers: ArrayBufferLike[] = [];
    for (const row of rows.slice(0, 9)) {
      if (!encoder.add(row)) continue;
      const batch = encoder.take()!;
      expect(batch.ints.buffer).toBeInstanceOf(SharedArrayBuffer);
      buffers.push(batch.ints.buffer);
    }
    const last = encoder.take()!;
    expect(last.rows).toBe(1);
    expect(buffers).toHaveLength(4);
    expect(new Set(buffers).size).toBe(3);
    expect(buffers[3]).toBe(buffers[0]);
    expect(last.ints.buffer).toBe(buffers[1]);
  });


  it('gives back the rows of the real sample extract, nulls, missing values and shared periods included, across batches and table resets', async () => {
    const { rows } = await readExtract(join(ROOT, 'fixtures', 'luton.csv'), { stdin: Readable.from([]) });
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.some((r) => r.value === null && r.missingReason !== null)).toBe(true);
    for (const [size, limit] of [[4096, 200_000], [7, 200_000], [5, 30]] as const) {
      const back = roundTrip(rows, size, limit);
      expect(back).toEqual(rows);
      expect(back.map((r) => Object.keys(r))).toEqual(rows.map((r) => Object.keys(r)));
    }
    // Without a reset, rows that shared a period object share one after decoding.
    const back = roundTrip(rows, 7, 200_000);
    for (let i = 1; i < rows.length; i++) expect(back[i]!.period === back[i - 1]!.period).toBe(rows[i]!.period === rows[i - 1]!.period);
  });

  it('packs the rows a validator builds from their parts (no row objects) as it packs the row objects, across batches and table resets', async () => {
    const file = join(ROOT, 'fixtures', 'luton.csv');
    const { rows } = await readExtract(file, { stdin: Readable.from([]) });
    for (const [size, limit] of [[4096, 200_000], [7, 200_000], [5, 30]] as const) {
      const encoder = rowEncoder(size, limit);
      const decode = rowDecoder(file);
      const back: IndicatorRow[] = [];
      const take = () => {
        const batch = encoder.take();
        if (batch) decode(batch, (r) => back.push(r));
      };
      const packed = await readExtract(file, { stdin: Readable.from([]), pack: { build: encoder.build, full: take } });
      take();
      expect(packed.rows).toEqual([]);
      expect(packed.summary.rows_used).toBe(rows.length);
      expect(back).toEqual(rows);
    }
  });

  it('keeps 0, -0 and very small or large numbers apart from a missing value', () => {
    const base = { file: 'x.csv', line: 2, indicatorId: '1', indicatorName: 'n', parentCode: null, parentName: null, areaCode: 'E06000032', areaName: 'Luton', areaType: null, level: 'county-ua', sex: 'Persons', age: 'All ages', categoryType: null, category: null, period: { label: '2019', sortable: 20190000, startYear: 2019, years: 1, kind: 'year' }, missingReason: null, valueNote: null, recentTrend: null, comparedToEngland: null, comparedToParent: null, comparedToGoal: null, newData: null, timePeriodRange: null } as const;
    const rows: IndicatorRow[] = [0, -0, 5e-324, 1.7976931348623157e308, null].map((v, i) => ({ ...base, line: i + 2, value: v, lower95: v, upper95: null, lower998: null, upper998: null, count: i, denominator: null }));
    const back = roundTrip(rows, 2, 10);
    expect(back).toEqual(rows);
    expect(Object.is(back[1]!.value, -0)).toBe(true);
  });
});
