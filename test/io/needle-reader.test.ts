/* The fast reading path against a plain csv-parse parse, on random valid files (quoted newlines included). */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readExtract } from '../../src/ingest/read-extract.js';
import { csvParseReader } from '../../src/io/read-records.js';
import { needleRecords, splitRecord, type NeedleStats } from '../../src/io/needle-reader.js';
import { seededUniform } from '../../src/stats/index.js';
import { csvParseRecords, randomFingertipsFile } from '../helpers/random-csv.js';
import { HEADER_27, row27, scratch } from '../helpers/temp.js';

const rand = seededUniform(99);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
const randomFile = (n: number, crlf: boolean, bom: boolean): string => randomFingertipsFile(rand, n, crlf, bom);

describe('splitRecord', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']], ['a,,c,', ['a', '', 'c', '']], ['"a,b",c', ['a,b', 'c']], ['"say ""hi""",x', ['say "hi"', 'x']],
    ['"two\nlines",x', ['two\nlines', 'x']], ['"",""', ['', '']],
  ])('%j', (text, fields) => expect(splitRecord(text)).toEqual(fields));
  it('gives null for malformed quoting, where csv-parse takes over', () => {
    expect(splitRecord('a"b,c')).toBeNull();
    expect(splitRecord('"a"b,c')).toBeNull();
  });
  it('property: equals csv-parse on random records', () => {
    for (let i = 0; i < 300; i++) {
      const fields = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(['', 'x', 'a b', 'a,b', 'say "hi"', 'two\nlines', '1.5']));
      const text = fields.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
      if (text === '') continue; // an empty line is no record
      expect(splitRecord(text)).toEqual(parse(text, { relax_column_count: true })[0]);
    }
  });
});

describe('the fast path (needles) against csv-parse', () => {
  it('property: on random valid files it yields exactly the records csv-parse gives that hold a needle, with their lines, and counts the rest', async () => {
    for (let k = 0; k < 20; k++) {
      const dir = scratch({});
      const file = join(dir, 'x.csv');
      const text = randomFile(50 + Math.floor(rand() * 200), rand() < 0.5, rand() < 0.3);
      writeFileSync(file, text);
      const stats: NeedleStats = { records: 0, yielded: 0, bytes: 0 };
      const fast: { line: number; fields: string[] }[] = [];
      for await (const r of needleRecords(file, ['E06000032', 'E92000001'], stats)) fast.push(r);
      const records = csvParseRecords(text);
      const expected = records.filter((r, i) => i === 0 || r.record.some((f) => f.includes('E06000032') || f.includes('E92000001')));
      expect(fast.map((r) => r.fields)).toEqual(expected.map((r) => r.record));
      expect(fast.map((r) => r.line)).toEqual(expected.map((r) => r.line));
      expect(stats.records).toBe(records.length - 1);
    }
  });

  it('property: with an Area Code column and areas, yields exactly the records whose Area Code is one of them', async () => {
    for (let k = 0; k < 10; k++) {
      const dir = scratch({});
      const file = join(dir, 'x.csv');
      // Regions' rows name England as their parent: they hold England's code, but not as their Area Code.
      const text = randomFile(200, rand() < 0.5, rand() < 0.3).replace(/E12000006,East of England region,E12000006/g, 'E92000001,England,E12000006');
      writeFileSync(file, text);
      const areas = ['E06000032', 'E92000001', ...(k % 2 ? ['E12000006'] : [])];
      const stats: NeedleStats = { records: 0, yielded: 0, bytes: 0 };
      const fast: string[][] = [];
      for await (const r of needleRecords(file, ['E06000032', 'E92000001'], stats, { column: (h) => h.indexOf('Area Code'), areas })) fast.push(r.fields);
      const records: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
      const expected = records.filter((r, i) => i === 0 || areas.includes(r[4]!));
      expect(fast).toEqual(expected);
      expect(stats.records).toBe(records.length - 1);
      expect(stats.yielded).toBe(expected.length - 1);
      if (k % 2) expect(fast.some((r) => r[4] === 'E12000006')).toBe(true);
    }
  });

  it('property: the two-thread scan (the built worker) equals the one-thread scan, also when the split falls inside a quoted field', async () => {
    const built = '../../dist/io/needle-reader.js';
    const { needleRecords: twoThreads } = (await import(built)) as typeof import('../../src/io/needle-reader.js');
    for (let k = 0; k < 8; k++) {
      const dir = scratch({});
      const file = join(dir, 'x.csv');
      let text = randomFile(300 + Math.floor(rand() * 300), k % 2 === 0, k % 3 === 0);
      if (k >= 4) {
        // A note of many lines over the middle of the file, so the split point is inside its quotes.
        const at = text.indexOf('\n', Math.floor(text.length * 0.35)) + 1;
        const lines = Array.from({ length: 3000 }, (_, i) => `line ${i}, E92000001`).join('\n');
        text = `${text.slice(0, at)}${row27({ area: 'E92000001', areaName: 'England', note: lines })}\n${text.slice(at)}`;
      }
      writeFileSync(file, text);
      const run = async (read: typeof needleRecords, options: Parameters<typeof needleRecords>[3]) => {
        const stats: NeedleStats = { records: 0, yielded: 0, bytes: 0 };
        const out: { line: number; fields: string[] }[] = [];
        for await (const r of read(file, ['E06000032', 'E92000001'], stats, options)) out.push(r);
        return { out, stats };
      };
      const one = await run(needleRecords, {});
      const two = await run(twoThreads, { parallelMin: 0 });
      expect(two.out).toEqual(one.out);
      expect(two.stats).toEqual(one.stats);
      expect(one.stats.yielded).toBeGreaterThan(10);
    }
  });

  it('does not count a needle in the header against the first record', async () => {
    const dir = scratch({ 'x.csv': `${HEADER_27},Note on E06000032\n${row27({ area: 'E06000033', areaName: 'Southend-on-Sea' })}\n${row27({ value: '1' })}\n` });
    const stats: NeedleStats = { records: 0, yielded: 0, bytes: 0 };
    const out: { line: number; fields: string[] }[] = [];
    for await (const r of needleRecords(join(dir, 'x.csv'), ['E06000032'], stats)) out.push(r);
    expect(out.map((r) => r.line)).toEqual([1, 3]);
    expect(stats).toMatchObject({ records: 2, yielded: 1 });
  });

  it('scans on alone when the worker never runs (node -e with --input-type, which workers inherit and refuse)', async () => {
    const text = randomFingertipsFile(seededUniform(4), 400, false, false);
    const dir = scratch({ 'x.csv': text });
    const file = join(dir, 'x.csv');
    const script = `import { needleRecords } from ${JSON.stringify(new URL('../../dist/io/needle-reader.js', import.meta.url).href)};
      const stats = { records: 0, yielded: 0, bytes: 0 };
      const out = [];
      for await (const r of needleRecords(${JSON.stringify(file)}, ['E06000032'], stats, { parallelMin: 0 })) out.push(r);
      console.log(JSON.stringify({ out, stats }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const stats: NeedleStats = { records: 0, yielded: 0, bytes: 0 };
    const out: { line: number; fields: string[] }[] = [];
    for await (const r of needleRecords(file, ['E06000032'], stats)) out.push(r);
    expect(JSON.parse(child.stdout)).toEqual({ out, stats });
    expect(stats.yielded).toBeGreaterThan(10);
  });

  it('property: the whole-file scan (every record) gives readExtract the rows, counts and digest csv-parse does', async () => {
    for (let k = 0; k < 12; k++) {
      const dir = scratch({});
      const file = join(dir, 'x.csv');
      let text = randomFile(150, rand() < 0.5, rand() < 0.5);
      // Malformed quoting: csv-parse's recovery is the reference, so the fast path hands the file over.
      if (k % 4 === 3) text = text.replace('\n', '\n90366,Li"fe,E12000006,East,E06000032,Luton,UA,Persons,All ages,,,2019,1\n');
      writeFileSync(file, text);
      const slow = await readExtract(file, { stdin: Readable.from([]), reader: csvParseReader, digest: true });
      const fast = await readExtract(file, { stdin: Readable.from([]), digest: true });
      expect(fast.rows).toEqual(slow.rows);
      expect(fast.summary).toEqual(slow.summary);
      expect(fast.diagnostics).toEqual(slow.diagnostics);
      expect(fast.digest).toEqual(slow.digest);
      expect(fast.digest!.bytes).toBe(Buffer.byteLength(text));
      if (k % 4 === 3) expect(fast.diagnostics.map((d) => d.code)).toContain('row/unreadable-csv');
    }
  });

  it('readExtract gives the same rows and counts on both paths', async () => {
    const dir = scratch({});
    const file = join(dir, 'x.csv');
    writeFileSync(file, randomFile(400, true, false));
    const keep = (raw: { areaCode?: string }) => ['E06000032', 'E92000001'].includes((raw.areaCode ?? '').trim());
    const slow = await readExtract(file, { stdin: Readable.from([]), keep });
    const fast = await readExtract(file, { stdin: Readable.from([]), keep, needles: ['E06000032', 'E92000001'] });
    expect(fast.rows).toEqual(slow.rows);
    expect(fast.summary).toEqual(slow.summary);
  });

  it('readExtract reads a file of several 2 MB blocks whole as csv-parse does (records cross block ends; each block is split as it is consumed)', async () => {
    const dir = scratch({});
    const file = join(dir, 'x.csv');
    const text = randomFile(36_000, false, false);
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 << 20);
    writeFileSync(file, text);
    const slow = await readExtract(file, { stdin: Readable.from([]), reader: csvParseReader });
    const fast = await readExtract(file, { stdin: Readable.from([]) });
    expect(fast.rows).toEqual(slow.rows);
    expect(fast.summary).toEqual(slow.summary);
    expect(fast.diagnostics).toEqual(slow.diagnostics);
  });

  it('falls back to csv-parse for gzip and for unbalanced quotes', async () => {
    const { gzipSync } = await import('node:zlib');
    const dir = scratch({ 'g.csv': gzipSync(`${HEADER_27}\n${row27({ value: '1' })}\n`), 'q.csv': `${HEADER_27}\n${row27({ value: '1' })}\n90366,"open quote,E06000032\n` });
    const g = await readExtract(join(dir, 'g.csv'), { stdin: Readable.from([]), needles: ['E06000032'] });
    expect(g.summary).toMatchObject({ gzip: true, rows_used: 1 });
    const q = await readExtract(join(dir, 'q.csv'), { stdin: Readable.from([]), needles: ['E06000032'] });
    expect(q.diagnostics.map((d) => d.code)).toContain('row/unreadable-csv');
  });
});
