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
export function deriveCis(rows: IndicatorRow[], multiplierOf: (indicatorId: string) => number | null): IndicatorRow[] {
  return rows.map((r) => {
    if (r.lower95 !== null || r.upper95 !== null || r.value === null || r.count === null || r.denominator === null || r.denominator <= 0) return r;
    const m = multiplierOf(r.indicatorId);
    if (m === null || Math.abs((r.count / r.denominator) * m - r.value) > 0.005 * Math.max(Math.abs(r.value), 1e-9)) return r;
    const proportion = (m === 100 || m === 1) && r.count <= r.denominator;
    const interval = (confidence: number) => (proportion
      ? wilsonInterval({ count: r.count!, denominator: r.denominator!, multiplier: m, confidence })
      : rateInterval({ count: r.count!, denominator: r.denominator!, multiplier: m, confidence }));
    const i95 = interval(0.95);
    const i998 = interval(0.998);
    return { ...r, lower95: i95.lower, upper95: i95.upper, lower998: r.lower998 ?? i998.lower, upper998: r.upper998 ?? i998.upper, derivedCi: true };
  });
}
