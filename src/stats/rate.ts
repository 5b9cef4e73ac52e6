import { byarsLimits } from './byars.js';
import { qgamma } from './gamma.js';
import { requireAtLeast, requirePositive } from './guards.js';

/**
 * A crude rate and its confidence interval.
 *
 * Method: PHEindicatormethods `phe_rate` (R/Rates.R): value = x/n·multiplier; for x < 10 the
 * exact Poisson limits L = qchisq((1−c)/2, 2x)/2, U = qchisq(c+(1−c)/2, 2x+2)/2 (method
 * `exact`, L = 0 when x = 0); otherwise Byars' limits (method `byars`); both divided by n and
 * multiplied by `multiplier`. x > n is allowed. Units: events per `multiplier` (default 100,000).
 *
 * @example rateInterval({ count: 20, denominator: 100, multiplier: 100 })
 * // { value: 20, lower: 12.211428834875937, upper: 30.889880369197066, method: 'byars' }
 */
export function rateInterval(a: {
  count: number;
  denominator: number;
  confidence?: number;
  multiplier?: number;
}): { value: number; lower: number; upper: number; method: 'exact' | 'byars' } {
  const { count: x, denominator: n } = a;
  const c = a.confidence ?? 0.95;
  const m = a.multiplier ?? 100000;
  requireAtLeast('rateInterval', 'count', x, 0);
  requirePositive('rateInterval', 'denominator', n);
  const scale = m / n;
  if (x < 10) {
    const lower = x === 0 ? 0 : qgamma((1 - c) / 2, x);
    const upper = qgamma(c + (1 - c) / 2, x + 1);
    return { value: x * scale, lower: lower * scale, upper: upper * scale, method: 'exact' };
  }
  const limits = byarsLimits({ count: x, confidence: c });
  return { value: x * scale, lower: (limits.lower ?? 0) * scale, upper: limits.upper * scale, method: 'byars' };
}
