import { describe, expect, it } from 'vitest';
import { canonicalKey, matchHeader } from '../../src/ingest/headers.js';

const API_27 = 'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal,Time period range';
const WEB_EXPORT = 'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,AreaName,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to parent value or percentiles,Time period Sortable,New data,Compared to goal,Time period range';
const FINGERTIPSR = 'IndicatorID,IndicatorName,ParentCode,ParentName,AreaCode,AreaName,AreaType,Sex,Age,CategoryType,Category,Timeperiod,Value,LowerCI95.0limit,UpperCI95.0limit,LowerCI99.8limit,UpperCI99.8limit,Count,Denominator,Valuenote,RecentTrend,ComparedtoEnglandvalueorpercentiles,ComparedtoRegionvalueorpercentiles,TimeperiodSortable,Newdata,Comparedtogoal,Timeperiodrange';
const RENAMED = 'IndicatorID,IndicatorName,ParentCode,ParentName,AreaCode,AreaName,AreaType,Sex,Age,Category_Type,Category,Timeperiod,Value,Lower_CI_95.0_limit,Upper_CI_95.0_limit,Lower_CI_99.8_limit,Upper_CI_99.8_limit,Count,Denominator,Value_note,Recent_Trend,Compared_to_England_value_or_percentiles,Compared_to_Region_value_or_percentiles,Time_period_Sortable,New_data,Compared_to_goal';
const JANITOR = 'indicator_id,indicator_name,parent_code,parent_name,area_code,area_name,area_type,sex,age,category_type,category,timeperiod,value,lower_ci95_0limit,upper_ci95_0limit,count,denominator,valuenote,recent_trend,comparedto_englandvalueorpercentiles,timeperiod_sortable';
const V21 = 'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI limit,Upper CI limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to subnational parent value or percentiles';
const V25 = 'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to subnational parent value or percentiles,Time period Sortable,New data';
const PERCENTILES = API_27.replace('Compared to Region value or percentiles', 'Compared to percentiles');
const COUNTIES = API_27.replace('Compared to Region value or percentiles', 'Compared to Counties & UAs (from Apr 2021) value or percentiles');

describe('matchHeader', () => {
  it.each([
    ['API 27 columns', API_27, 'fingertips-csv/27', 'Compared to Region value or percentiles'],
    ['web export', WEB_EXPORT, 'fingertips-web-export/27', 'Compared to parent value or percentiles'],
    ['fingertipsR', FINGERTIPSR, 'fingertipsR/27', 'ComparedtoRegionvalueorpercentiles'],
    ['renamed with underscores', RENAMED, 'fingertips-renamed/26', 'Compared_to_Region_value_or_percentiles'],
    ['janitor clean_names', JANITOR, 'fingertips-renamed/21', null],
    ['21-column vintage', V21, 'fingertips-csv/21', 'Compared to subnational parent value or percentiles'],
    ['25-column vintage', V25, 'fingertips-csv/25', 'Compared to subnational parent value or percentiles'],
    ['Compared to percentiles', PERCENTILES, 'fingertips-csv/27', 'Compared to percentiles'],
    ['county parent', COUNTIES, 'fingertips-csv/27', 'Compared to Counties & UAs (from Apr 2021) value or percentiles'],
  ])('reads the %s header by name', (_, header, dialect, parentColumn) => {
    const m = matchHeader(header.split(','));
    expect(m.missing).toEqual([]);
    expect(m.dialect).toBe(dialect);
    expect(m.parentComparisonColumn).toBe(parentColumn);
    expect(m.columns.value).toBe(header.split(',').findIndex((h) => canonicalKey(h) === 'value'));
    expect(m.columns.lower95).toBeDefined();
  });

  it('matches columns by name whatever their order', () => {
    const m = matchHeader(['Value', 'Time period', 'Area Code', 'Indicator ID']);
    expect(m.columns).toMatchObject({ value: 0, timePeriod: 1, areaCode: 2, indicatorId: 3 });
  });

  it('strips a BOM and surrounding spaces from names', () => {
    expect(matchHeader(['\uFEFFIndicator ID ', 'Area Code', 'Time period', 'Value']).missing).toEqual([]);
  });

  it('lists the required columns that are missing', () => {
    expect(matchHeader(['area_code', 'period', 'value']).missing).toEqual(['indicatorId', 'timePeriod']);
  });

  it('keeps unknown columns aside', () => {
    expect(matchHeader([...API_27.split(','), 'AREA_ID']).unknown).toEqual(['AREA_ID']);
  });
});
