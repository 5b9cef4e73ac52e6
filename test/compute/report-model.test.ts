import { describe, expect, it } from 'vitest';
import { gapMovement } from '../../src/compute/gaps.js';
import { reportIndicators } from '../../src/compute/report-model.js';
import type { BaselineRow } from '../../src/compute/baseline-schema.js';
import type { IndicatorRow } from '../../src/ingest/row.js';
import { geographyLevel } from '../../src/normalise/area.js';
import { parseTimePeriod } from '../../src/normalise/time-period.js';
import { fingertipsPercentile } from '../../src/stats/index.js';

const row = (area: string, value: number, extra: Partial<IndicatorRow> = {}): IndicatorRow => ({
  file: 'x.csv', line: 1, indicatorId: '90366', indicatorName: 'LE', parentCode: null, parentName: null, areaCode: area, areaName: area, areaType: null,
  level: geographyLevel(area), sex: 'Persons', age: 'All ages', categoryType: null, category: null, period: parseTimePeriod('2022')!, value, missingReason: null,
  lower95: value - 1, upper95: value + 1, lower998: null, upper998: null, count: null, denominator: 1000, valueNote: null, recentTrend: null,
  comparedToEngland: null, comparedToParent: null, comparedToGoal: null, newData: null, timePeriodRange: null, ...extra,
});

describe('reportIndicators', () => {
  const values = [71, 74, 76, 78, 79, 80, 83];
  const rows = [row('E92000001', 79), ...values.map((v, i) => row(`E0600000${i + 1}`, v)),
    ...['Most deprived decile', 'Least deprived decile'].map((c, i) => row('E92000001', 75 + 8 * i, { categoryType: 'County & UA deprivation deciles in England (IMD2019)', category: c }))];
  const baseline = { indicator_id: 90366, area_code: 'E06000002', area_name: 'B', sex: 'Persons', age: 'All ages', period: '2022', value: 74, polarity: 'low-is-good', england: { value: 79 } } as unknown as BaselineRow;

  it("draws the spine from all areas of the level, with Fingertips' percentiles, and better on the right", () => {
    const [r] = reportIndicators(rows, [baseline], [], null);
    const sorted = [...values].sort((a, b) => a - b);
    expect(r!.spine).toEqual({ n: 7, min: 71, q25: fingertipsPercentile(sorted, 0.25), q75: fingertipsPercentile(sorted, 0.75), max: 83, england: 79, area: 74, higherIsBetter: false });
    expect(r!.spine!.q25).toBe(75);
  });

  it("falls back to England's deprivation deciles when the area has none", () => {
    const [r] = reportIndicators(rows, [baseline], [], null);
    expect(r!.deciles).toMatchObject({ where: 'England', values: [{ rank: 1, value: 75 }, { rank: 10, value: 83 }] });
  });
});

describe('gapMovement', () => {
  const sii = (lo: number, hi: number) => ({ sii: (lo + hi) / 2, rii: 1, intercept: 0, sii_lower_ci_95: lo, sii_upper_ci_95: hi, rii_lower_ci_95: 1, rii_upper_ci_95: 1, quantiles: 10, repetitions: 1000, seed: 1 });
  it.each([
    [{ value: 4, sii: null }, { value: -6, sii: null }, 'widened'],
    [{ value: 6, sii: null }, { value: 4, sii: null }, 'narrowed'],
    [{ value: 5, sii: null }, { value: 5, sii: null }, 'unchanged'],
    [{ value: -5, sii: sii(-7, -3) }, { value: -6, sii: sii(-8, -4) }, 'no significant change'],
    [{ value: -5, sii: sii(-6, -4) }, { value: -9, sii: sii(-10, -8) }, 'widened'],
  ] as const)('%j → %j: %s', (a, b, m) => expect(gapMovement(a as never, b as never)).toBe(m));
});
