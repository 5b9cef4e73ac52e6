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
    expect(r.stdout).toMatch(/fixtures\/luton\.csv:\d+: 92313 E06000032 Persons, 16-64 yrs, 2022\/23: england: marmot Worse, published Similar — value [\d.]+ \(95% CI [\d.]+–[\d.]+\), benchmark [\d.]+, method 1, high-is-good/);
  });

  it('emits a JSON envelope its schema accepts, tallied per indicator', () => {
    const env = JSON.parse(marmot(['verify', 'fixtures/luton.csv', '--format', 'json']).stdout);
    expect(VerifyEnvelopeSchema.safeParse(env).success).toBe(true);
    // The two deliberate disagreements of the fixture: 92313 vs England, 10101's trend (latest period).
    expect(env.disagreements.map((d: any) => `${d.indicator_id} ${d.judgement} ${d.period}`)).toEqual(['10101 trend 2022', '92313 england 2022/23']);
    expect(env.totals.england.differs).toBe(1);
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
