import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VerifyEnvelopeSchema } from '../../src/compute/verify-schema.js';
import { marmot } from '../helpers/cli.js';
import { REALDATA, hasRealData } from '../helpers/shared.js';

describe('marmot verify', () => {
  it('lists every published judgement it does not reproduce, with its inputs (golden)', async () => {
    const r = marmot(['verify', 'fixtures/luton.csv']);
    expect(r.status).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/verify.luton.txt');
    expect(r.stdout).toMatch(/fixtures\/luton\.csv:692: 92313 E06000032 Persons, 16-64 yrs, 2022\/23: england: marmot Worse, published Similar — value 71\.9 \(95% CI 69\.1–74\.5\), benchmark 77\.1, method 1, high-is-good/);
  });

  it('emits a JSON envelope its schema accepts, tallied per indicator', () => {
    const env = JSON.parse(marmot(['verify', 'fixtures/luton.csv', '--format', 'json']).stdout);
    expect(VerifyEnvelopeSchema.safeParse(env).success).toBe(true);
    // The two deliberate disagreements of the fixture: 92313 vs England (every period), 10101's trend.
    expect(env.disagreements.map((d: any) => `${d.indicator_id} ${d.judgement}`)).toEqual([...Array(9).fill('10101 trend').slice(0, 1), ...Array(9).fill('92313 england')]);
    expect(env.totals.england.differs).toBe(9);
    expect(env.totals.trend.differs).toBe(1);
    const i = env.indicators.find((x: any) => x.indicator_id === 90631);
    expect(i.england.differs).toBe(0);
    expect(i.england.agrees).toBeGreaterThan(20);
  });

  it('exits 1 with --fail-on mismatch', () => {
    expect(marmot(['verify', 'fixtures/luton.csv', '--fail-on', 'mismatch', '-q']).status).toBe(1);
  });

  it.runIf(hasRealData)('reproduces every published judgement of the real 2023 adult-obesity extract', () => {
    const r = marmot(['verify', join(REALDATA, 'MarinosIoannides_BikePoint_Analysis__adult_obesity.csv'), '--fail-on', 'mismatch', '-q']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Reproduced 1,154 of 1,154 published judgements \(England 476\/476, parent 476\/476, trend 202\/202\)\./);
  });
});
