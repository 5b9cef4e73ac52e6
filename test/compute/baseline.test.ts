import { describe, expect, it } from 'vitest';
import { computeBaseline } from '../../src/compute/baseline.js';
import { profileIndicator } from '../../src/compute/indicator-profile.js';
import type { IndicatorRow } from '../../src/ingest/row.js';
import { parseTimePeriod } from '../../src/normalise/time-period.js';
import { geographyLevel } from '../../src/normalise/area.js';

function row(area: string, year: number, value: number | null, extra: Partial<IndicatorRow> = {}): IndicatorRow {
  const se = 0.5;
  return {
    file: 'x.csv', line: year, indicatorId: '90366', indicatorName: 'Life expectancy at birth',
    parentCode: area === 'E06000032' ? 'E12000006' : area === 'E12000006' ? 'E92000001' : null, parentName: null,
    areaCode: area, areaName: area, areaType: null, level: geographyLevel(area), sex: 'Persons', age: 'All ages',
    categoryType: null, category: null, period: parseTimePeriod(String(year))!, value, missingReason: value === null ? 'blank' : null,
    lower95: value === null ? null : value - 1.96 * se, upper95: value === null ? null : value + 1.96 * se, lower998: null, upper998: null,
    count: 1000, denominator: 10000, valueNote: null, recentTrend: null, comparedToEngland: null, comparedToParent: null,
    comparedToGoal: null, newData: null, timePeriodRange: null, ...extra,
  };
}

const profile = () => profileIndicator('90366', 'Life expectancy at birth',
  { id: 90366, name: 'Life expectancy at birth', principle: 'overarching', polarity: 'high-is-good', valueType: 'Life expectancy', unit: 'years', source: 'test' }, null);
const areas = [{ code: 'E06000032', name: 'Luton' }];

describe('computeBaseline', () => {
  const rows = [2015, 2016, 2017, 2018, 2019].flatMap((y, i) => [
    row('E92000001', y, 80 + i * 0.1), row('E12000006', y, 80.5), row('E06000032', y, 76 + i, y === 2019 ? { comparedToEngland: 'Worse', recentTrend: 'Increasing and getting better' } : {}),
  ]);

  it('takes the latest period, with England and the parent of the same period', () => {
    const [r] = computeBaseline(rows, profile, { areas, period: 'latest', groups: null }).rows;
    expect(r).toMatchObject({ period: '2019', value: 80, england: { value: 80.4, computed: 'Similar' }, parent: { area_code: 'E12000006', value: 80.5, computed: 'Similar' } });
  });

  it('reports a published judgement it does not reproduce', () => {
    const [r] = computeBaseline(rows, profile, { areas, period: 'latest', groups: null }).rows;
    expect(r!.england).toMatchObject({ computed: 'Similar', published: 'Worse', agrees: false, status: 'differs' });
    expect(r!.trend).toMatchObject({ computed: 'Increasing and getting better', published: 'Increasing and getting better', agrees: true, points: 5 });
  });

  it('takes a named period, and computes the trend only up to it', () => {
    const [r] = computeBaseline(rows, profile, { areas, period: '2018', groups: null }).rows;
    expect(r).toMatchObject({ period: '2018', value: 79, trend: { computed: 'Cannot be calculated', points: 4, status: 'not-published' } });
  });

  it('says when the named period is absent', () => {
    const out = computeBaseline(rows, profile, { areas, period: '2030', groups: null });
    expect(out.rows).toEqual([]);
    expect(out.diagnostics[0]!.code).toBe('baseline/no-such-period');
  });

  it('does not compare when the benchmark row is missing, and calls that inputs-missing, not a disagreement', () => {
    const noEngland = rows.filter((r) => r.areaCode !== 'E92000001');
    const [r] = computeBaseline(noEngland, profile, { areas, period: 'latest', groups: null }).rows;
    expect(r!.england).toMatchObject({ value: null, computed: 'Not compared', published: 'Worse', agrees: null, status: 'inputs-missing' });
  });

  it('filters by principle', () => {
    expect(computeBaseline(rows, profile, { areas, period: 'latest', groups: ['best-start'] }).rows).toEqual([]);
  });
});
