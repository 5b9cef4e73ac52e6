/* Blocks of a file read as two threads read them: each from where the block before truly ended, together the file's records. */
import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockBuffers, blockStarts, headerRecord, readBlock } from '../../src/io/file-blocks.js';
import type { CsvRecord } from '../../src/io/read-records.js';
import { FallBack } from '../../src/io/scan-range.js';
import { seededUniform } from '../../src/stats/index.js';
import { csvParseRecords, randomFingertipsFile } from '../helpers/random-csv.js';
import { scratch } from '../helpers/temp.js';

const rand = seededUniform(11);

/** The file's records as the main thread of a read on two threads takes them: block by block, each read from the true end of the one before. */
async function readInBlocks(file: string, blockBytes: number) {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(3);
    await fh.read(head, 0, 3, 0);
    const header = (await headerRecord(fh, head[0] === 0xef ? 3 : 0, size))!;
    const starts = await blockStarts(fh, header.end, size, blockBytes);
    const records: CsvRecord[] = [{ line: header.newlines, fields: header.fields }];
    let lines = header.newlines;
    let expected = starts[0]!;
    let wrongStarts = 0;
    // One pair of buffers for all the blocks, as a reading thread has.
    const buffers = blockBuffers();
    for (let k = 0; k + 1 < starts.length; k++) {
      if (starts[k] !== expected) wrongStarts++;
      const read = await readBlock(fh, expected, starts[k + 1]!, size, (rs) => {
        for (const r of rs) records.push({ line: r.line + lines, fields: r.fields });
      }, buffers);
      lines += read.newlines;
      expected = read.end;
    }
    return { records, starts, size, lines, wrongStarts, end: expected };
  } finally {
    await fh.close();
  }
}

describe('file blocks', () => {
  it('property: read block by block from true starts (quoted newlines, CRLF, BOM, blank lines), the blocks give csv-parse\'s records and lines', async () => {
    let wrongStarts = 0;
    for (let k = 0; k < 12; k++) {
      const dir = scratch({});
      const file = join(dir, 'x.csv');
      const text = randomFingertipsFile(rand, 60, rand() < 0.5, rand() < 0.3);
      writeFileSync(file, text);
      const got = await readInBlocks(file, 20 + Math.floor(rand() * 400));
      const expected = csvParseRecords(text);
      // The header's line is the last line it takes; csv-parse gives where it starts (1).
      expect(got.records.slice(1).map((r) => ({ record: r.fields, line: r.line }))).toEqual(expected.slice(1));
      expect(got.records[0]!.fields).toEqual(expected[0]!.record);
      expect(got.end).toBe(got.size);
      // Every newline of the file is counted once.
      expect(got.lines).toBe(text.split('\n').length - 1);
      for (let i = 1; i < got.starts.length; i++) expect(got.starts[i]!).toBeGreaterThan(got.starts[i - 1]!);
      wrongStarts += got.wrongStarts;
    }
    // Blocks of a few hundred bytes often start inside a quoted name with a newline.
    expect(wrongStarts).toBeGreaterThan(3);
  });

  it('reads records longer than the room before a scan block (64 KB) and than a scan block (1 MB), quoted newlines inside', async () => {
    const long = (n: number): string => `"${'x,y\n'.repeat(n)}"`;
    const text = `a,b\n1,${long(400_000)}\n2,z\n3,${long(30_000)}\n4,w\n`;
    const file = join(scratch({}), 'x.csv');
    writeFileSync(file, text);
    for (const blockBytes of [4 << 20, 150_000, 5_000]) {
      const got = await readInBlocks(file, blockBytes);
      expect(got.records.slice(1).map((r) => ({ record: r.fields, line: r.line }))).toEqual(csvParseRecords(text).slice(1));
      expect(got.lines).toBe(text.split('\n').length - 1);
    }
  });

  it('puts each nominal start just after a newline, and ends with the file size', async () => {
    const text = 'a,b\n' + '1,2\n'.repeat(10) + '3,4';
    const file = join(scratch({}), 'x.csv');
    writeFileSync(file, text);
    const fh = await open(file, 'r');
    try {
      const starts = await blockStarts(fh, 4, text.length, 6);
      expect(starts[0]).toBe(4);
      expect(starts[starts.length - 1]).toBe(text.length);
      for (const s of starts.slice(1, -1)) expect(text[s - 1]).toBe('\n');
      expect(starts).toEqual([4, 12, 16, 24, 28, 36, 40, 47]);
    } finally {
      await fh.close();
    }
  });

  it('finds the header after blank lines and across a quoted newline; none when it is not UTF-8 or cannot be split', async () => {
    const cases: [string | Buffer, unknown][] = [
      ['\r\n\n"Indicator\nID",Area Code\r\n1,E1\n', { fields: ['Indicator\nID', 'Area Code'], end: 29, newlines: 4 }],
      ['a,b', { fields: ['a', 'b'], end: 3, newlines: 0 }],
      [Buffer.from([0x61, 0xff, 0x0a, 0x31]), null],
      ['a,b"c\n1,2\n', null],
    ];
    for (const [content, expected] of cases) {
      const file = join(scratch({}), 'x.csv');
      writeFileSync(file, content);
      const fh = await open(file, 'r');
      try {
        expect(await headerRecord(fh, 0, Buffer.byteLength(content))).toEqual(expected);
      } finally {
        await fh.close();
      }
    }
  });

  it('gives up (FallBack) when a block\'s last record runs to the end of the file inside quotes', async () => {
    const text = 'a,b\n1,"x\ny\n2,3\n';
    const file = join(scratch({}), 'x.csv');
    writeFileSync(file, text);
    const fh = await open(file, 'r');
    try {
      await expect(readBlock(fh, 4, 8, text.length, () => {})).rejects.toBeInstanceOf(FallBack);
    } finally {
      await fh.close();
    }
  });
});
