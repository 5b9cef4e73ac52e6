import { isCohortRow, type IndicatorRow } from '../ingest/row.js';
import { ENGLAND_CODE } from '../normalise/area.js';
import { deprivationRank, isDeprivationType } from '../normalise/cohort.js';
import { fingertipsPercentile } from '../stats/index.js';
import type { BaselineRow } from './baseline-schema.js';
import type { Gap } from './gaps-schema.js';
import type { ProgressRow } from './progress-schema.js';
import { pushInto } from './group.js';

export interface SeriesValue { period: string; sortable: number; value: number | null; lower: number | null; upper: number | null }

export interface Spine {
  /** Values of all areas of the area's level in the extract, for the same indicator, sex, age and period. */
  n: number;
  min: number;
  q25: number;
  q75: number;
  max: number;
  england: number | null;
  area: number;
  /** True when a higher value is better (high-is-good), so "better" is drawn on the right. */
  higherIsBetter: boolean;
}

export interface ReportIndicator {
  row: BaselineRow;
  spine: Spine | null;
  trend: SeriesValue[];
  englandTrend: SeriesValue[];
  deciles: { where: string; values: (SeriesValue & { rank: number })[]; gap: Gap | null } | null;
  change: ProgressRow | null;
}

const point = (r: IndicatorRow): SeriesValue => ({ period: r.period.label, sortable: r.period.sortable, value: r.value, lower: r.lower95, upper: r.upper95 });

/**
 * What the report draws for each baseline row: the spine (the range, 25th–75th percentile and
 * England value of all areas of the same level, by Fingertips' type-7 percentile), the trend of the
 * area and of England, the deprivation deciles (the area's, else England's) with their gap, and the
 * change since a baseline snapshot. Pure.
 */
export function reportIndicators(rows: IndicatorRow[], baseline: BaselineRow[], gaps: Gap[], progress: ProgressRow[] | null): ReportIndicator[] {
  const headline = rows.filter((r) => !isCohortRow(r));
  const key = (...p: (string | number)[]) => p.join('\u0001');
  const byPoint = new Map<string, IndicatorRow[]>();
  const bySeries = new Map<string, IndicatorRow[]>();
  for (const r of headline) {
    const k = key(r.indicatorId, r.sex, r.age, r.period.label);
    pushInto(byPoint, k, r);
    pushInto(bySeries, key(r.indicatorId, r.areaCode, r.sex, r.age), r);
  }
  for (const s of bySeries.values()) s.sort((a, b) => a.period.sortable - b.period.sortable);
  const decileRows = rows.filter((r) => isCohortRow(r) && isDeprivationType(r.categoryType ?? '') && deprivationRank(r.category ?? '') !== null);
  return baseline.map((b) => {
    const id = String(b.indicator_id);
    const peers = (byPoint.get(key(id, b.sex, b.age, b.period)) ?? []).filter((r) => r.areaCode !== ENGLAND_CODE && r.value !== null);
    const areaRow = peers.find((r) => r.areaCode === b.area_code);
    const same = areaRow ? peers.filter((r) => r.level === areaRow.level).map((r) => r.value!).sort((x, y) => x - y) : [];
    const spine: Spine | null = same.length >= 3 && b.value !== null
      ? {
        n: same.length, min: same[0]!, q25: fingertipsPercentile(same, 0.25), q75: fingertipsPercentile(same, 0.75), max: same[same.length - 1]!,
        england: b.england.value, area: b.value, higherIsBetter: b.polarity === 'high-is-good',
      }
      : null;
    const decilesFor = (area: string) => decileRows.filter((r) => r.indicatorId === id && r.areaCode === area && r.sex === b.sex && r.age === b.age);
    let where = b.area_code;
    let dec = decilesFor(where);
    if (dec.length === 0) {
      where = ENGLAND_CODE;
      dec = decilesFor(where);
    }
    let deciles: ReportIndicator['deciles'] = null;
    if (dec.length > 0) {
      const latestSortable = Math.max(...dec.map((r) => r.period.sortable));
      const latest = dec.filter((r) => r.period.sortable === latestSortable);
      const type = latest[0]!.categoryType;
      const values = latest.filter((r) => r.categoryType === type)
        .map((r) => ({ ...point(r), rank: deprivationRank(r.category!)!.rank }))
        .sort((x, y) => x.rank - y.rank);
      const gap = gaps.find((g) => g.kind === 'deprivation' && String(g.indicator_id) === id && g.area_code === where && g.sex === b.sex && g.age === b.age && g.category_type === type) ?? null;
      deciles = { where: where === ENGLAND_CODE ? 'England' : b.area_name, values, gap };
    }
    return {
      row: b,
      spine,
      trend: (bySeries.get(key(id, b.area_code, b.sex, b.age)) ?? []).map(point),
      englandTrend: (bySeries.get(key(id, ENGLAND_CODE, b.sex, b.age)) ?? []).map(point),
      deciles,
      change: progress?.find((p) => String(p.indicator_id) === id && p.area_code === b.area_code && p.sex === b.sex && p.age === b.age) ?? null,
    };
  });
}
