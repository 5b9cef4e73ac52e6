import { compareWithBenchmark } from './compare.js';
import type { TrendMarker } from './trend.js';

/**
 * Fingertips' "most recent value compared with the previous value" marker: the newest point
 * against the one before it by overlapping 95% CIs (method 12); a lower newest value that does
 * not overlap is Decreasing, a higher one Increasing, overlap NoChange, and a missing value or
 * CI CannotBeCalculated. Source: fingertips-open `Analysis/TrendBetweenTwoValuesCalculator.cs`.
 *
 * @example latestChange([{ period: 2001, value: 2, lower95: 1.9, upper95: 2.1 },
 *                        { period: 2002, value: 1, lower95: 0.9, upper95: 1.1 }]) // 'Decreasing'
 */
export function latestChange(
  points: { period: number; value: number | null; lower95?: number | null; upper95?: number | null }[],
): TrendMarker {
  if (points.length < 2) return 'CannotBeCalculated';
  const sorted = [...points].sort((x, y) => x.period - y.period);
  const recent = sorted[sorted.length - 1] as (typeof points)[number];
  const previous = sorted[sorted.length - 2] as (typeof points)[number];
  const { outcome } = compareWithBenchmark({
    method: 12,
    polarity: 'no-judgement',
    area: { value: recent.value, lower95: recent.lower95, upper95: recent.upper95 },
    benchmark: { value: previous.value, lower95: previous.lower95, upper95: previous.upper95 },
  });
  if (outcome === 'Higher') return 'Increasing';
  if (outcome === 'Lower') return 'Decreasing';
  if (outcome === 'Similar') return 'NoChange';
  return 'CannotBeCalculated';
}
