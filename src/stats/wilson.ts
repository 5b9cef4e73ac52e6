import { requireAtLeast, requirePositive } from './guards.js';
import { zFor } from './normal.js';

/**
 * A proportion and its Wilson score confidence interval.
 *
 * Method: Wilson (1927), as PHEindicatormethods `phe_proportion` (R/utils.R wilson_lower,
 * wilson_upper): L, U = (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)), then multiplied by
 * `multiplier`. A confidence of 1 gives the limits 0 and 1. x need not be a whole number.
 * Units: the value and limits are x/n times `multiplier` (1 = a fraction, 100 = a percentage).
 *
 * @example wilsonInterval({ count: 65, denominator: 100 })
 * // { value: 0.65, lower: 0.5525444329688797, upper: 0.7363575175690247 }
 */
export function wilsonInterval(a: {
  count: number;
  denominator: number;
  confidence?: number;
  multiplier?: number;
}): { value: number; lower: number; upper: number } {
  const { count: x, denominator: n } = a;
  const confidence = a.confidence ?? 0.95;
  const m = a.multiplier ?? 1;
  requireAtLeast('wilsonInterval', 'count', x, 0);
  requirePositive('wilsonInterval', 'denominator', n);
  if (x > n) throw new RangeError(`wilsonInterval: count (${x}) must not exceed denominator (${n})`);
  const value = (x / n) * m;
  if (confidence === 1) return { value, lower: 0, upper: m };
  const z = zFor(confidence);
  const centre = 2 * x + z * z;
  const spread = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
  const scale = 2 * (n + z * z);
  return { value, lower: ((centre - spread) / scale) * m, upper: ((centre + spread) / scale) * m };
}
