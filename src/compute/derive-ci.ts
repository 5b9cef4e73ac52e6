import type { IndicatorRow } from '../ingest/row.js';
import { rateInterval, wilsonInterval } from '../stats/index.js';

/**
 * Fills missing confidence intervals from count and denominator (`--derive-ci`): Wilson for a
 * proportion (multiplier 100, or 1), exact/Byars for a crude rate (PHEindicatormethods methods),
 * at 95% and 99.8%. Only where both 95% limits are missing, count and denominator are present and
 * count/denominator × multiplier reproduces the value (so a DSR or a modelled value is never given
 * a crude CI). Fingertips never computes CIs at comparison time (methods.md §3.9), so each filled
 * row is marked `derivedCi` and every judgement that uses it is reported as derived.
 *
 * @example deriveCis(rows, () => 100) // proportions without CIs get Wilson limits
 */
/**
 * A confidence interval from count and denominator: Wilson for a proportion (multiplier 100, or 1,
 * with count ≤ denominator), exact/Byars for a crude rate; null when count/denominator × multiplier
 * does not reproduce the value within 0.5% (a DSR or a modelled value gets no crude CI).
 *
 * @example intervalFromCounts(65, 65, 100, 100, 0.95) // Wilson limits 55.25–73.64
 */
export function intervalFromCounts(value: number, count: number, denominator: number, multiplier: number, confidence: number): { lower: number; upper: number } | null {
  if (!(denominator > 0) || Math.abs((count / denominator) * multiplier - value) > 0.005 * Math.max(Math.abs(value), 1e-9)) return null;
  const proportion = (multiplier === 100 || multiplier === 1) && count <= denominator;
  const i = proportion
    ? wilsonInterval({ count, denominator, multiplier, confidence })
    : rateInterval({ count, denominator, multiplier, confidence });
  return { lower: i.lower, upper: i.upper };
}

export function deriveCis(rows: IndicatorRow[], multiplierOf: (indicatorId: string) => number | null): IndicatorRow[] {
  return rows.map((r) => {
    if (r.lower95 !== null || r.upper95 !== null || r.value === null || r.count === null || r.denominator === null) return r;
    const m = multiplierOf(r.indicatorId);
    const i95 = m === null ? null : intervalFromCounts(r.value, r.count, r.denominator, m, 0.95);
    const i998 = m === null ? null : intervalFromCounts(r.value, r.count, r.denominator, m, 0.998);
    if (!i95 || !i998) return r;
    return { ...r, lower95: i95.lower, upper95: i95.upper, lower998: r.lower998 ?? i998.lower, upper998: r.upper998 ?? i998.upper, derivedCi: true };
  });
}
