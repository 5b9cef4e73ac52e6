import type { GroupId } from '../catalogue/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import type { IndicatorRow } from '../ingest/row.js';
import { ENGLAND_CODE } from '../normalise/area.js';
import { compareWithBenchmark, recentTrend, type TrendPoint } from '../stats/index.js';
import type { AreaChoice } from './areas.js';
import type { BaselineRow, Benchmark } from './baseline-schema.js';
import type { IndicatorProfile } from './indicator-profile.js';

export interface BaselineOptions {
  areas: AreaChoice[];
  /** `latest`, or a period label such as `2019/20`. */
  period: string;
  /** Only these groups; null for all. */
  groups: GroupId[] | null;
}

const seriesKey = (r: IndicatorRow, areaCode = r.areaCode): string =>
  [r.indicatorId, areaCode, r.sex, r.age].join('\u0001');

const GROUP_ORDER: Record<GroupId, number> = {
  overarching: 0, 'best-start': 1, capabilities: 2, 'fair-employment': 3, 'living-standard': 4,
  'healthy-places': 5, prevention: 6, discrimination: 7, sustainability: 8, unmapped: 9,
};

const numericId = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);

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

type Agreement = 'agrees' | 'differs' | 'inputs-missing' | 'not-published';

/** How a recomputed judgement stands against the published one. */
function agreement(computed: string, published: string | null, inputsMissing: boolean): Agreement {
  if (published === null) return 'not-published';
  if (computed === published) return 'agrees';
  return inputsMissing ? 'inputs-missing' : 'differs';
}

function benchmark(
  area: IndicatorRow,
  bench: IndicatorRow | undefined,
  code: string | null,
  published: string | null,
  profile: IndicatorProfile,
): Benchmark {
  const { outcome, label } = compareWithBenchmark({
    method: profile.method,
    polarity: profile.polarity,
    confidence: profile.confidence,
    area: {
      value: area.value, lower95: area.lower95, upper95: area.upper95, lower998: area.lower998, upper998: area.upper998,
      denominator: area.denominator,
    },
    benchmark: { value: bench?.value ?? null, lower95: bench?.lower95 ?? null, upper95: bench?.upper95 ?? null },
  });
  const inputsMissing = outcome === 'NotCompared' && (area.value === null || area.lower95 === null || area.upper95 === null || bench?.value == null);
  const status = agreement(label, published, inputsMissing);
  return {
    area_code: code,
    area_name: bench?.areaName ?? null,
    value: bench?.value ?? null,
    lower_ci_95: bench?.lower95 ?? null,
    upper_ci_95: bench?.upper95 ?? null,
    computed: label,
    computed_outcome: outcome,
    published,
    agrees: status === 'agrees' ? true : status === 'differs' ? false : null,
    status,
  };
}

function trendOf(series: IndicatorRow[], row: IndicatorRow, profile: IndicatorProfile): BaselineRow['trend'] {
  const method = profile.method === 5 ? 'proportion' : 'ci';
  const upTo = series.filter((r) => r.period.sortable <= row.period.sortable);
  const points: TrendPoint[] = upTo.map((r) => ({
    period: r.period.sortable, value: r.value, lower95: r.lower95, upper95: r.upper95, count: r.count, denominator: r.denominator,
  }));
  const annual = row.period.kind === 'year' || row.period.kind === 'multi-year';
  const t = recentTrend(points, { method, polarity: profile.polarity, yearRange: annual ? row.period.years : 0 });
  const tooShort = t.marker === 'CannotBeCalculated' && upTo.length < 5;
  const status = agreement(t.label, row.recentTrend, tooShort);
  return {
    computed: t.label,
    published: row.recentTrend,
    agrees: status === 'agrees' ? true : status === 'differs' ? false : null,
    status,
    method,
    points: points.length,
    chi_square: t.chiSquare,
    slope: t.slope,
    reason: t.reason ?? null,
  };
}

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
  const series = new Map<string, IndicatorRow[]>();
  const byPoint = new Map<string, IndicatorRow>();
  for (const r of rows) {
    const key = seriesKey(r);
    let list = series.get(key);
    if (!list) series.set(key, (list = []));
    list.push(r);
    byPoint.set(`${key}\u0001${r.period.label}`, r);
  }
  for (const list of series.values()) list.sort((a, b) => a.period.sortable - b.period.sortable || a.period.label.localeCompare(b.period.label));

  const chosen = new Set(options.areas.map((a) => a.code));
  const out: BaselineRow[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const list of series.values()) {
    const first = list[0]!;
    if (!chosen.has(first.areaCode)) continue;
    const profile = profileOf(first.indicatorId);
    if (options.groups && !options.groups.includes(profile.group)) continue;
    const row = options.period === 'latest' ? list[list.length - 1]! : list.find((r) => r.period.label === options.period);
    if (!row) {
      diagnostics.push({
        code: 'baseline/no-such-period', severity: 'info', file: first.file, line: null, column: 'Time period',
        message: `indicator ${first.indicatorId} has no ${options.period} for ${first.areaCode} (${first.sex}, ${first.age}); periods: ${list.map((r) => r.period.label).join(', ')}`,
      });
      continue;
    }
    const at = (code: string | null): IndicatorRow | undefined =>
      code === null ? undefined : byPoint.get(`${seriesKey(row, code)}\u0001${row.period.label}`);
    // Fingertips compares with the parent only below region level: a region's parent is England,
    // and its "Compared to <parent>" column reads "Not compared".
    const parentCode = row.parentCode === ENGLAND_CODE ? null : row.parentCode;
    out.push({
      principle: profile.group,
      indicator_id: numericId(row.indicatorId),
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
      derived_ci: false,
      england: benchmark(row, at(ENGLAND_CODE), ENGLAND_CODE, row.comparedToEngland, profile),
      parent: benchmark(row, at(parentCode), parentCode, row.comparedToParent, profile),
      trend: trendOf(list, row, profile),
      source: { file: row.file, line: row.line },
    });
  }
  out.sort(compareBy);
  return { rows: out, diagnostics };
}
