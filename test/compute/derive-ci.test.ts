import { describe, expect, it } from 'vitest';
import { deriveCis } from '../../src/compute/derive-ci.js';
import type { IndicatorRow } from '../../src/ingest/row.js';
import { rateInterval, wilsonInterval } from '../../src/stats/index.js';

const row = (value: number | null, count: number | null, denominator: number | null, ci: [number, number] | null = null) =>
  ({ indicatorId: '1', value, count, denominator, lower95: ci?.[0] ?? null, upper95: ci?.[1] ?? null, lower998: null, upper998: null } as IndicatorRow);

describe('deriveCis', () => {
  it('gives a proportion Wilson limits at 95% and 99.8%, marked derived', () => {
    const [r] = deriveCis([row(65, 65, 100)], () => 100);
    const w = wilsonInterval({ count: 65, denominator: 100, multiplier: 100 });
    expect(r).toMatchObject({ lower95: w.lower, upper95: w.upper, derivedCi: true });
    expect(r!.lower998!).toBeLessThan(w.lower);
  });

  it('gives a crude rate exact/Byars limits', () => {
    const [r] = deriveCis([row(2000, 20, 1000)], () => 100000);
    expect(r).toMatchObject({ lower95: rateInterval({ count: 20, denominator: 1000 }).lower, derivedCi: true });
  });

  it('leaves published CIs, missing counts, and values that count/denominator does not reproduce (DSRs) alone', () => {
    const rows = [row(65, 65, 100, [55, 74]), row(65, null, 100), row(170.2, 301, 190000), row(null, 3, 100)];
    expect(deriveCis(rows, () => 100000)).toEqual(rows);
    expect(deriveCis([row(65, 65, 100)], () => null)[0]!.derivedCi).toBeUndefined();
  });
});

describe('intervalFromCounts', () => {
  it('is Wilson for a percentage and exact/Byars for a rate, and none when the counts do not give the value', async () => {
    const { intervalFromCounts } = await import('../../src/compute/derive-ci.js');
    expect(intervalFromCounts(65, 65, 100, 100, 0.95)).toEqual({ lower: wilsonInterval({ count: 65, denominator: 100, multiplier: 100 }).lower, upper: wilsonInterval({ count: 65, denominator: 100, multiplier: 100 }).upper });
    expect(intervalFromCounts(2000, 20, 1000, 100000, 0.95)!.lower).toBe(rateInterval({ count: 20, denominator: 1000 }).lower);
    // A DSR of 170.2 per 100,000 from 301 deaths in 190,000 people (crude 158.4): no crude CI for it.
    expect(intervalFromCounts(170.2, 301, 190000, 100000, 0.95)).toBeNull();
  });
});
