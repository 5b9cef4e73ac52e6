import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GapsEnvelopeSchema } from '../../src/compute/gaps-schema.js';
import { marmot } from '../helpers/cli.js';
import { scratch } from '../helpers/temp.js';

const ARGS = ['gaps', 'fixtures/luton.csv', '--area', 'Luton', '--areas', 'fixtures/luton-wards.csv'];

describe('marmot gaps', () => {
  it('writes the table golden output, grouped by principle, within 100 columns', async () => {
    const r = marmot(ARGS);
    expect(r.status).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/gaps.luton.txt');
    expect(Math.max(...r.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });

  it('writes the JSON golden output (living standard), which its schema accepts', async () => {
    const r = marmot([...ARGS, '--principle', 'living-standard', '--format', 'json']);
    await expect(r.stdout).toMatchFileSnapshot('../golden/gaps.luton.living-standard.json');
    const env = JSON.parse(r.stdout);
    expect(GapsEnvelopeSchema.safeParse(env).success).toBe(true);
  });

  it('shows every kind of gap on the sample', () => {
    const env = JSON.parse(marmot([...ARGS, '--format', 'json']).stdout);
    expect(new Set(env.gaps.map((g: any) => g.kind))).toEqual(new Set(['england', 'parent', 'rank', 'within-area', 'deprivation', 'sex', 'ethnicity', 'age']));
    const within = env.gaps.find((g: any) => g.kind === 'within-area');
    expect(within.sii.quantiles).toBe(10);
    expect(within.direction).toMatch(/^20 sub-areas from \w+ to \w+; \d+ significantly worse than Luton/);
  });

  it('is deterministic (seeded simulation)', () => {
    const a = marmot([...ARGS, '--by', 'deprivation', '--format', 'json']).stdout;
    expect(marmot([...ARGS, '--by', 'deprivation', '--format', 'json']).stdout).toBe(a);
    expect(marmot([...ARGS, '--by', 'deprivation', '--format', 'json', '--seed', '2']).stdout).not.toBe(a);
  });

  it('--by geography chooses the geographic gaps only', () => {
    const env = JSON.parse(marmot([...ARGS, '--by', 'geography', '--format', 'json']).stdout);
    expect(new Set(env.gaps.map((g: any) => g.kind))).toEqual(new Set(['england', 'parent', 'rank', 'within-area']));
  });

  it('exits 1 with --fail-on widening when a gap widened', () => {
    expect(marmot([...ARGS, '--fail-on', 'widening', '-q']).status).toBe(1);
  });

  it('refuses a bad --by and a bad lookup with exit 2', () => {
    expect(marmot([...ARGS, '--by', 'colour']).stderr).toMatch(/--by colour: expected deprivation, sex, ethnicity, age, geography/);
    const dir = scratch({ 'w.csv': 'area_code,parent_code,deprivation_decile\nE05000001,E06000032,11\n' });
    const r = marmot(['gaps', 'fixtures/luton.csv', '--area', 'Luton', '--areas', join(dir, 'w.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/w\.csv:2: deprivation decile: expected a whole number from 1 to 10, got "11"/);
  });
});
