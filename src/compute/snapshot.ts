import { outputId } from '../catalogue/lookup.js';
import type { IndicatorRow } from '../ingest/row.js';
import { ENGLAND_CODE } from '../normalise/area.js';
import type { AreaChoice } from './areas.js';
import { computeBaseline } from './baseline.js';
import { computeGaps } from './gaps.js';
import { GAP_KINDS } from './gaps-schema.js';
import type { IndicatorProfile } from './indicator-profile.js';
import type { SeriesPoint, Snapshot } from './snapshot-schema.js';

/** The label of the latest period among rows (by Time period Sortable, then label). */
export function latestPeriod(rows: IndicatorRow[]): string {
  let best: IndicatorRow | undefined;
  for (const r of rows) {
    if (!best || r.period.sortable > best.period.sortable || (r.period.sortable === best.period.sortable && r.period.label > best.period.label)) best = r;
  }
  return best?.period.label ?? 'none';
}

/**
 * The evaluation content of a snapshot: the latest baseline and the gaps of the chosen areas, and
 * every data point of those areas, their parents and England (for revision and coverage checks).
 * Pure; the caller adds provenance.
 */
export function evaluate(
  rows: IndicatorRow[],
  profileOf: (id: string) => IndicatorProfile,
  o: { areas: AreaChoice[]; seed: number; repetitions: number },
): Pick<Snapshot, 'latest_period' | 'baseline' | 'gaps' | 'series'> {
  const chosen = new Set(o.areas.map((a) => a.code));
  const parents = new Set(rows.filter((r) => chosen.has(r.areaCode) && r.parentCode).map((r) => r.parentCode!));
  const kept = rows.filter((r) => chosen.has(r.areaCode) || parents.has(r.areaCode) || r.areaCode === ENGLAND_CODE);
  const baseline = computeBaseline(rows, profileOf, { areas: o.areas, period: 'latest', groups: null }).rows;
  const gaps = computeGaps(rows, profileOf, { areas: o.areas, kinds: [...GAP_KINDS], period: 'latest', seed: o.seed, repetitions: o.repetitions }).gaps;
  const series: SeriesPoint[] = kept
    .map((r) => ({
      indicator_id: outputId(r.indicatorId), area_code: r.areaCode, sex: r.sex, age: r.age, category_type: r.categoryType, category: r.category,
      period: r.period.label, period_sortable: r.period.sortable, value: r.value, lower_ci_95: r.lower95, upper_ci_95: r.upper95,
      count: r.count, denominator: r.denominator,
    }))
    .sort((a, b) => String(a.indicator_id).localeCompare(String(b.indicator_id), 'en', { numeric: true }) || a.area_code.localeCompare(b.area_code)
      || a.sex.localeCompare(b.sex) || a.age.localeCompare(b.age) || (a.category_type ?? '').localeCompare(b.category_type ?? '')
      || (a.category ?? '').localeCompare(b.category ?? '') || a.period_sortable - b.period_sortable || a.period.localeCompare(b.period));
  return { latest_period: latestPeriod(rows.filter((r) => chosen.has(r.areaCode))), baseline, gaps, series };
}

/** A file name for a snapshot: the area codes and the latest period, e.g. `E06000032-2022-23.json`. */
export function snapshotFileName(areas: string[], latest: string): string {
  return `${areas.join('+')}-${latest.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}.json`;
}
