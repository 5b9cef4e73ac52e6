import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../src/io/open-input.js';
import { InputError } from '../../src/errors.js';
import { scratch } from '../helpers/temp.js';

async function text(path: string, stdin: NodeJS.ReadableStream = Readable.from([])): Promise<string> {
  const opened = await openInput(path, stdin);
  let s = '';
  for await (const chunk of opened.text) s += chunk;
  return s;
}

describe('openInput', () => {
  it('reads a file as UTF-8 text', async () => {
    const dir = scratch({ 'a.csv': 'a,b\n≥,2\n' });
    expect(await text(join(dir, 'a.csv'))).toBe('a,b\n≥,2\n');
  });

  it('recognises gzip by its bytes, whatever the name', async () => {
    const dir = scratch({ 'data.bin': gzipSync('a,b\n1,2\n') });
    const opened = await openInput(join(dir, 'data.bin'), Readable.from([]));
    expect(opened.gzip).toBe(true);
    expect(await text(join(dir, 'data.bin'))).toBe('a,b\n1,2\n');
  });

  it('reads standard input for "-", gzipped too', async () => {
    expect(await text('-', Readable.from([Buffer.from('x,y\n')]))).toBe('x,y\n');
    expect(await text('-', Readable.from([gzipSync('x,y\n')]))).toBe('x,y\n');
  });

  it('refuses UTF-16', async () => {
    const dir = scratch({ 'u16.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]) });
    await expect(text(join(dir, 'u16.csv'))).rejects.toThrow(/UTF-16/);
  });

  it('refuses Windows-1252 with the line where it shows', async () => {
    const dir = scratch({ 'excel.csv': Buffer.concat([Buffer.from('a,b\n1,2\nSt Helens,'), Buffer.from([0xa3]), Buffer.from('5\n')]) });
    await expect(text(join(dir, 'excel.csv'))).rejects.toThrow(/excel\.csv:3: the file is not valid UTF-8/);
  });

  it('names a missing file', async () => {
    await expect(openInput('/no/such/file.csv', Readable.from([]))).rejects.toThrow(InputError);
    await expect(openInput('/no/such/file.csv', Readable.from([]))).rejects.toThrow(/\/no\/such\/file\.csv: cannot read the file \(ENOENT\)/);
  });

  it('reports damaged gzip data', async () => {
    const gz = gzipSync('a,b\n'.repeat(1000));
    const dir = scratch({ 'bad.csv.gz': gz.subarray(0, gz.length - 20) });
    await expect(text(join(dir, 'bad.csv.gz'))).rejects.toThrow(/gzip data is damaged/);
  });
});
