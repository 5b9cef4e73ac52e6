import { gammaln } from 'simple-statistics';

/**
 * Regularised lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a), by its series for
 * x < a + 1 and by Lentz's continued fraction for Q = 1 − P otherwise (Numerical Recipes §6.2).
 *
 * @example gammaP(1, 1) // 1 - e^-1 = 0.6321205588285577
 */
export function gammaP(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`gammaP: shape must be > 0, got ${a}`);
  if (x <= 0) return 0;
  const logPrefix = -x + a * Math.log(x) - gammaln(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return sum * Math.exp(logPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-17) break;
  }
  return 1 - Math.exp(logPrefix) * h;
}

/**
 * Quantile of the gamma distribution with shape `a` and scale 1: the x with P(a, x) = p.
 * Found by bracketing and bisection to full double precision (Newton steps are avoided so that
 * the answer does not depend on a starting guess).
 *
 * qchisq(p, 2k) = 2·qgamma(p, k), which is how the exact Poisson limits of a count are computed.
 *
 * @example qgamma(0.025, 1) // -ln(0.975) = 0.025317807984289897
 */
export function qgamma(p: number, a: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`qgamma: p must be in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  let lo = 0;
  let hi = Math.max(1, a);
  while (gammaP(a, hi) < p) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (gammaP(a, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Quantile of the chi-squared distribution with `df` degrees of freedom.
 *
 * @example qchisq(0.998, 1) // 9.549535706083...
 */
export function qchisq(p: number, df: number): number {
  return 2 * qgamma(p, df / 2);
}
