/* Reading on a second thread (the built worker) against reading on this one: the same rows, counts, diagnostics and digest. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readExtract, type ReadOptions } from '../../src/ingest/read-extract.js';
import type { IndicatorRow } from '../../src/ingest/row.js';
import { csvParseReader } from '../../src/io/read-records.js';
import { seededUniform } from '../../src/stats/index.js';
import { randomFingertipsFile } from '../helpers/random-csv.js';
import { HEADER_27, row27, scratch } from '../helpers/temp.js';

const built = '../../dist/ingest/read-in-worker.js';
const { canReadInWorker, readInWorker } = (await import(built)) as typeof import('../../src/ingest/read-in-worker.js');
const stdin = Readable.from([]);

/** Reads a file with a sink, noting restarts; `worker` reads it on the built worker with batches of `batchRows`. */
async function readWith(file: string, worker: boolean, options: Partial<ReadOptions> = {}, batchRows?: number) {
  let rows: IndicatorRow[] = [];
  let restarts = 0;
  const opts: ReadOptions = {
    stdin, digest: true, ...options,
    sink: (row) => {
      rows.push(row);
      // A slow sink: the reading thread gets ahead and must wait for room.
      if (worker && row.line % 50 === 0) for (const t = Date.now(); Date.now() - t < 2;);
    },
    restart: options.restart === undefined ? () => { restarts++; rows = []; } : options.restart,
  };
  if (worker) expect(canReadInWorker(file, opts, 1, 0)).toBe(true);
  const extract = worker ? await readInWorker(file, opts, () => readExtract(file, opts), batchRows) : await readExtract(file, opts);
  return { rows, restarts, summary: extract.summary, diagnostics: extract.diagnostics, digest: extract.digest };
}

describe('readInWorker', () => {
  it('property: on random files (quoted newlines, CRLF, BOM, blank lines, bad cells, gzip) gives what reading on one thread and csv-parse give', async () => {
    const rand = seededUniform(5);
    for (let k = 0; k < 10; k++) {
      const dir = scratch({});
      const file = join(dir, k % 5 === 4 ? 'x.csv.gz' : 'x.csv');
      let text = randomFingertipsFile(rand, 200 + Math.floor(rand() * 400), rand() < 0.5, rand() < 0.3);
      text = text.replace(/,2013,(\d)/g, (m, d: string) => (rand() < 0.3 ? `,2013,${d}.x` : rand() < 0.1 ? `,last year,${d}` : m));
      writeFileSync(file, k % 5 === 4 ? gzipSync(text) : text);
      const one = await readWith(file, false);
      const two = await readWith(file, true, {}, 1 + Math.floor(rand() * 40));
      expect(two).toEqual(one);
      // And csv-parse, the reference every fast path answers to.
      expect(two).toEqual(await readWith(file, false, { reader: csvParseReader }));
      expect(one.rows.length).toBeGreaterThan(100);
      if (k < 4) expect(one.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('starts again when the fast reader gives up part-way (malformed quoting late in the file), as on one thread', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => row27({ period: String(2000 + (i % 20)), value: String(i) }));
    // Balanced quotes (the scan goes on) in an unquoted field (the record cannot be split).
    lines.splice(250, 0, '90366,Li""fe,E12000006,East,E06000032,Luton,UA,Persons,All ages,,,2019,1');
    const dir = scratch({ 'x.csv': `${HEADER_27}\n${lines.join('\n')}\n` });
    const file = join(dir, 'x.csv');
    const one = await readWith(file, false);
    const two = await readWith(file, true, {}, 16);
    expect(one.restarts).toBe(1);
    expect(two).toEqual(one);
    expect(one.rows.length).toBeGreaterThanOrEqual(300);
    // Without a restart, both say the same thing.
    const opts = { stdin, sink: () => {} };
    const a = await readExtract(file, opts).catch((e: Error) => `${e.name}: ${e.message}`);
    const b = await readInWorker(file, opts, () => readExtract(file, opts), 16).catch((e: Error) => `${e.name}: ${e.message}`);
    expect(b).toEqual(a);
    expect(String(a)).toMatch(/^InputError: .*gave up after \d+ rows/);
  });

  it('reports an empty file and a missing one as one thread does', async () => {
    const dir = scratch({ 'empty.csv': '' });
    for (const file of [join(dir, 'empty.csv'), join(dir, 'missing.csv')]) {
      const opts = { stdin, sink: () => {} };
      const a = await readExtract(file, opts).catch((e: Error) => `${e.name}: ${e.message}`);
      const b = await readInWorker(file, opts, () => readExtract(file, opts)).catch((e: Error) => `${e.name}: ${e.message}`);
      expect(b).toEqual(a);
      expect(String(a)).toMatch(/^InputError: /);
    }
  });

  it('reads on one thread when the second cannot start (node -e with --input-type, which workers inherit and refuse)', async () => {
    const text = randomFingertipsFile(seededUniform(8), 300, false, false);
    const dir = scratch({ 'x.csv': text });
    const file = join(dir, 'x.csv');
    const script = `import { Readable } from 'node:stream';
      import { readExtract } from ${JSON.stringify(new URL('../../dist/ingest/read-extract.js', import.meta.url).href)};
      let rows = 0;
      const e = await readExtract(${JSON.stringify(file)}, { stdin: Readable.from([]), sink: () => rows++, parallelMin: 0 });
      console.log(JSON.stringify({ rows, summary: e.summary }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const one = await readWith(file, false);
    expect(JSON.parse(child.stdout)).toEqual({ rows: one.rows.length, summary: one.summary });
  });
});
