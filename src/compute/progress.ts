import { GROUP_ORDER } from '../catalogue/lookup.js';
import type { GroupId } from '../catalogue/schema.js';
import { compareWithBenchmark } from '../stats/index.js';
import { intervalFromCounts } from './derive-ci.js';
import { gapMovement } from './gaps.js';
import type { BaselineRow } from './baseline-schema.js';
import type { Gap } from './gaps-schema.js';
import { multiplierOf } from './indicator-profile.js';
import { inferMultiplier } from './infer-method.js';
import type { GapProgress, ProgressEnvelope, ProgressRow } from './progress-schema.js';
import type { Snapshot } from './snapshot-schema.js';

const rowKey = (r: BaselineRow): string => [r.indicator_id, r.area_code, r.sex, r.age].join('\u0001');
const gapKey = (g: Gap): string => [g.kind, g.measure, g.indicator_id, g.area_code, g.sex, g.age, g.category_type ?? '', g.group_a.label].join('\u0001');

interface Point { value: number | null; lower95: number | null; upper95: number | null; derived: boolean }

/** A row's value and 95% CI, the CI derived from count and denominator (Wilson, exact/Byars) when missing. */
function pointOf(r: BaselineRow): Point {
  if (r.value === null || (r.lower_ci_95 !== null && r.upper_ci_95 !== null)) return { value: r.value, lower95: r.lower_ci_95, upper95: r.upper_ci_95, derived: r.derived_ci };
  const m = multiplierOf(r.unit) ?? inferMultiplier([r]);
  const i = m === null || r.count === null || r.denominator === null ? null : intervalFromCounts(r.value, r.count, r.denominator, m, 0.95);
  return i ? { value: r.value, lower95: i.lower, upper95: i.upper, derived: true } : { value: r.value, lower95: null, upper95: null, derived: false };
}

const DIRECTION: Record<string, ProgressRow['direction']> = {
  Better: 'improved', Best: 'improved', Worse: 'worsened', Worst: 'worsened', Similar: 'no significant change',
  Higher: 'increased', Highest: 'increased', Lower: 'decreased', Lowest: 'decreased', NotCompared: 'cannot be judged',
};

/**
 * Progress since a baseline snapshot: each indicator's baseline and current value, the change, and
 * the direction by polarity — the current value against the baseline by Fingertips' overlapping
 * confidence intervals (method 12), with CIs derived from count and denominator where missing —
 * and, for each gap measured in both, whether it narrowed or widened. Pure.
 */
export function computeProgress(base: Snapshot, current: Snapshot): Pick<ProgressEnvelope, 'indicators' | 'gaps' | 'summary'> {
  const now = new Map(current.baseline.map((r) => [rowKey(r), r]));
  const seen = new Set<string>();
  const indicators: ProgressRow[] = [];
  const add = (b: BaselineRow | undefined, c: BaselineRow | undefined): void => {
    const r = (c ?? b)!;
    let direction: ProgressRow['direction'];
    let derived = false;
    let reason: string | null = null;
    if (!b || !c) {
      direction = 'cannot be judged';
      reason = b ? 'not in the current data' : 'not in the baseline';
    } else if (b.period === c.period) {
      direction = 'no new data';
    } else {
      const pc = pointOf(c);
      const pb = pointOf(b);
      const { outcome } = compareWithBenchmark({ method: 12, polarity: r.polarity, area: pc, benchmark: pb });
      direction = DIRECTION[outcome]!;
      derived = outcome !== 'NotCompared' && (pc.derived || pb.derived);
      if (outcome === 'NotCompared') reason = pc.value === null || pb.value === null ? 'a value is missing' : 'no CI, and no count and denominator to derive one';
    }
    const change = b?.value != null && c?.value != null ? c.value - b.value : null;
    indicators.push({
      principle: r.principle, indicator_id: r.indicator_id, indicator_name: r.indicator_name, area_code: r.area_code, area_name: r.area_name,
      sex: r.sex, age: r.age, polarity: r.polarity,
      baseline_period: b?.period ?? null, baseline_value: b?.value ?? null, current_period: c?.period ?? null, current_value: c?.value ?? null,
      change, relative_change: change !== null && b!.value !== 0 ? change / b!.value! : null, direction, derived, reason,
    });
  };
  for (const b of base.baseline) {
    seen.add(rowKey(b));
    add(b, now.get(rowKey(b)));
  }
  for (const c of current.baseline) if (!seen.has(rowKey(c))) add(undefined, c);
  indicators.sort((a, b) => GROUP_ORDER[a.principle as GroupId] - GROUP_ORDER[b.principle as GroupId]
    || String(a.indicator_id).localeCompare(String(b.indicator_id), 'en', { numeric: true }) || a.area_code.localeCompare(b.area_code)
    || a.sex.localeCompare(b.sex) || a.age.localeCompare(b.age));

  const currentGaps = new Map(current.gaps.map((g) => [gapKey(g), g]));
  const gaps: GapProgress[] = [];
  for (const g of base.gaps) {
    const c = currentGaps.get(gapKey(g));
    if (!c || g.value === null || c.value === null || g.period === c.period) continue;
    const movement = gapMovement({ value: g.value, sii: g.sii }, { value: c.value, sii: c.sii });
    gaps.push({
      principle: g.principle, kind: g.kind, measure: g.measure, indicator_id: g.indicator_id, area_code: g.area_code, sex: g.sex, age: g.age,
      category_type: g.category_type, group: g.group_a.label, baseline_period: g.period, baseline_value: g.value, current_period: c.period,
      current_value: c.value, change: c.value - g.value, movement,
    });
  }

  const byPrinciple = new Map<string, Record<string, number>>();
  for (const r of indicators) {
    let counts = byPrinciple.get(r.principle);
    if (!counts) byPrinciple.set(r.principle, (counts = {}));
    counts[r.direction] = (counts[r.direction] ?? 0) + 1;
  }
  const order: ProgressRow['direction'][] = ['improved', 'worsened', 'no significant change', 'increased', 'decreased', 'cannot be judged', 'no new data'];
  const summary = [...byPrinciple]
    .sort((a, b) => GROUP_ORDER[a[0] as GroupId] - GROUP_ORDER[b[0] as GroupId])
    .map(([principle, counts]) => ({
      principle,
      counts,
      text: order.filter((d) => counts[d]).map((d) => `${counts[d]} ${d}`).join(', '),
    }));
  return { indicators, gaps, summary };
}
