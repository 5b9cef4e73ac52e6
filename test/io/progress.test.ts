/* The progress line of long reads: what it says, and when it is shown. */
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressLine, progressOn, showsProgress } from '../../src/io/progress.js';
import { readExtract } from '../../src/ingest/read-extract.js';
import { HEADER_27, row27, scratch } from '../helpers/temp.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('progress', () => {
  it('says bytes read of the total, the share and the rate', () => {
    expect(progressLine('big.csv', 512e6, 1e9, 2)).toBe('big.csv: 512 of 1,000 MB (51%), 256 MB/s');
    expect(progressLine('x.csv', 0, 0, 0)).toBe('x.csv: 0 of 0 MB (100%), – MB/s');
  });
  it('is shown only to a person at a terminal: not in CI, not with --quiet, not for JSON, not when stdout is piped', () => {
    expect(showsProgress({ stdout: tty, stderr: tty, env: {} }, { format: 'table' })).toBe(true);
    expect(showsProgress({ stdout: pipe, stderr: tty, env: {} }, { format: 'table', output: 'out.txt' })).toBe(true);
    expect(showsProgress({ stdout: tty, stderr: pipe, env: {} }, { format: 'table' })).toBe(false);
    expect(showsProgress({ stdout: tty, stderr: tty, env: { CI: 'true' } }, { format: 'table' })).toBe(false);
    expect(showsProgress({ stdout: tty, stderr: tty, env: {} }, { format: 'table', quiet: true })).toBe(false);
    expect(showsProgress({ stdout: tty, stderr: tty, env: {} }, { format: 'json' })).toBe(false);
    expect(showsProgress({ stdout: pipe, stderr: tty, env: {} }, { format: 'table' })).toBe(false);
  });
  it('the fast path reports the bytes it has read, ending at the file size, and the line is cleared', async () => {
    const lines = [HEADER_27, ...Array.from({ length: 2000 }, (_, i) => row27({ period: String(2000 + (i % 20)), value: String(i) }))];
    const text = `${lines.join('\n')}\n`;
    const dir = scratch({ 'p.csv': text });
    const seen: [number, number][] = [];
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c.toString()));
    const shown = progressOn(stream, 'p.csv');
    await readExtract(join(dir, 'p.csv'), { stdin: new PassThrough(), sink: () => {}, progress: (b, t) => { seen.push([b, t]); shown.update(b, t); } });
    shown.done();
    expect(seen.at(-1)).toEqual([Buffer.byteLength(text), Buffer.byteLength(text)]);
    expect(chunks.join('')).toMatch(/^\rp\.csv: 0 of 0 MB \(100%\), .* MB\/s\x1b\[K\r\x1b\[K$/);
  });
});
