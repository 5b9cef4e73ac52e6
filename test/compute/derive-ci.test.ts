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
