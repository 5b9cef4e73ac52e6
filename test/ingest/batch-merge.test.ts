/* Batches of two reading threads (and a re-read on the main one) merged into one encoder's: the real sample comes back row for row. */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { batchMerger } from '../../src/ingest/batch-merge.js';
import { readExtract } from '../../src/ingest/read-extract.js';
import type { IndicatorRow } from '../../src/ingest/row.js';
import { batchTables, rowDecoder, rowEncoder, type RowBatch } from '../../src/ingest/row-codec.js';
import { seededUniform } from '../../src/stats/index.js';
import { ROOT } from '../helpers/shared.js';

const sample = async (): Promise<IndicatorRow[]> => (await readExtract(join(ROOT, 'fixtures', 'luton.csv'), { stdin: Readable.from([]) })).rows;

describe('batchMerger', () => {
  it('property: blocks read in turn by two encoders, some read again by a third, merge back into the rows in order, with their lines and one id a string', async () => {
    const rows = await sample();
    expect(rows.length).toBeGreaterThan(500);
    const rand = seededUniform(3);
    for (const [size, sourceLimit, mergedLimit] of [[4096, 200_000, 200_000], [7, 40, 200_000], [5, 200_000, 30], [3, 20, 25]] as const) {
      const encoders = [0, 1, 2].map(() => rowEncoder(size, sourceLimit));
      const merger = batchMerger(3, mergedLimit);
      const out: IndicatorRow[] = [];
      const decode = rowDecoder(rows[0]!.file);
      const merged = batchTables();
      let resets = 0;
      let skipped = 0;
      /** Packs a block's rows on `source` (lines counted from the block's start, as a thread counts them); each batch to `onBatch`. */
      const pack = (source: number, block: IndicatorRow[], before: number, onBatch: (b: RowBatch) => void): void => {
        const encoder = encoders[source]!;
        for (const r of block) if (encoder.add({ ...r, line: r.line - before })) onBatch(encoder.take()!);
        const last = encoder.take();
        if (last) onBatch(last);
      };
      const take = (batch: RowBatch): void => {
        if (batch.reset) resets++;
        merged.adopt(batch);
        expect(new Set(merged.strings).size).toBe(merged.strings.length);
        decode(batch, (r) => out.push(r));
      };
      for (let at = 0, k = 0; at < rows.length; k++) {
        const block = rows.slice(at, at + 1 + Math.floor(rand() * 60));
        const before = Math.floor(rand() * 1000);
        const source = k % 2;
        if (rand() < 0.2) {
          // Read from a wrong start: its batches are skipped, and the block is read again on the main thread.
          pack(source, block.slice(1), before, (b) => {
            skipped++;
            merger.skip(source, b);
          });
          pack(2, block, before, (b) => take(merger.merge(2, b, before)));
        } else pack(source, block, before, (b) => take(merger.merge(source, b, before)));
        at += block.length;
      }
      expect(out).toEqual(rows);
      expect(skipped).toBeGreaterThan(0);
      if (mergedLimit < 100) expect(resets).toBeGreaterThan(0);
    }
  });
});
