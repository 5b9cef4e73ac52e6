/* Reading on two threads (the built workers) against reading on one: the same rows, counts and diagnostics, whatever the blocks. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readExtract, type ReadOptions } from '../../src/ingest/read-extract.js';
import type { IndicatorRow } from '../../src/ingest/row.js';
import { rowDecoder } from '../../src/ingest/row-codec.js';
import { csvParseReader } from '../../src/io/read-records.js';
import { seededUniform } from '../../src/stats/index.js';
import { randomFingertipsFile } from '../helpers/random-csv.js';
import { HEADER_27, row27, scratch } from '../helpers/temp.js';

const { canReadInTwo, readInTwo } = (await import('../../dist/ingest/read-in-two.js')) as typeof import('../../src/ingest/read-in-two.js');
const stdin = Readable.from([]);
type Tuning = Parameters<typeof readInTwo>[3];

/** How readExtract reads a file again when the read on two threads stops. */
const again = (file: string, opts: ReadOptions) => (by: 'one-thread' | 'csv-parse') => readExtract(file, by === 'csv-parse' ? { ...opts, reader: csvParseReader } : opts);

/** Reads a file with a sink (or, with `packed`, in batches decoded here), noting restarts; `tuning` reads it on two threads. */
async function readWith(file: string, tuning: Tuning | null, options: Partial<ReadOptions> = {}, packed = false) {
  let rows: IndicatorRow[] = [];
  let restarts = 0;
  const decode = rowDecoder(file);
  const sink = (row: IndicatorRow): void => {
    rows.push(row);
    // A slow sink: the reading threads get ahead and must wait for room.
    if (tuning && row.line % 50 === 0) for (const t = Date.now(); Date.now() - t < 2;);
  };
  const opts: ReadOptions = {
    stdin, ...options,
    ...(packed ? { batches: (batch) => decode(batch, sink) } : { sink }),
    restart: options.restart === undefined ? () => { restarts++; rows = []; } : options.restart,
  };
  if (tuning) expect(canReadInTwo(opts)).toBe(true);
  const extract = tuning ? await readInTwo(file, opts, again(file, opts), tuning) : await readExtract(file, opts);
  return { rows, restarts, summary: extract.summary, diagnostics: extract.diagnostics };
}

describe('readInTwo', () => {
  it('property: on random files (quoted newlines, CRLF, BOM, blank lines, bad cells) and blocks of any size, gives what one thread and csv-parse give', async () => {
    const rand = seededUniform(21);
    const seen = { blocks: 0, rereads: 0 };
    for (let k = 0; k < 10; k++) {
      const file = join(scratch({}), 'x.csv');
      let text = randomFingertipsFile(rand, 200 + Math.floor(rand() * 400), rand() < 0.5, rand() < 0.3);
      text = text.replace(/,2013,(\d)/g, (m, d: string) => (rand() < 0.3 ? `,2013,${d}.x` : rand() < 0.1 ? `,last year,${d}` : m));
      writeFileSync(file, text);
      const one = await readWith(file, null);
      const tuning = { blockBytes: 50 + Math.floor(rand() * 3000), batchRows: 1 + Math.floor(rand() * 40), seen: { blocks: 0, rereads: 0 } };
      const two = await readWith(file, tuning, {}, k % 2 === 1);
      expect(two).toEqual(one);
      // The JSON lists the reasons in the order they were first met in the file (toEqual does not see key order).
      expect(Object.keys(two.summary.rejected_by_reason)).toEqual(Object.keys(one.summary.rejected_by_reason));
      expect(two).toEqual(await readWith(file, null, { reader: csvParseReader }));
      expect(one.rows.length).toBeGreaterThan(100);
      if (k < 4) expect(one.diagnostics.length).toBeGreaterThan(0);
      seen.blocks += tuning.seen.blocks;
      seen.rereads += tuning.seen.rereads;
    }
    // Many blocks, and some that began inside a quoted name with a newline and were read again.
    expect(seen.blocks).toBeGreaterThan(100);
    expect(seen.rereads).toBeGreaterThan(3);
  });

  it('starts again when a block cannot be read from its true start (malformed quoting late in the file), as one thread does', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => row27({ period: String(2000 + (i % 20)), value: String(i) }));
    lines.splice(250, 0, '90366,Li""fe,E12000006,East,E06000032,Luton,UA,Persons,All ages,,,2019,1');
    const file = join(scratch({ 'x.csv': `${HEADER_27}\n${lines.join('\n')}\n` }), 'x.csv');
    const one = await readWith(file, null);
    const two = await readWith(file, { blockBytes: 1000, batchRows: 16 });
    expect(one.restarts).toBe(1);
    expect(two).toEqual(one);
    // Without a restart, both say the same thing.
    const opts = { stdin, sink: () => {} };
    const a = await readExtract(file, opts).catch((e: Error) => `${e.name}: ${e.message}`);
    const b = await readInTwo(file, opts, again(file, opts), { blockBytes: 1000, batchRows: 16 }).catch((e: Error) => `${e.name}: ${e.message}`);
    expect(String(a)).toMatch(/^InputError: .*gave up after \d+ rows/);
    expect(String(b)).toMatch(/^InputError: .*gave up after \d+ rows/);
  });

  it('leaves gzip, an empty file and a missing one to the reader on one thread', async () => {
    const text = randomFingertipsFile(seededUniform(4), 300, false, false);
    const dir = scratch({ 'x.csv.gz': gzipSync(text), 'empty.csv': '' });
    const gz = join(dir, 'x.csv.gz');
    const seen = { blocks: 0, rereads: 0 };
    expect(await readWith(gz, { blockBytes: 500, seen })).toEqual(await readWith(gz, null));
    expect(seen.blocks).toBe(0);
    for (const file of [join(dir, 'empty.csv'), join(dir, 'missing.csv')]) {
      const opts = { stdin, sink: () => {} };
      const a = await readExtract(file, opts).catch((e: Error) => `${e.name}: ${e.message}`);
      const b = await readInTwo(file, opts, again(file, opts)).catch((e: Error) => `${e.name}: ${e.message}`);
      expect(b).toEqual(a);
      expect(String(a)).toMatch(/^InputError: /);
    }
  });
});
