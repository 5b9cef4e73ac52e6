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

/** True for cohort rows (Category Type or Category filled), which are kept apart from headline rows. */
export const isCohortRow = (r: IndicatorRow): boolean => r.categoryType !== null || r.category !== null;
