/**
 * Header matching: every Fingertips dialect is recognised by column name, never by position.
 * Names are compared by a canonical key (lower case, letters and digits only), so
 * "Lower CI 95.0 limit", "LowerCI95.0limit", "Lower_CI_95.0_limit" and janitor's
 * "lower_ci95_0limit" are one column. Source: ../shared/docs/fingertips-format.md §1.
 */

export type Field =
  | 'indicatorId' | 'indicatorName' | 'parentCode' | 'parentName' | 'areaCode' | 'areaName' | 'areaType'
  | 'sex' | 'age' | 'categoryType' | 'category' | 'timePeriod' | 'value' | 'lower95' | 'upper95'
  | 'lower998' | 'upper998' | 'count' | 'denominator' | 'valueNote' | 'recentTrend' | 'comparedToEngland'
  | 'comparedToParent' | 'timePeriodSortable' | 'newData' | 'comparedToGoal' | 'timePeriodRange';

/** Canonical key of a header name: lower case, letters and digits only. */
export function canonicalKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const ALIASES: Record<Field, string[]> = {
  indicatorId: ['indicatorid'],
  indicatorName: ['indicatorname'],
  parentCode: ['parentcode'],
  parentName: ['parentname'],
  areaCode: ['areacode'],
  areaName: ['areaname'],
  areaType: ['areatype'],
  sex: ['sex', 'gender'],
  age: ['age'],
  categoryType: ['categorytype'],
  category: ['category'],
  timePeriod: ['timeperiod'],
  value: ['value'],
  lower95: ['lowerci950limit', 'lowercilimit'],
  upper95: ['upperci950limit', 'uppercilimit'],
  lower998: ['lowerci998limit'],
  upper998: ['upperci998limit'],
  count: ['count'],
  denominator: ['denominator'],
  valueNote: ['valuenote'],
  recentTrend: ['recenttrend'],
  comparedToEngland: ['comparedtoenglandvalueorpercentiles'],
  comparedToParent: ['comparedtopercentiles', 'comparedtoparentvalueorpercentiles', 'comparedtosubnationalparentvalueorpercentiles'],
  timePeriodSortable: ['timeperiodsortable'],
  newData: ['newdata'],
  comparedToGoal: ['comparedtogoal', 'targetdata'],
  timePeriodRange: ['timeperiodrange'],
};

/** Columns without which no row can be read. */
export const REQUIRED: readonly Field[] = ['indicatorId', 'areaCode', 'timePeriod', 'value'];

/** The expected header, for messages. */
export const EXPECTED_COLUMNS =
  'Indicator ID, Indicator Name, Area Code, Area Name, Time period, Value (and optionally Parent Code, Area Type, Sex, Age, Category Type, Category, Lower/Upper CI 95.0 limit, Lower/Upper CI 99.8 limit, Count, Denominator, Value note, Recent Trend, Compared to England value or percentiles, Compared to <parent> value or percentiles, Time period Sortable)';

export interface HeaderMatch {
  /** Column index of each field found. */
  columns: Partial<Record<Field, number>>;
  /** The header names as written in the file, by index. */
  names: string[];
  /** The file's name for the parent comparison column, e.g. "Compared to Region value or percentiles". */
  parentComparisonColumn: string | null;
  dialect: string;
  missing: Field[];
  /** Header names that are not Fingertips columns (kept, ignored). */
  unknown: string[];
}

const LOOKUP = new Map<string, Field>();
for (const [field, keys] of Object.entries(ALIASES) as [Field, string[]][]) for (const k of keys) LOOKUP.set(k, field);

function describeDialect(names: string[], columns: Partial<Record<Field, number>>): string {
  const joined = names.join(',');
  let family: string;
  if (names.includes('AreaName') && names.some((n) => n.trim() === 'Compared to parent value or percentiles')) family = 'fingertips-web-export';
  else if (names.some((n) => /_/.test(n))) family = 'fingertips-renamed';
  else if (!/ /.test(joined)) family = 'fingertipsR';
  else family = 'fingertips-csv';
  const vintage = columns.timePeriodRange !== undefined ? 27
    : columns.comparedToGoal !== undefined ? 26
      : columns.lower998 !== undefined ? 25 : 21;
  return `${family}/${vintage}`;
}

/**
 * Matches a header row to Fingertips' columns. The parent comparison column is dynamic
 * ("Compared to <parent area type> value or percentiles"): any "Compared to … value or
 * percentiles" other than England's is taken as the parent's.
 *
 * @example matchHeader(['Indicator ID', 'Area Code', 'Time period', 'Value']).missing // []
 */
export function matchHeader(raw: string[]): HeaderMatch {
  const names = raw.map((n) => n.replace(/^\uFEFF/, '').trim());
  const columns: Partial<Record<Field, number>> = {};
  const unknown: string[] = [];
  let parentComparisonColumn: string | null = null;
  names.forEach((name, i) => {
    const key = canonicalKey(name);
    let field = LOOKUP.get(key);
    if (!field && key.startsWith('comparedto') && key.endsWith('valueorpercentiles') && key !== 'comparedtoenglandvalueorpercentiles') {
      field = 'comparedToParent';
    }
    if (!field) {
      unknown.push(name);
      return;
    }
    if (columns[field] !== undefined) return;
    columns[field] = i;
    if (field === 'comparedToParent') parentComparisonColumn = name;
  });
  const missing = REQUIRED.filter((f) => columns[f] === undefined);
  return { columns, names, parentComparisonColumn, dialect: describeDialect(names, columns), missing, unknown };
}
