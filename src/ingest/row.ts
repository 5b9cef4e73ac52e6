import type { GeographyLevel } from '../normalise/area.js';
import type { TimePeriod } from '../normalise/time-period.js';

/** One data row of an extract, validated and normalised. Missing numbers are null, never 0. */
export interface IndicatorRow {
  file: string;
  line: number;
  indicatorId: string;
  indicatorName: string;
  parentCode: string | null;
  parentName: string | null;
  areaCode: string;
  areaName: string;
  areaType: string | null;
  level: GeographyLevel;
  sex: string;
  age: string;
  categoryType: string | null;
  category: string | null;
  period: TimePeriod;
  value: number | null;
  /** Why the value is missing: the value note when there is one, else the token seen. */
  missingReason: string | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  count: number | null;
  denominator: number | null;
  valueNote: string | null;
  /** Published judgements, normalised to Fingertips' CSV vocabulary; null when blank. */
  recentTrend: string | null;
  comparedToEngland: string | null;
  comparedToParent: string | null;
  comparedToGoal: string | null;
  newData: string | null;
  timePeriodRange: string | null;
  /** The CIs were computed by marmot from count and denominator (`--derive-ci`), not read. */
  derivedCi?: boolean;
}

/** A row's series fields: the same for every row of a series (indicator, area, sex, age, cohort). */
export type RowHead = Pick<IndicatorRow, 'indicatorId' | 'indicatorName' | 'parentCode' | 'parentName' | 'areaCode' | 'areaName' | 'areaType' | 'level' | 'sex' | 'age' | 'categoryType' | 'category'>;

/**
 * Makes a valid row from its parts: its file and line, its series fields (`head`, one object
 * shared by consecutive rows of a series), then the other fields in IndicatorRow's order. `rowObject` makes the row; the reading thread's
 * builder packs the parts straight into its batch (row-codec.ts), so no row object is made there.
 */
export type RowBuilder<R> = (
  file: string, line: number, head: RowHead, period: TimePeriod, value: number | null, missingReason: string | null,
  lower95: number | null, upper95: number | null, lower998: number | null, upper998: number | null, count: number | null, denominator: number | null,
  valueNote: string | null, recentTrend: string | null, comparedToEngland: string | null, comparedToParent: string | null,
  comparedToGoal: string | null, newData: string | null, timePeriodRange: string | null,
) => R;

/**
 * The row of its parts, as an IndicatorRow object.
 *
 * @example rowObject('x.csv', 2, head, period, 80.1, null, 79, 81, null, null, 120, 150, null, null, null, null, null, null, null).value // 80.1
 */
export const rowObject: RowBuilder<IndicatorRow> = (
  file, line, h, period, value, missingReason, lower95, upper95, lower998, upper998, count, denominator,
  valueNote, recentTrend, comparedToEngland, comparedToParent, comparedToGoal, newData, timePeriodRange,
) => ({
  file,
  line,
  indicatorId: h.indicatorId,
  indicatorName: h.indicatorName,
  parentCode: h.parentCode,
  parentName: h.parentName,
  areaCode: h.areaCode,
  areaName: h.areaName,
  areaType: h.areaType,
  level: h.level,
  sex: h.sex,
  age: h.age,
  categoryType: h.categoryType,
  category: h.category,
  period,
  value,
  missingReason,
  lower95,
  upper95,
  lower998,
  upper998,
  count,
  denominator,
  valueNote,
  recentTrend,
  comparedToEngland,
  comparedToParent,
  comparedToGoal,
  newData,
  timePeriodRange,
});

/** True for cohort rows (Category Type or Category filled), which are kept apart from headline rows. */
export const isCohortRow = (r: Pick<IndicatorRow, 'categoryType' | 'category'>): boolean => r.categoryType !== null || r.category !== null;
