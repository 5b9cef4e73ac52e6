/* The record scanner's blocks: records across block ends, and hits decoded only as they are consumed. */
import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hitCount, hitLine, hitText, newRangeStats, scanRange } from '../../src/io/scan-range.js';
import { splitRecord } from '../../src/io/split-record.js';
import { seededUniform } from '../../src/stats/index.js';
import { csvParseRecords, randomFingertipsFile } from '../helpers/random-csv.js';
import { scratch } from '../helpers/temp.js';

const rand = seededUniform(7);

/** Every record of `file` as scanRange gives it in blocks of `chunk` bytes, each decoded after a pause in which the next block's read completes. */
async function scanSlowly(file: string, size: number, chunk: number): Promise<{ line: number; fields: string[] | null }[]> {
  const fh = await open(file, 'r');
  const out: { line: number; fields: string[] | null }[] = [];
  try {
    for await (const hits of scanRange(fh, 0, size, [], { header: true, final: true, every: true, chunk }, newRangeStats())) {
      for (let k = 0; k < hitCount(hits); k++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        out.push({ line: hitLine(hits, k), fields: splitRecord(hitText(hits, k)) });
      }
    }
  } finally {
    await fh.close();
  }
  return out;
}

describe('scanRange', () => {
  it('property: with blocks of a few bytes, and each record decoded only after the next read has landed, it gives csv-parse\'s records and lines', async () => {
    for (let k = 0; k < 8; k++) {
      const dir = scratch({});
      const file = join(dir, 'x.csv');
      const text = randomFingertipsFile(rand, 40, rand() < 0.5, false);
      writeFileSync(file, text);
      const expected = csvParseRecords(text);
      const chunk = 16 + Math.floor(rand() * 200);
      const got = await scanSlowly(file, Buffer.byteLength(text), chunk);
      expect(got.map((r) => r.fields)).toEqual(expected.map((r) => r.record));
      expect(got.map((r) => r.line)).toEqual(expected.map((r) => r.line));
    }
  });
});
