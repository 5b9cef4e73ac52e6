/* Every case of ../shared/vectors/vectors.json, at the tolerance its group states. */
import { describe, expect, it } from 'vitest';
import {
  byarsLimits, compareWithBenchmark, compareWithGoal, dsr, latestChange, quantileBounds, quantileCategory,
  rateInterval, recentTrend, sii, wilsonInterval, type Polarity,
} from '../../src/stats/index.js';
import { closeTo, hasVectors, loadVectors } from '../helpers/shared.js';

const POLARITY: Record<string, Polarity> = { '-1': 'not-applicable', '0': 'low-is-good', '1': 'high-is-good', '99': 'no-judgement', null: 'low-is-good' };
const groups = hasVectors ? loadVectors().groups : {};
const cases = (name: string): any[] => (hasVectors ? groups[name].cases : []);
const suite = hasVectors ? describe : describe.skip;

function expectClose(actual: number | null, expected: number | null, rel: number, what: string): void {
  expect(closeTo(actual, expected, rel), `${what}: got ${actual}, expected ${expected}`).toBe(true);
}

suite('reference vectors (../shared/vectors/vectors.json)', () => {
  // PHEindicatormethods propagates NA inputs to NA outputs. marmot's functions take numbers:
  // a missing count or denominator is the caller's to report, so such a case must throw, never give 0.
  const missingInput = (c: any): boolean => c.x === null || c.n === null;

  it.each(cases('wilson_proportion'))('wilson $x/$n at $confidence', (c) => {
    if (missingInput(c)) {
      expect(() => wilsonInterval({ count: c.x, denominator: c.n })).toThrow(RangeError);
      return;
    }
    for (const level of (Array.isArray(c.confidence) ? c.confidence : [c.confidence]) as number[]) {
      const r = wilsonInterval({ count: c.x, denominator: c.n, confidence: level, multiplier: c.multiplier });
      const suffix = Array.isArray(c.confidence) ? (level === 0.95 ? '95' : '99_8') : '';
      expectClose(r.lower, c.expected[`lower${suffix}`], 1e-9, `lower${suffix}`);
      expectClose(r.upper, c.expected[`upper${suffix}`], 1e-9, `upper${suffix}`);
      if (c.expected.value !== undefined) expectClose(r.value, c.expected.value, 1e-9, 'value');
    }
  });

  it.each(cases('byars_count_limits'))('byars $x at $confidence', (c) => {
    const r = byarsLimits({ count: c.x, confidence: c.confidence });
    expectClose(r.lower, c.expected.lower, 1e-9, 'lower');
    expectClose(r.upper, c.expected.upper, 1e-9, 'upper');
  });

  it.each(cases('rate_byars_exact'))('rate $id', (c) => {
    if (missingInput(c)) {
      expect(() => rateInterval({ count: c.x, denominator: c.n })).toThrow(RangeError);
      return;
    }
    const levels: number[] = Array.isArray(c.confidence) ? c.confidence : [c.confidence];
    for (const level of levels) {
      const r = rateInterval({ count: c.x, denominator: c.n, confidence: level, multiplier: c.multiplier });
      const suffix = Array.isArray(c.confidence) ? (level === 0.95 ? '95' : '99_8') : '';
      expectClose(r.value, c.expected.value, 1e-9, 'value');
      expectClose(r.lower, c.expected[`lower${suffix}`], 1e-9, `lower${suffix}`);
      expectClose(r.upper, c.expected[`upper${suffix}`], 1e-9, `upper${suffix}`);
      expect(r.method).toBe(c.expected.method.toLowerCase());
    }
  });

  it.each(cases('dsr_dobson'))('dsr $id', (c) => {
    const rel = c.independent_events ? 1e-9 : 1e-8;
    const bands = c.n.map((population: number, i: number) => ({
      count: c.x ? c.x[i] : null,
      population,
      standardPopulation: c.stdpop[i],
      ...(c.persons_by_event_frequency
        ? { personsByFrequency: Object.entries(c.persons_by_event_frequency).map(([f, persons]: [string, any]) => ({ frequency: Number(f), persons: persons[i] })) }
        : {}),
    }));
    for (const level of c.confidence as number[]) {
      const r = dsr({ bands, confidence: level, multiplier: c.multiplier });
      const suffix = level === 0.95 ? '95' : '99_8';
      expect(r.totalCount).toBe(c.expected.total_count);
      expectClose(r.value, c.expected.value, rel, 'value');
      expectClose(r.lower, c.expected[`lower${suffix}`], rel, `lower${suffix}`);
      expectClose(r.upper, c.expected[`upper${suffix}`], rel, `upper${suffix}`);
    }
  });

  it.each(cases('sii_rii'))('sii $id ($description)', (c) => {
    const valueType = (['normal', 'rate', 'proportion'] as const)[c.value_type as 0 | 1 | 2];
    const input = c.quantile.map((quantile: number, i: number) => ({
      quantile, population: c.population[i], value: c.value[i], lower95: c.lower_cl[i], upper95: c.upper_cl[i],
    }));
    const r = sii(input, { valueType, transform: c.transform, multiplier: c.multiplier, confidence: c.confidence, repetitions: 10000, seed: 42 });
    expectClose(r.sii, c.expected.sii, 1e-9, 'sii');
    expectClose(r.rii, c.expected.rii, 1e-9, 'rii');
    if (c.expected.Intercept !== undefined) expectClose(r.intercept, c.expected.Intercept, 1e-9, 'intercept');
    r.limits.forEach((l, k) => {
      const n = k + 1;
      if (c.expected[`sii_lowercl_${n}`] === undefined) return;
      expectClose(l.siiLower, c.expected[`sii_lowercl_${n}`], 0.05, `sii lower ${n}`);
      expectClose(l.siiUpper, c.expected[`sii_uppercl_${n}`], 0.05, `sii upper ${n}`);
      expectClose(l.riiLower, c.expected[`rii_lowercl_${n}`], 0.05, `rii lower ${n}`);
      expectClose(l.riiUpper, c.expected[`rii_uppercl_${n}`], 0.05, `rii upper ${n}`);
    });
  });

  const METHOD: Record<string, 1 | 5 | 6 | 12 | 17> = {
    'SingleOverlappingCIsForOneCiLevel(id=1)': 1, 'SingleOverlappingCIsForTwoCiLevels(id=17)': 17,
    'DoubleOverlappingCIs(id=12)': 12, 'SpcForProportions(id=5)': 5, 'SpcForDsr(id=6)': 6,
  };
  const RAW: Record<string, string> = { Same: 'Similar', Better: 'Higher', Worse: 'Lower', Best: 'Highest', Worst: 'Lowest', None: 'NotCompared' };
  const comparisonCases = [...cases('fingertips_benchmark_comparison'), ...cases('fingertips_polarity_labels_derived')];
  it.each(comparisonCases)('compare $method $test', (c) => {
    const method = METHOD[c.method]!;
    const polarity = POLARITY[String(c.polarity_id)]!;
    const confidence = c.confidence_variable === 3.0902 || c.confidence_variable === 0.001 ? 0.998 : 0.95;
    const r = compareWithBenchmark({
      method, polarity, unit: c.unit, confidence,
      area: { value: c.data.value, lower95: c.data.lci95, upper95: c.data.uci95, lower998: c.data.lci99_8, upper998: c.data.uci99_8,
        denominator: c.data.denominator, denominator2: c.data.denominator2 },
      benchmark: { value: c.benchmark.value, lower95: c.benchmark.lci95, upper95: c.benchmark.uci95 },
    });
    // expected_significance is Fingertips' raw enum after the polarity step; restate it in our outcome names.
    const raw = RAW[c.expected_significance]!;
    const expected = polarity === 'no-judgement' || raw === 'Similar' || raw === 'NotCompared'
      ? raw
      : ({ Higher: 'Better', Highest: 'Best', Lower: 'Worse', Lowest: 'Worst' } as Record<string, string>)[raw];
    expect(r.outcome).toBe(expected);
    if (c.expected_csv_label) expect(r.label).toBe(c.expected_csv_label);
  });

  it.each(cases('fingertips_quantile_categories'))('quantiles $kind $value', (c) => {
    const values = typeof c.values === 'string'
      ? Array.from({ length: Number(c.values.match(/1\.\.(\d+)/)[1]) }, (_, i) => i + 1)
      : c.values;
    if (c.kind.startsWith('quintile_bounds')) expect(quantileBounds(values, 5)).toEqual(c.expected_bounds);
    else {
      const groupsCount = c.kind === 'quartile_category' ? 4 : 5;
      const polarity = POLARITY[String(c.polarity_id ?? 0)];
      expect(quantileCategory(c.value, values, { groups: groupsCount, polarity })).toBe(c.expected_category);
    }
  });

  it.each(cases('fingertips_goal_comparison'))('goal $comparer $data.value', (c) => {
    const goal = c.comparer === 'SingleValueTarget'
      ? { kind: 'single' as const, limit: c.lower_limit, useCIs: c.use_cis }
      : c.comparer === 'RangeTarget'
        ? { kind: 'range' as const, lower: c.lower_limit, upper: c.upper_limit }
        : { kind: 'percentile-range' as const, lowerValue: c.lower_percentile_value, upperValue: c.upper_percentile_value };
    const r = compareWithGoal({ goal, polarity: POLARITY[String(c.polarity_id)]!, value: c.data.value, lower95: c.data.lci95, upper95: c.data.uci95 });
    expect(r.outcome).toBe(c.expected);
    if (c.csv_label) expect(r.label).toBe(c.csv_label);
  });

  it.each(cases('recent_trend'))('trend $id', (c) => {
    if (c.engine === 'fingertips-csharp-TrendBetweenTwoValues') {
      const series = c.series ?? [{ year: 2, ...c.recent }, { year: 1, ...c.previous }];
      const points = series.map((p: any) => ({ period: p.year, value: p.value, lower95: p.lci95, upper95: p.uci95 }));
      expect(latestChange(points)).toBe(c.expected.marker);
      return;
    }
    const points = c.points.map((p: any) => ({ period: p.year, value: p.value, lower95: p.lci95, upper95: p.uci95, count: p.count, denominator: p.denominator }));
    // Fingertips' request-validity cases carry counts but no CIs: they exercise the count path.
    const method = c.value_type === 'proportion' || points.every((p: any) => p.lower95 === undefined) ? 'proportion' : 'ci';
    const r = recentTrend(points, { method, polarity: 'no-judgement', yearRange: c.year_range ?? 1 });
    const e = c.expected;
    if (e.request_valid === true) expect(r.reason).toBeUndefined();
    if (e.message) expect(r.reason).toBe(e.message);
    if (e.marker) expect(r.marker).toBe(e.marker);
    if (e.chi_square_round2 !== undefined) expect(Number(r.chiSquare!.toFixed(2))).toBe(e.chi_square_round2);
    if (c.derived?.chi_square !== undefined) expect(Number(r.chiSquare!.toFixed(4))).toBe(c.derived.chi_square);
    if (e.recent_trend) {
      const label = e.recent_trend === 'Cannot be calculated' ? 'CannotBeCalculated' : e.recent_trend === 'No significant change' ? 'NoChange' : e.recent_trend;
      expect(r.marker).toBe(label);
    }
    // PHEindicatormethods uses 2·qnorm(0.975) where Fingertips uses 3.92: chi² agrees to 1e-4 relative.
    if (e.chi_square_round4 !== undefined) expectClose(r.chiSquare, e.chi_square_round4, 1e-4, 'chi2');
    if (e.slope_round4 !== undefined) expect(Number(r.slope!.toFixed(4))).toBe(e.slope_round4);
  });
});
