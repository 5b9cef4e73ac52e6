import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/write-output.js';
import { scratch } from '../helpers/temp.js';

describe('writeFileAtomic', () => {
  it('replaces the file whole', async () => {
    const dir = scratch({ 'snap.json': 'old' });
    await writeFileAtomic(join(dir, 'snap.json'), 'new');
    expect(readFileSync(join(dir, 'snap.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['snap.json']);
  });

  it('a failure mid-write (injected) leaves the previous file intact and no partial file behind', async () => {
    const dir = scratch({ 'snap.json': 'the previous snapshot' });
    const failing = (async (path: string, text: string) => {
      writeFileSync(path as string, String(text).slice(0, 5));
      throw Object.assign(new Error('killed'), { code: 'EIO' });
    }) as unknown as typeof writeFile;
    await expect(writeFileAtomic(join(dir, 'snap.json'), 'a new snapshot', { writeFile: failing, rename: async () => {} })).rejects.toThrow(/cannot write the output \(EIO\)/);
    expect(readFileSync(join(dir, 'snap.json'), 'utf8')).toBe('the previous snapshot');
    expect(readdirSync(dir)).toEqual(['snap.json']);
  });

  it('a failure before the rename leaves no file under the final name', async () => {
    const dir = scratch({});
    await expect(writeFileAtomic(join(dir, 'first.json'), 'x', { writeFile, rename: async () => { throw new Error('killed'); } })).rejects.toThrow();
    expect(existsSync(join(dir, 'first.json'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
