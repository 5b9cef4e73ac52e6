import { requireAtLeast } from './guards.js';
import { zFor } from './normal.js';

/**
 * Byars' approximation to the exact Poisson confidence limits of a count.
 *
 * Method: Byars, as PHEindicatormethods R/utils.R byars_lower/byars_upper:
 * L = x(1 − 1/(9x) − z/(3√x))³ (null when negative or when x = 0, where it is undefined),
 * U = (x + 1)(1 − 1/(9(x + 1)) + z/(3√(x + 1)))³. Units: counts (events).
 *
 * @example byarsLimits({ count: 65 }) // { lower: 50.163187710459454, upper: 82.84913854593984 }
 */
export function byarsLimits(a: { count: number; confidence?: number }): { lower: number | null; upper: number } {
  const x = a.count;
  requireAtLeast('byarsLimits', 'count', x, 0);
  const z = zFor(a.confidence ?? 0.95);
  const upper = (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1))) ** 3;
  if (x === 0) return { lower: null, upper };
  const lower = x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
  return { lower: lower < 0 ? null : lower, upper };
}
