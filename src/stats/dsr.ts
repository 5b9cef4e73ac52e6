import { byarsLimits } from './byars.js';
import { requireAtLeast, requirePositive } from './guards.js';

/** One age band of a directly standardised rate. */
export interface DsrBand {
  /** Events in the band; null (not recorded) counts as 0, as PHEindicatormethods does. */
  count: number | null;
  /** Local population of the band (the denominator). */
  population: number;
  /** Standard population weight of the band, e.g. ESP 2013. */
  standardPopulation: number;
  /**
   * For non-independent events only: persons by how many events each had. Events are then
   * Σ frequency·persons and the variance Σ frequency²·var(persons) (PHEindicatormethods 2.1,
   * `independent_events = FALSE`); `count` is ignored.
   */
  personsByFrequency?: { frequency: number; persons: number | null }[];
}

/**
 * A directly standardised rate with Dobson's confidence interval.
 *
 * Method: PHEindicatormethods `calculate_dsr` (R/DSR.R, dsr_inner): with x_i events, n_i
 * population and w_i standard population per band and O = Σx_i,
 * DSR = Σ(x_i·w_i/n_i)/Σw_i, var = Σ(x_i·(w_i/n_i)²)/(Σw_i)²,
 * L, U = DSR + √(var/O)·(Byars L/U(O) − O), all times `multiplier`. When O < 10 the value and
 * limits are null ("dsr NA for total count < 10"). Units: events per `multiplier` (default 100,000).
 *
 * @example dsr({ bands: [{ count: 20, population: 1000, standardPopulation: 500 },
 *                        { count: 10, population: 2000, standardPopulation: 500 }] })
 * // value = ((20/1000 + 10/2000)·500/1000)·100000 = 1250
 */
export function dsr(a: {
  bands: DsrBand[];
  confidence?: number;
  multiplier?: number;
}): { value: number | null; lower: number | null; upper: number | null; totalCount: number; reason?: string } {
  const m = a.multiplier ?? 100000;
  const confidence = a.confidence ?? 0.95;
  let totalCount = 0;
  let weighted = 0;
  let variance = 0;
  let totalStandard = 0;
  for (const band of a.bands) {
    requirePositive('dsr', 'population', band.population);
    requireAtLeast('dsr', 'standardPopulation', band.standardPopulation, 0);
    const ratio = band.standardPopulation / band.population;
    let events: number;
    let varianceWeight: number;
    if (band.personsByFrequency) {
      events = 0;
      varianceWeight = 0;
      for (const { frequency, persons } of band.personsByFrequency) {
        events += frequency * (persons ?? 0);
        varianceWeight += frequency * frequency * (persons ?? 0);
      }
    } else {
      events = band.count ?? 0;
      varianceWeight = events;
    }
    if (events < 0) throw new RangeError(`dsr: counts must be >= 0, got ${events}`);
    totalCount += events;
    weighted += events * ratio;
    variance += varianceWeight * ratio * ratio;
    totalStandard += band.standardPopulation;
  }
  if (totalCount < 10) {
    return { value: null, lower: null, upper: null, totalCount, reason: 'dsr NA for total count < 10' };
  }
  const value = weighted / totalStandard;
  const sd = Math.sqrt(variance / (totalStandard * totalStandard) / totalCount);
  const limits = byarsLimits({ count: totalCount, confidence });
  return {
    value: value * m,
    lower: (value + sd * ((limits.lower ?? 0) - totalCount)) * m,
    upper: (value + sd * (limits.upper - totalCount)) * m,
    totalCount,
  };
}
