/* Cases derived by hand from the published formulas, edges, and properties (seeded, deterministic). */
import { describe, expect, it } from 'vitest';
import {
  byarsLimits, compareWithBenchmark, dsr, qchisq, qnorm, quantileCategory, quintileLabel, rateInterval, recentTrend,
  seededUniform, sii, trendLabel, wilsonInterval, zFor, type Polarity,
} from '../../src/stats/index.js';

const rand = seededUniform(7);
const between = (lo: number, hi: number): number => lo + (hi - lo) * rand();

describe('qnorm and qchisq', () => {
  it('match known quantiles', () => {
    expect(qnorm(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(zFor(0.998)).toBeCloseTo(3.090232306167813, 14);
    expect(qnorm(0.5)).toBe(0);
    expect(qnorm(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(qchisq(0.998, 1)).toBeCloseTo(9.54953570608324, 10);
    expect(qchisq(0.95, 2)).toBeCloseTo(-2 * Math.log(0.05), 12);
  });
});

describe('wilsonInterval', () => {
  it('count 0 has lower limit 0; count = denominator has upper limit 1', () => {
    expect(wilsonInterval({ count: 0, denominator: 50 }).lower).toBe(0);
    expect(wilsonInterval({ count: 50, denominator: 50 }).upper).toBeCloseTo(1, 15);
  });
  it('confidence 1 gives 0 and the multiplier', () => {
    expect(wilsonInterval({ count: 3, denominator: 10, confidence: 1, multiplier: 100 })).toEqual({ value: 30, lower: 0, upper: 100 });
  });
  it('refuses a count above the denominator, and a missing count (never 0)', () => {
    expect(() => wilsonInterval({ count: 11, denominator: 10 })).toThrow(RangeError);
    expect(() => wilsonInterval({ count: null as unknown as number, denominator: 10 })).toThrow(/count must be a number/);
  });
  it('property: the interval contains its value and narrows as confidence falls', () => {
    for (let i = 0; i < 500; i++) {
      const n = Math.ceil(between(1, 1e6));
      const x = Math.floor(between(0, n + 1));
      const w95 = wilsonInterval({ count: x, denominator: n });
      const w998 = wilsonInterval({ count: x, denominator: n, confidence: 0.998 });
      expect(w95.lower).toBeLessThanOrEqual(w95.value + 1e-12);
      expect(w95.upper).toBeGreaterThanOrEqual(w95.value - 1e-12);
      expect(w998.lower).toBeLessThanOrEqual(w95.lower + 1e-12);
      expect(w998.upper).toBeGreaterThanOrEqual(w95.upper - 1e-12);
    }
  });
});

describe('byarsLimits and rateInterval', () => {
  it('Byars has no lower limit for 0, and a positive upper limit', () => {
    expect(byarsLimits({ count: 0 })).toEqual({ lower: null, upper: expect.closeTo((1 - 1 / 9 + zFor(0.95) / 3) ** 3, 12) });
  });
  it('uses the exact method below 10 events and Byars from 10', () => {
    expect(rateInterval({ count: 9, denominator: 1000 }).method).toBe('exact');
    expect(rateInterval({ count: 10, denominator: 1000 }).method).toBe('byars');
  });
  it('exact limits for 0 events: lower 0, upper -ln(0.025) per denominator', () => {
    const r = rateInterval({ count: 0, denominator: 100, multiplier: 1 });
    expect(r.lower).toBe(0);
    expect(r.upper).toBeCloseTo(-Math.log(0.025) / 100, 12);
  });
  it('property: the interval contains the rate', () => {
    for (let i = 0; i < 300; i++) {
      const x = Math.floor(between(0, 5000));
      const r = rateInterval({ count: x, denominator: between(100, 1e6) });
      expect(r.lower).toBeLessThanOrEqual(r.value);
      expect(r.upper).toBeGreaterThanOrEqual(r.value);
    }
  });
});

describe('dsr', () => {
  it('by hand: two bands', () => {
    const r = dsr({ bands: [{ count: 20, population: 1000, standardPopulation: 500 }, { count: 10, population: 2000, standardPopulation: 500 }] });
    expect(r.value).toBeCloseTo(((20 / 1000) * 500 + (10 / 2000) * 500) / 1000 * 100000, 9);
    expect(r.totalCount).toBe(30);
    expect(r.lower!).toBeLessThan(r.value!);
  });
  it('is missing, with the reason, below 10 events; a null count is 0', () => {
    expect(dsr({ bands: [{ count: 9, population: 100, standardPopulation: 100 }, { count: null, population: 100, standardPopulation: 100 }] }))
      .toEqual({ value: null, lower: null, upper: null, totalCount: 9, reason: 'dsr NA for total count < 10' });
  });
});

describe('compareWithBenchmark', () => {
  const polarities: Polarity[] = ['high-is-good', 'low-is-good', 'no-judgement'];
  it('not-applicable polarity is never compared', () => {
    expect(compareWithBenchmark({ method: 1, polarity: 'not-applicable', area: { value: 10, lower95: 9, upper95: 11 }, benchmark: { value: 20 } }))
      .toEqual({ outcome: 'NotCompared', label: 'Not compared' });
  });
  it('a missing CI is not compared under methods 1, 12 and 17', () => {
    for (const method of [1, 12, 17] as const) {
      expect(compareWithBenchmark({ method, polarity: 'low-is-good', area: { value: 10, lower95: null, upper95: 11 }, benchmark: { value: 20, lower95: 19, upper95: 21 } }).label).toBe('Not compared');
    }
  });
  it('method 1 at 99.8% reads the 99.8% limits', () => {
    const area = { value: 10, lower95: 9, upper95: 11, lower998: 8, upper998: 12 };
    expect(compareWithBenchmark({ method: 1, polarity: 'high-is-good', area, benchmark: { value: 11.5 } }).label).toBe('Worse');
    expect(compareWithBenchmark({ method: 1, confidence: 0.998, polarity: 'high-is-good', area, benchmark: { value: 11.5 } }).label).toBe('Similar');
  });
  it('property: swapping area and benchmark flips the direction (method 12), and Similar stays Similar', () => {
    const flip: Record<string, string> = { Better: 'Worse', Worse: 'Better', Higher: 'Lower', Lower: 'Higher', Similar: 'Similar', 'Not compared': 'Not compared' };
    for (let i = 0; i < 500; i++) {
      const a = { value: between(0, 100), lower95: 0, upper95: 0 };
      a.lower95 = a.value - between(0.1, 10);
      a.upper95 = a.value + between(0.1, 10);
      const b = { value: between(0, 100), lower95: 0, upper95: 0 };
      b.lower95 = b.value - between(0.1, 10);
      b.upper95 = b.value + between(0.1, 10);
      const polarity = polarities[i % 3]!;
      const ab = compareWithBenchmark({ method: 12, polarity, area: a, benchmark: b }).label;
      const ba = compareWithBenchmark({ method: 12, polarity, area: b, benchmark: a }).label;
      expect(ba).toBe(flip[ab]);
    }
  });
  it('property: polarity mirrors Better and Worse and leaves Similar', () => {
    for (let i = 0; i < 300; i++) {
      const v = between(0, 100);
      const area = { value: v, lower95: v - between(0.1, 5), upper95: v + between(0.1, 5) };
      const benchmark = { value: between(0, 100) };
      const high = compareWithBenchmark({ method: 1, polarity: 'high-is-good', area, benchmark }).label;
      const low = compareWithBenchmark({ method: 1, polarity: 'low-is-good', area, benchmark }).label;
      expect(low).toBe(({ Better: 'Worse', Worse: 'Better', Similar: 'Similar' } as Record<string, string>)[high]);
    }
  });
});

describe('recentTrend', () => {
  const points = (values: number[], years = values.map((_, i) => 2015 + i)) =>
    values.map((v, i) => ({ period: years[i]!, value: v, lower95: v - 1, upper95: v + 1, count: 100 + i, denominator: 1000 }));

  it('the leave-one-out fits keep the other points\' times (t = 1, 2, 3, 5 without the fourth), derived by hand', () => {
    // Equal weights (every CI ±1), so each fit is OLS. All five: Σ(t−3)(y−9.4) = −14, slope −1.4,
    // χ² = 1.4² / (1 / (10 / 0.2603…)) ≈ 75.3 > 9.55. Without a point the slopes' numerators are
    // −20, −8.25, −14, −4.75, −5.5: all negative, so the fall is robust. Numbering the four left
    // 1…4 instead would give +0.5 without the fourth point, and No significant change.
    const t = recentTrend(points([7, 14, 18, 2, 6]), { method: 'ci', polarity: 'high-is-good' });
    expect(t.marker).toBe('Decreasing');
    expect(t.slope).toBeCloseTo(-1.4, 12);
    expect(t.chiSquare).toBeCloseTo(75.2954, 3);
  });
  it('cannot be calculated with fewer than 5 points', () => {
    expect(recentTrend(points([1, 2, 3, 4]), { method: 'ci', polarity: 'high-is-good' })).toMatchObject({
      marker: 'CannotBeCalculated', label: 'Cannot be calculated', reason: 'Not enough data points to calculate recent trend', chiSquare: null,
    });
  });
  it('a missing CI among the last five cannot be calculated', () => {
    const p = points([1, 2, 3, 4, 5]);
    p[2]!.lower95 = null as unknown as number;
    expect(recentTrend(p, { method: 'ci', polarity: 'high-is-good' }).reason).toBe('Not enough data points with valid values to calculate recent trend');
  });
  it('a gap in the years does not change t (ordinal, as Fingertips)', () => {
    const steady = recentTrend(points([10, 12, 14, 16, 18]), { method: 'ci', polarity: 'low-is-good' });
    const gapped = recentTrend(points([10, 12, 14, 16, 18], [2012, 2013, 2015, 2016, 2019]), { method: 'ci', polarity: 'low-is-good' });
    expect(gapped).toEqual(steady);
    expect(steady.label).toBe('Increasing and getting worse');
  });
  it('only the five most recent points count', () => {
    const longer = recentTrend(points([99, 10, 12, 14, 16, 18]), { method: 'ci', polarity: 'no-judgement' });
    expect(longer.marker).toBe('Increasing');
    expect(longer.chiSquare).toBeCloseTo(recentTrend(points([10, 12, 14, 16, 18]), { method: 'ci', polarity: 'no-judgement' }).chiSquare!, 9);
  });
  it('a significant slope that one point makes (a leave-one-out slope reverses) gives no significant change', () => {
    const r = recentTrend(points([20, 10, 10, 10, 30]), { method: 'ci', polarity: 'high-is-good' });
    expect(r.chiSquare!).toBeGreaterThan(100);
    expect(r.marker).toBe('NoChange');
  });
  it('count equal to denominator cannot be calculated', () => {
    const p = points([1, 2, 3, 4, 5]);
    p[4]!.count = 1000;
    expect(recentTrend(p, { method: 'proportion', polarity: 'high-is-good' }).reason).toBe('The recent trend cannot be calculated');
  });
  it('labels follow polarity', () => {
    expect(trendLabel('Decreasing', 'high-is-good')).toBe('Decreasing and getting worse');
    expect(trendLabel('Decreasing', 'not-applicable')).toBe('Decreasing');
  });
});

describe('quantiles', () => {
  it('needs five values for quintiles; ties at a bound go to the lower group', () => {
    expect(quantileCategory(3, [1, 2, 3, 4], { groups: 5 })).toBe(0);
    expect(quantileCategory(2.8, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { groups: 5 })).toBe(1);
    expect(quantileCategory(null, [1, 2, 3, 4, 5], { groups: 5 })).toBe(0);
    expect(quintileLabel(3)).toBe('Middle quintile');
  });
});

describe('sii', () => {
  const deciles = Array.from({ length: 10 }, (_, i) => ({ quantile: i + 1, population: 1000, value: 70 + i, lower95: 69 + i, upper95: 71 + i }));
  it('a straight line across equal populations: the SII is the difference between the ends of the fitted line', () => {
    const r = sii(deciles, { repetitions: 1000 });
    // value = 70 + 10·rank − 0.5 with ranks 0.05…0.95: slope 10, intercept 69.5.
    expect(r.sii).toBeCloseTo(10, 10);
    expect(r.intercept).toBeCloseTo(69.5, 10);
    expect(r.rii).toBeCloseTo(79.5 / 69.5, 10);
  });
  it('is reproducible for a seed and contains its point estimate', () => {
    const a = sii(deciles, { repetitions: 2000, seed: 3 });
    expect(sii(deciles, { repetitions: 2000, seed: 3 })).toEqual(a);
    expect(a.limits[0]!.siiLower).toBeLessThan(a.sii);
    expect(a.limits[0]!.siiUpper).toBeGreaterThan(a.sii);
  });
  it('refuses a missing population and proportions outside [0, 1]', () => {
    expect(() => sii([{ quantile: 1, population: 0, value: 1, se: 1 }, { quantile: 2, population: 1, value: 1, se: 1 }])).toThrow(RangeError);
    expect(() => sii([{ quantile: 1, population: 1, value: 5, se: 1 }, { quantile: 2, population: 1, value: 1, se: 1 }], { valueType: 'proportion' })).toThrow(/\[0, 1\]/);
  });
});
