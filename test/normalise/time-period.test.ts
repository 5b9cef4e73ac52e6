import { describe, expect, it } from 'vitest';
import { parseTimePeriod } from '../../src/normalise/time-period.js';

describe('parseTimePeriod', () => {
  it.each([
    ['2019', 20190000, 1, 'year'],
    ['2019/20', 20190000, 1, 'year'],
    ['2017 - 19', 20170000, 3, 'multi-year'],
    ['2013 - 17', 20130000, 5, 'multi-year'],
    ['2017/18 - 19/20', 20170000, 3, 'multi-year'],
    ['2019/20 - 23/24', 20190000, 5, 'multi-year'],
    ['1999 - 01', 19990000, 3, 'multi-year'],
    ['2019 Q3', 20190300, 0, 'quarter'],
    ['2019/20 Q3', 20190300, 0, 'quarter'],
    ['2019/20 Q1 - 2019/20 Q4', 20190100, 0, 'quarter'],
    ['2006/07 Q1-Q2', 20060100, 0, 'quarter'],
    ['2006 Q2 - 2007 Q1', 20060200, 0, 'quarter'],
    ['Jan 2009', 20090001, 0, 'month'],
    ['Jan 2009 - Dec 2009', 20090001, 0, 'other'],
    ['Aug 2006 - Jul 2007', 20060008, 1, 'other'],
  ])('%s → %i', (label, sortable, years, kind) => {
    expect(parseTimePeriod(label)).toEqual({ label, sortable, startYear: Math.floor(sortable / 10000), years, kind });
  });

  it("sorts as Fingertips' Time period Sortable does (year, then quarter, then month)", () => {
    const labels = ['2020/21', '2019 Q4', '2018 - 20', '2019/20', 'Mar 2019'];
    const sorted = [...labels].sort((a, b) => parseTimePeriod(a)!.sortable - parseTimePeriod(b)!.sortable);
    expect(sorted).toEqual(['2018 - 20', '2019/20', 'Mar 2019', '2019 Q4', '2020/21']);
  });

  it.each(['', 'last year', '2019/21', '2019 Q5', '20190', 'Foo 2019'])('refuses %j', (label) => {
    expect(parseTimePeriod(label)).toBeNull();
  });
});
