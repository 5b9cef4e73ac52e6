import { GROUP_ORDER, outputId } from '../catalogue/lookup.js';
import type { GroupId } from '../catalogue/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { isCohortRow, type IndicatorRow } from '../ingest/row.js';
import { ENGLAND_CODE } from '../normalise/area.js';
import type { AreaChoice } from './areas.js';
import type { BaselineRow } from './baseline-schema.js';
import { indexRows, judgeBenchmark, judgeTrend } from './judgements.js';
import type { IndicatorProfile } from './indicator-profile.js';

export interface BaselineOptions {
  areas: AreaChoice[];
  /** `latest`, or a period label such as `2019/20`. */
  period: string;
  /** Only these groups; null for all. */
  groups: GroupId[] | null;
}



function compareBy(a: BaselineRow, b: BaselineRow): number {
  const ga = GROUP_ORDER[a.principle as GroupId] - GROUP_ORDER[b.principle as GroupId];
  if (ga !== 0) return ga;
  const ia = String(a.indicator_id).padStart(12, '0');
  const ib = String(b.indicator_id).padStart(12, '0');
  if (ia !== ib) return ia < ib ? -1 : 1;
  if (a.area_code !== b.area_code) return a.area_code < b.area_code ? -1 : 1;
  const sexRank = (s: string): string => (s === 'Persons' ? '0' : s === 'Male' ? '1' : s === 'Female' ? '2' : `3${s}`);
  if (a.sex !== b.sex) return sexRank(a.sex) < sexRank(b.sex) ? -1 : 1;
  return a.age < b.age ? -1 : a.age > b.age ? 1 : 0;
}

/** Fingertips' "red-red": significantly worse than England and the recent trend getting worse. */
export const isRedRed = (r: BaselineRow): boolean => r.england.computed === 'Worse' && r.trend.computed.endsWith('getting worse');

/**
 * The baseline: for each chosen area and each indicator × sex × age series of its headline rows,
 * the row of the baseline period (the latest, or the one named), with the England and parent
 * values of the same period, sex and age, the comparisons with both recomputed by Fingertips'
 * method beside the published ones, and the recent trend recomputed beside the published one.
 * Pure: rows in, rows out, sorted by group, indicator, area, sex and age.
 */
export function computeBaseline(
  rows: IndicatorRow[],
  profileOf: (indicatorId: string) => IndicatorProfile,
  options: BaselineOptions,
): { rows: BaselineRow[]; diagnostics: Diagnostic[] } {
  const index = indexRows(rows.filter((r) => !isCohortRow(r)));

  const chosen = new Set(options.areas.map((a) => a.code));
  const out: BaselineRow[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const list of index.series) {
    const first = list[0]!;
    if (!chosen.has(first.areaCode)) continue;
    const profile = profileOf(first.indicatorId);
    if (profile.hidden || (options.groups && !options.groups.includes(profile.group))) continue;
    const row = options.period === 'latest' ? list[list.length - 1]! : list.find((r) => r.period.label === options.period);
    if (!row) {
      diagnostics.push({
        code: 'baseline/no-such-period', severity: 'info', file: first.file, line: null, column: 'Time period',
        message: `indicator ${first.indicatorId} has no ${options.period} for ${first.areaCode} (${first.sex}, ${first.age}); periods: ${list.map((r) => r.period.label).join(', ')}`,
      });
      continue;
    }
    // Fingertips compares with the parent only below region level: a region's parent is England,
    // and its "Compared to <parent>" column reads "Not compared".
    const parentCode = row.parentCode === ENGLAND_CODE ? null : row.parentCode;
    out.push({
      principle: profile.group,
      indicator_id: outputId(row.indicatorId),
      indicator_name: profile.name,
      mapped: profile.mapped,
      area_code: row.areaCode,
      area_name: row.areaName,
      area_type: row.areaType,
      period: row.period.label,
      period_sortable: row.period.sortable,
      sex: row.sex,
      age: row.age,
      value: row.value,
      lower_ci_95: row.lower95,
      upper_ci_95: row.upper95,
      lower_ci_99_8: row.lower998,
      upper_ci_99_8: row.upper998,
      count: row.count,
      denominator: row.denominator,
      value_note: row.valueNote,
      missing_reason: row.missingReason,
      polarity: profile.polarity,
      polarity_source: profile.polaritySource,
      value_type: profile.valueType,
      unit: profile.unit,
      comparison_method: profile.method,
      comparison_confidence: profile.confidence,
      comparison_source: profile.methodSource,
      matched_by: profile.matchedBy,
      derived_ci: row.derivedCi ?? false,
      england: judgeBenchmark(row, index.at(row, ENGLAND_CODE), ENGLAND_CODE, row.comparedToEngland, profile),
      parent: judgeBenchmark(row, index.at(row, parentCode), parentCode, row.comparedToParent, profile),
      trend: judgeTrend(list, row, profile),
      source: { file: row.file, line: row.line },
    });
  }
  out.sort(compareBy);
  return { rows: out, diagnostics };
}
