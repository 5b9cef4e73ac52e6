import { describe, expect, it } from 'vitest';
import { computeGaps, type GapOptions } from '../../src/compute/gaps.js';
import { profileIndicator } from '../../src/compute/indicator-profile.js';
import type { IndicatorRow } from '../../src/ingest/row.js';
import { geographyLevel } from '../../src/normalise/area.js';
import { parseTimePeriod } from '../../src/normalise/time-period.js';
import { sii } from '../../src/stats/index.js';

const DECILES = ['Most deprived decile (IMD2019)', 'Second most deprived decile (IMD2019)', 'Third more deprived decile (IMD2019)',
  'Fourth more deprived decile (IMD2019)', 'Fifth more deprived decile (IMD2019)', 'Fifth less deprived decile (IMD2019)',
  'Fourth less deprived decile (IMD2019)', 'Third less deprived decile (IMD2019)', 'Second least deprived decile (IMD2019)', 'Least deprived decile (IMD2019)'];
const TYPE = 'County & UA deprivation deciles in England (IMD2019, 4/21 geography)';

function row(over: Partial<IndicatorRow> & { value: number | null }, line = 1): IndicatorRow {
  const v = over.value;
  return {
    file: 'x.csv', line, indicatorId: '92443', indicatorName: 'Smoking', parentCode: null, parentName: null, areaCode: 'E92000001', areaName: 'England',
    areaType: null, level: geographyLevel(over.areaCode ?? 'E92000001'), sex: 'Persons', age: '18+ yrs', categoryType: null, category: null,
    period: parseTimePeriod('2022')!, missingReason: null, lower95: v === null ? null : v - 1, upper95: v === null ? null : v + 1, lower998: null, upper998: null,
    count: null, denominator: 1000, valueNote: null, recentTrend: null, comparedToEngland: null, comparedToParent: null, comparedToGoal: null,
    newData: null, timePeriodRange: null, ...over,
  };
}
const profile = () => profileIndicator('92443', 'Smoking', { id: 92443, name: 'Smoking', principle: 'prevention', polarity: 'low-is-good', valueType: 'Proportion', unit: '%', source: 't' }, null);
const options = (over: Partial<GapOptions> = {}): GapOptions => ({ areas: [], kinds: ['deprivation', 'sex', 'ethnicity', 'age', 'england', 'parent', 'rank', 'within-area'], period: 'latest', repetitions: 2000, seed: 5, ...over });
const deciles = (values: (number | null)[], over: Partial<IndicatorRow> = {}) =>
  values.map((v, i) => row({ value: v, categoryType: TYPE, category: DECILES[i]!, denominator: 1000 + 100 * i, ...over }, 10 + i));

describe('computeGaps: deprivation', () => {
  it("the SII equals the library's sii on the same numbers, and reads as worse in the most deprived", () => {
    const values = [25, 23, 21, 20, 18, 16, 15, 13, 12, 10];
    const [gap] = computeGaps(deciles(values), profile, options({ kinds: ['deprivation'] })).gaps;
    const expected = sii(values.map((v, i) => ({ quantile: i + 1, population: 1000 + 100 * i, value: v, se: 2 / (2 * 1.959963984540054) })), { repetitions: 2000, seed: 5 });
    expect(gap!.sii).toMatchObject({ sii: expected.sii, rii: expected.rii, sii_lower_ci_95: expected.limits[0]!.siiLower, sii_upper_ci_95: expected.limits[0]!.siiUpper, quantiles: 10 });
    expect(gap).toMatchObject({ kind: 'deprivation', measure: 'sii', difference: 15, ratio: 2.5, significant: true, direction: 'worse in the most deprived' });
    expect(gap!.group_a.label).toBe('Most deprived decile');
    expect(gap!.sources).toHaveLength(10);
  });

  it('says why the SII cannot be computed when a decile is missing, and keeps the ends', () => {
    const rows = deciles([25, 23, 21, 20, 18, 16, 15, 13, 12, 10]).filter((_, i) => i !== 4);
    const [gap] = computeGaps(rows, profile, options({ kinds: ['deprivation'] })).gaps;
    expect(gap).toMatchObject({ measure: 'difference', sii: null, difference: 15, reason: 'SII not computed: no value for decile 5' });
  });

  it('treats a suppressed decile as missing, never 0', () => {
    const [gap] = computeGaps(deciles([null, 23, 21, 20, 18, 16, 15, 13, 12, 10]), profile, options({ kinds: ['deprivation'] })).gaps;
    expect(gap).toMatchObject({ difference: null, value: null, sii: null, direction: 'cannot be computed' });
    expect(gap!.reason).toMatch(/Most deprived decile: no value; SII not computed: no value for decile 1/);
  });

  it('says the SII needs populations when the rows have no denominator', () => {
    const [gap] = computeGaps(deciles([25, 23, 21, 20, 18, 16, 15, 13, 12, 10], { denominator: null }), profile, options({ kinds: ['deprivation'] })).gaps;
    expect(gap!.reason).toBe('SII not computed: the rows have no Denominator to use as populations');
  });

  it('a flat profile has no clear gradient', () => {
    const [gap] = computeGaps(deciles([15, 15.2, 14.8, 15, 15.1, 14.9, 15, 15.2, 14.8, 15]), profile, options({ kinds: ['deprivation'] })).gaps;
    expect(gap!.direction).toBe('no clear gradient (SII limits include 0)');
  });
});

describe('computeGaps: cohorts and geography', () => {
  const luton = { areaCode: 'E06000032', areaName: 'Luton', parentCode: 'E12000006' };
  it('sex: male minus female, with a derived significance', () => {
    const gaps = computeGaps([row({ value: 20, sex: 'Male' }), row({ value: 14, sex: 'Female' })], profile, options({ kinds: ['sex'] })).gaps;
    expect(gaps[0]).toMatchObject({ kind: 'sex', difference: 6, significant: true, derived: true, direction: 'worse for males' });
  });

  it('ethnicity: each group against the whole population, and the range', () => {
    const rows = [row({ value: 15 }), ...[['Asian', 10], ['Black', 12], ['Mixed', 22]].map(([c, v]) => row({ value: v as number, categoryType: 'Ethnic groups', category: c as string }))];
    const gaps = computeGaps(rows, profile, options({ kinds: ['ethnicity'] })).gaps;
    expect(gaps.map((g) => [g.measure, g.group_a.label, g.difference])).toEqual([['difference', 'Asian', -5], ['difference', 'Black', -3], ['difference', 'Mixed', 7], ['range', 'Mixed', 12]]);
    expect(gaps[3]!.direction).toBe('Mixed highest, Asian lowest of 3 groups');
  });

  it('age: the youngest band against the oldest', () => {
    const rows = ['18-24 yrs', '25-64 yrs', '65+ yrs', '18+ yrs'].map((age, i) => row({ value: [20, 15, 8, 14][i]!, age }));
    const [gap] = computeGaps(rows, profile, options({ kinds: ['age'] })).gaps;
    expect(gap).toMatchObject({ kind: 'age', difference: 12, group_a: { label: '18-24 yrs' }, group_b: { label: '65+ yrs' } });
  });

  it('geography: against England with the recomputed comparison, and the rank among areas of the level', () => {
    const peers = [['E06000031', 10], ['E06000033', 12], ['E06000034', 14], ['E06000055', 16]].map(([c, v]) => row({ value: v as number, areaCode: c as string, areaName: c as string }));
    const rows = [row({ value: 15 }), row({ value: 20, ...luton, comparedToEngland: 'Worse' }), ...peers];
    const gaps = computeGaps(rows, profile, options({ areas: [{ code: 'E06000032', name: 'Luton' }], kinds: ['england', 'rank'] })).gaps;
    expect(gaps.find((g) => g.kind === 'england')).toMatchObject({ difference: 5, comparison: { computed: 'Worse', published: 'Worse', agrees: true }, direction: 'worse than England' });
    expect(gaps.find((g) => g.kind === 'rank')!.rank).toMatchObject({ rank: 5, of: 5, quintile: 5, quintile_label: 'Worst' });
  });

  it('within the area: a single sub-area gives no range, and says so', () => {
    const rows = [row({ value: 20, ...luton }), row({ value: 25, areaCode: 'E05000001', areaName: 'Ward A', parentCode: 'E06000032' })];
    const [gap] = computeGaps(rows, profile, options({ areas: [{ code: 'E06000032', name: 'Luton' }], kinds: ['within-area'] })).gaps;
    expect(gap).toMatchObject({ kind: 'within-area', value: null, reason: 'only 1 sub-area with a value' });
  });

  it('over time: the earliest and latest values and whether the gap widened', () => {
    const rows = [2018, 2022].flatMap((y, i) => [row({ value: 20 + 4 * i, sex: 'Male', period: parseTimePeriod(String(y))! }), row({ value: 14, sex: 'Female', period: parseTimePeriod(String(y))! })]);
    const [gap] = computeGaps(rows, profile, options({ kinds: ['sex'] })).gaps;
    expect(gap!.over_time).toEqual({ earliest_period: '2018', earliest_value: 6, latest_period: '2022', latest_value: 10, change: 4, movement: 'widened' });
  });
});

describe('computeGaps: peers', () => {
  it('ranks the area among its statistical neighbours as well', () => {
    const luton = { areaCode: 'E06000032', areaName: 'Luton', parentCode: 'E12000006' };
    const others = [['E06000031', 10], ['E06000033', 12], ['E06000034', 14], ['E06000055', 16], ['E08000001', 30]].map(([c, v]) => row({ value: v as number, areaCode: c as string, areaName: c as string }));
    const gaps = computeGaps([row({ value: 15 }), row({ value: 20, ...luton }), ...others], profile,
      options({ areas: [{ code: 'E06000032', name: 'Luton' }], kinds: ['rank'], peers: ['E06000031', 'E08000001'] })).gaps;
    expect(gaps.map((g) => [g.rank!.level, g.rank!.rank, g.rank!.of])).toEqual([['county-ua', 5, 6], ['peer', 2, 3]]);
  });
});
