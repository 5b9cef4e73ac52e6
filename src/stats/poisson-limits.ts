/**
 * Share of a Poisson(λ) distribution's mass on k in [from, to], summed term by term with
 * rescaling, as the classic Fingertips funnel code and PHEindicatormethods `poisson_cis` do.
 */
function poissonMassBetween(lambda: number, from: number, to: number): number {
  let term = 1;
  let total = 0;
  let inside = 0;
  for (let k = 0; k <= lambda || term > total * 1e-10; ) {
    total += term;
    if (k >= from && k <= to) inside += term;
    if (total > 1e30) {
      inside /= 1e30;
      total /= 1e30;
      term /= 1e30;
    }
    k += 1;
    term *= lambda / k;
  }
  return inside / total;
}

/**
 * Lower or upper exact Poisson limit for an observed (possibly non-integer) count, found by
 * bisection on v in (0, 1) with λ = (1 + obs)·v/(1 − v), stopping when the step is ≤ 1e-7.
 *
 * Source: fingertips-open `Analysis/StatisticalMethods.cs` PoisLow/PoisHigh, the same routine
 * as PHEindicatormethods R/utils.R `poisson_funnel`. Used by the SPC-for-DSR comparison.
 * `tail` is the one-sided probability (0.025 for 95%, 0.001 for 99.8%). Units: counts.
 *
 * @example poissonLimit(10, 0.025, 'low') // ≈ 4.795
 */
export function poissonLimit(observed: number, tail: number, side: 'low' | 'high'): number {
  let v = 0.5;
  let dv = 0.5;
  while (dv > 1e-7) {
    dv /= 2;
    const lambda = ((1 + observed) * v) / (1 - v);
    if (side === 'low') {
      if (poissonMassBetween(lambda, observed, Number.MAX_VALUE) > tail) v -= dv;
      else v += dv;
    } else if (poissonMassBetween(lambda, 0, observed) < tail) v -= dv;
    else v += dv;
  }
  return ((1 + observed) * v) / (1 - v);
}
