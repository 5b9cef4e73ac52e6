/* Data flows one way: compute/, stats/, render/, normalise/ and catalogue/ never touch the file system or the process. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/shared.js';

const PURE = ['stats', 'compute', 'render', 'normalise', 'catalogue'];
const files = PURE.flatMap((dir) => readdirSync(join(ROOT, 'src', dir)).filter((f) => f.endsWith('.ts')).map((f) => join('src', dir, f)));

describe('layering', () => {
  it.each(files)('%s has no I/O, process, clock or unseeded randomness', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text).not.toMatch(/from '(node:)?(fs|fs\/promises|child_process|net|http)'/);
    expect(text).not.toMatch(/from '\.\.\/(io|commands)\//);
    expect(text).not.toMatch(/\bprocess\.|Date\.now|new Date\(|Math\.random/);
  });
});
