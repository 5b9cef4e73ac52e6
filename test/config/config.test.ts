import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../src/config/glob.js';
import { loadConfig } from '../../src/io/load-config.js';
import { marmot } from '../helpers/cli.js';
import { scratch } from '../helpers/temp.js';

describe('loadConfig', () => {
  it('finds marmot.config.json in the working folder, or none', async () => {
    expect(await loadConfig(scratch({}))).toBeNull();
    const dir = scratch({ 'marmot.config.json': '{"areas":{"codes":["E06000032"]}}' });
    expect((await loadConfig(dir))!.config.areas!.codes).toEqual(['E06000032']);
  });

  it.each([
    ['{"areas":{"code":["E06000032"]}}', /marmot\.config\.json: areas: unknown key "code"/],
    ['{"indicators":[{"id":"X","name":"Y","principle":"best-start","polarity":"good"}]}', /indicators\.0\.polarity: expected one of "high-is-good", "low-is-good", "no-judgement", "not-applicable"/],
    ['{"sources":[{"files":"a.csv","shape":"tall","columns":{}}]}', /sources\.0\.shape: expected one of "long", "wide"/],
    ['{"sources":[{"shape":"long","columns":{}}]}', /sources\.0\.files: expected string/],
    ['{"sources":[{"files":"a.csv","shape":"long","columns":{"valu":"Rate"}}]}', /sources\.0\.columns: unknown key "valu"/],
    ['{"areas":', /the config is not valid JSON/],
  ])('names the key path and what was expected: %s', async (json, message) => {
    const dir = scratch({ 'marmot.config.json': json });
    await expect(loadConfig(dir)).rejects.toThrow(message);
  });
});

describe('config errors from the command line (exit 2)', () => {
  it('an unknown principle wording', () => {
    const dir = scratch({ 'c.json': '{"overrides":[{"id":"93759","principle":"Tackle everything"}]}' });
    const r = marmot(['baseline', 'fixtures/luton.csv', '--area', 'Luton', '--config', join(dir, 'c.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/c\.json: overrides\.0\.principle: "Tackle everything" is not a principle\n  expected one of best-start/);
  });
  it('a missing config file', () => {
    const r = marmot(['baseline', 'fixtures/luton.csv', '--config', 'no-such.json']);
    expect(r).toMatchObject({ status: 2, stderr: 'marmot: no-such.json: cannot read the config (ENOENT)\n' });
  });
});

describe('globToRegExp', () => {
  it.each([['data/*.csv', 'data/a.csv', true], ['data/*.csv', 'data/x/a.csv', false], ['**/*.csv', 'a/b/c.csv', true], ['jsna-??.csv', 'jsna-01.csv', true], ['a.csv', 'a_csv', false]])(
    '%s ~ %s: %s', (glob, path, ok) => expect(globToRegExp(glob).test(path)).toBe(ok));
});
