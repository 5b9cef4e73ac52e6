import { describe, expect, it } from 'vitest';
import { inferComparisonMethod, inferMultiplier } from '../../src/compute/infer-method.js';
import type { IndicatorRow } from '../../src/ingest/row.js';

const england = { value: 50, lower95: 49, upper95: 51 } as IndicatorRow;
const area = (value: number, l95: number, u95: number, l998: number, u998: number, published: string): IndicatorRow =>
  ({ areaCode: 'E06000032', value, lower95: l95, upper95: u95, lower998: l998, upper998: u998, denominator: 1000, comparedToEngland: published } as IndicatorRow);

describe('inferComparisonMethod', () => {
  it('keeps the default (null) when method 1 at 95% reproduces the file', () => {
    const rows = [area(55, 52, 58, 50.5, 59, 'Worse'), area(51, 49.5, 52.5, 48, 54, 'Similar')];
    expect(inferComparisonMethod(rows, () => england, 'low-is-good', null)).toBeNull();
  });

  it('finds 99.8% when only that level reproduces the published labels', () => {
    // Outside the 95% CI but inside the 99.8% CI: "Similar" is only right at 99.8%.
    const rows = [area(55, 52, 58, 49, 61, 'Similar'), area(60, 56, 64, 52, 68, 'Worse')];
    expect(inferComparisonMethod(rows, () => england, 'low-is-good', null)).toEqual({ method: 1, confidence: 0.998, reproduced: 2, checked: 2 });
  });

  it('finds method 12 when the published labels follow overlapping CIs', () => {
    // The England value is outside the area's CI, but the two CIs overlap: method 12 says Similar.
    const rows = [area(52.5, 50.8, 54.2, 50.5, 55, 'Similar'), area(60, 57, 63, 55, 65, 'Worse')];
    expect(inferComparisonMethod(rows, () => england, 'low-is-good', null)).toMatchObject({ method: 12 });
  });

  it('cannot tell without informative published labels', () => {
    expect(inferComparisonMethod([area(55, 52, 58, 50, 60, 'Not compared')], () => england, 'low-is-good', null)).toBeNull();
  });
});

describe('inferMultiplier', () => {
  it.each([
    [[{ value: 12.5, count: 25, denominator: 200 }], 100],
    [[{ value: 1250, count: 25, denominator: 2000 }, { value: 500, count: 5, denominator: 1000 }], 100000],
    [[{ value: 3.94, count: 13, denominator: 3300 }], 1000],
  ])('%j → %d', (rows, m) => expect(inferMultiplier(rows)).toBe(m));

  it('gives none for a DSR, whose value is not count/denominator × a power of ten', () => {
    expect(inferMultiplier([{ value: 170.2, count: 301, denominator: 190000 }])).toBeNull();
  });
  it('gives none when rows disagree', () => {
    expect(inferMultiplier([{ value: 12.5, count: 25, denominator: 200 }, { value: 1250, count: 25, denominator: 2000 }])).toBeNull();
  });
});
