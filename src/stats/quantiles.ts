import type { Polarity } from './types.js';

/**
 * Fingertips' percentile of a set of values: h = (n − 1)·f + 1 with linear interpolation
 * between order statistics, rounded to 10 decimal places (R's quantile type 7, Excel
 * PERCENTILE.INC). Source: fingertips-open `Analysis/ValueCategoriesCalculator.cs`.
 * simple-statistics' `quantileSorted` is type 7 too, but without the rounding Fingertips applies,
 * and the rounding decides ties at a bound, so it is done here.
 *
 * @example fingertipsPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.2) // 2.8
 */
export function fingertipsPercentile(sortedValues: readonly number[], fraction: number): number {
  const n = sortedValues.length;
  if (n === 0) throw new RangeError('fingertipsPercentile: no values');
  const h = (n - 1) * fraction + 1;
  if (h <= 1) return sortedValues[0] as number;
  if (h >= n) return sortedValues[n - 1] as number;
  const k = Math.floor(h);
  const lo = sortedValues[k - 1] as number;
  const hi = sortedValues[k] as number;
  return Math.round((lo + (h - k) * (hi - lo)) * 1e10) / 1e10;
}

/**
 * Bounds of Fingertips' quintiles (5 groups) or quartiles (4): [min, P(1/k)…, max] over the
 * valid values; null when there are 3 or fewer values. Source: ValueCategoriesCalculator.cs.
 *
 * @example quantileBounds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5) // [1, 2.8, 4.6, 6.4, 8.2, 10]
 */
export function quantileBounds(values: readonly number[], groups: 4 | 5): number[] | null {
  const valid = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (valid.length <= 3) return null;
  const bounds = [valid[0] as number];
  for (let k = 1; k < groups; k++) bounds.push(fingertipsPercentile(valid, k / groups));
  bounds.push(valid[valid.length - 1] as number);
  return bounds;
}

/**
 * Fingertips' quintile (or quartile) category of a value among a comparison set: the first k
 * with value ≤ bound k (ties go to the lower group). Quintiles are reversed for high-is-good so
 * that 1 is best and 5 worst for RAG polarities; for low-is-good and no-judgement 1 holds the
 * lowest values. Quartiles are never reversed. 0 means not compared: fewer than 5 (quintiles)
 * or 4 (quartiles) valid values, or an invalid value. Source: QuintilesComparer.cs,
 * QuartilesComparer.cs, ValueCategoriesCalculator.cs.
 *
 * @example quantileCategory(3, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { groups: 5, polarity: 'high-is-good' }) // 4
 */
export function quantileCategory(
  value: number | null,
  values: readonly number[],
  a: { groups: 4 | 5; polarity?: Polarity },
): number {
  if (value === null || !Number.isFinite(value)) return 0;
  const valid = values.filter((v) => Number.isFinite(v));
  if (valid.length < a.groups) return 0;
  const bounds = quantileBounds(valid, a.groups);
  if (!bounds) return 0;
  let category = 0;
  for (let k = 1; k <= a.groups; k++) {
    if (value <= (bounds[k] as number)) {
      category = k;
      break;
    }
  }
  if (category === 0) return 0;
  return a.groups === 5 && a.polarity === 'high-is-good' ? 6 - category : category;
}

const QUINTILE_LABELS = ['Lowest quintile', '2nd lowest quintile', 'Middle quintile', '2nd highest quintile', 'Highest quintile'];

/**
 * The label Fingertips' CSV writes for a quintile category (SignificanceFormatter.cs).
 * Note the classic exporter labels category 1 "Lowest quintile" even after the high-is-good
 * reversal; this follows it.
 *
 * @example quintileLabel(1) // 'Lowest quintile'; quintileLabel(0) // 'Not compared'
 */
export function quintileLabel(category: number): string {
  return QUINTILE_LABELS[category - 1] ?? 'Not compared';
}
