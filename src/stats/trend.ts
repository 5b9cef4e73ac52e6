import { linearRegression, weightedLinearRegression } from 'simple-statistics';
import type { Polarity } from './types.js';

export type TrendMarker = 'Increasing' | 'Decreasing' | 'NoChange' | 'CannotBeCalculated';

export interface TrendPoint {
  /** Any number that orders the periods (a year, or Fingertips' Time period Sortable). */
  period: number;
  value: number | null;
  lower95?: number | null;
  upper95?: number | null;
  count?: number | null;
  denominator?: number | null;
}

export interface TrendResult {
  marker: TrendMarker;
  label: string;
  chiSquare: number | null;
  slope: number | null;
  reason?: string;
}

/** qchisq(0.998, 1): Fingertips' threshold for a significant trend (99.8%, two-sided). */
export const TREND_CHI_SQUARE_THRESHOLD = 9.54953570608324;

/** Fingertips' divisor from a 95% CI's width to a standard error (TrendMarkerCalculator). */
const CI_WIDTH_TO_SE = 3.92;
const POINTS = 5;

/**
 * The Recent Trend label Fingertips writes for a marker and polarity
 * (fingertips-open `Formatting/TrendMarkerLabelProvider.cs`).
 *
 * @example trendLabel('Increasing', 'low-is-good') // 'Increasing and getting worse'
 */
export function trendLabel(marker: TrendMarker, polarity: Polarity): string {
  if (marker === 'NoChange') return 'No significant change';
  if (marker === 'CannotBeCalculated') return 'Cannot be calculated';
  const up = marker === 'Increasing';
  if (polarity === 'high-is-good') return up ? 'Increasing and getting better' : 'Decreasing and getting worse';
  if (polarity === 'low-is-good') return up ? 'Increasing and getting worse' : 'Decreasing and getting better';
  return marker;
}

const isNum = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

function cannot(reason: string, polarity: Polarity): TrendResult {
  return { marker: 'CannotBeCalculated', label: trendLabel('CannotBeCalculated', polarity), chiSquare: null, slope: null, reason };
}

/** Each point's weight 1/σ², σ = (U95 − L95) / 3.92. */
function ciWeights(points: TrendPoint[]): number[] {
  const weights: number[] = [];
  for (const p of points) {
    const se = ((p.upper95 as number) - (p.lower95 as number)) / CI_WIDTH_TO_SE;
    weights.push(1 / (se * se));
  }
  return weights;
}

/**
 * Scratch [t, y] pairs and weights for the fits, filled before each call to simple-statistics and
 * only read by it: a national file's check judges millions of trends, each with six fits, and
 * these arrays were most of what it allocated.
 */
const PAIRS: [number, number][][] = Array.from({ length: POINTS + 1 }, (_, n) => Array.from({ length: n }, (): [number, number] => [0, 0]));
const WEIGHTS: number[][] = Array.from({ length: POINTS + 1 }, (_, n) => new Array<number>(n).fill(0));

/** The scratch pairs (t, ys[i]) for the indices of ys (at most POINTS) other than `drop` (−1 keeps all), t = i + 1. */
function pairsOf(ys: number[], drop = -1): [number, number][] {
  const xy = PAIRS[drop < 0 ? ys.length : ys.length - 1]!;
  let j = 0;
  for (let i = 0; i < ys.length; i++) {
    if (i === drop) continue;
    const pair = xy[j++]!;
    pair[0] = i + 1;
    pair[1] = ys[i]!;
  }
  return xy;
}

/** The scratch weights for the indices other than `drop`. */
function weightsOf(weights: number[], drop: number): number[] {
  const w = WEIGHTS[weights.length - 1]!;
  let j = 0;
  for (let i = 0; i < weights.length; i++) if (i !== drop) w[j++] = weights[i]!;
  return w;
}

/** Weighted least-squares slope of the values on t = 1…n with the CI weights, and its χ². */
function ciStatistic(values: number[], weights: number[]): { slope: number; chiSquare: number } {
  const slope = weightedLinearRegression(pairsOf(values), weights).m;
  let s1 = 0;
  let s3 = 0;
  let s5 = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    s1 += w;
    s3 += w * (i + 1);
    s5 += w * (i + 1) * (i + 1);
  }
  const variance = s1 / (s1 * s5 - s3 * s3);
  return { slope, chiSquare: (slope * slope) / variance };
}

/** Cochran–Armitage χ² on counts, with the OLS slope of logit(r/n) on t for the direction. */
function proportionStatistic(points: TrendPoint[], logits: number[]): { slope: number; chiSquare: number } {
  let N = 0;
  let R = 0;
  let A = 0;
  let B = 0;
  let C = 0;
  points.forEach((p, i) => {
    const t = i + 1;
    const r = p.count as number;
    const n = p.denominator as number;
    N += n;
    R += r;
    A += r * t;
    B += n * t;
    C += n * t * t;
  });
  const chiSquare = (N * (N * A - R * B) ** 2) / (R * (N - R) * (N * C - B * B));
  return { slope: linearRegression(pairsOf(logits)).m, chiSquare };
}

/** logit(r/n) of each point. */
function logitsOf(points: TrendPoint[]): number[] {
  return points.map((p) => {
    const q = (p.count as number) / (p.denominator as number);
    return Math.log(q / (1 - q));
  });
}

/**
 * The slope without the point at `drop` (t keeps the others' times), from the five points' values
 * and weights (CI method) or logits (proportion method): the same inputs to simple-statistics as
 * the five-point fit's, less one.
 */
function slopeWithout(drop: number, ys: number[], weights: number[] | null): number {
  const xy = pairsOf(ys, drop);
  return weights ? weightedLinearRegression(xy, weightsOf(weights, drop)).m : linearRegression(xy).m;
}

/**
 * Fingertips' "Recent Trend" over the five most recent points.
 *
 * Method (fingertips-open `Analysis/TrendMarkers/TrendMarkerCalculator.cs`, TrendRequest.cs;
 * PHEindicatormethods PR #92 `assign_trend_markers`; methods.md §6):
 * - the periods must be single years (`yearRange` 1), at least five, with no duplicate period;
 *   the five most recent must all be valid: value, count and denominator (> 0), and for `ci` the
 *   95% CI too; a count equal to its denominator cannot be calculated. As in the classic code,
 *   count and denominator are required for the CI method too: real extracts confirm it (adult
 *   obesity 93088 has CIs but no counts, and Fingertips publishes "Cannot be calculated");
 * - t = 1…5 in time order (ordinal, as Fingertips: a missing year in between is not a gap in t);
 * - `ci`: weighted least squares with w = 1/σ², σ = (U95 − L95)/3.92, χ² = β²/Var(β);
 *   `proportion`: the Cochran–Armitage χ² on counts, direction from the OLS slope of logit(r/n);
 * - significant when χ² > qchisq(0.998, 1) = 9.5495, and robust when the slope of all five
 *   points and each leave-one-out slope share a sign (0 counts as positive); then Increasing or
 *   Decreasing, otherwise NoChange.
 * Units: `slope` is per period on the value's scale (`ci`) or on the logit scale (`proportion`).
 *
 * @example recentTrend(points, { method: 'ci', polarity: 'high-is-good' })
 * // { marker: 'Increasing', label: 'Increasing and getting better', chiSquare: 46.7653, slope: 1.7516 }
 */
export function recentTrend(
  points: TrendPoint[],
  a: { method: 'ci' | 'proportion'; polarity: Polarity; yearRange?: number },
): TrendResult {
  const { method, polarity } = a;
  if ((a.yearRange ?? 1) !== 1) return cannot('The recent trend cannot be calculated for this year range', polarity);
  if (points.length === 0) return cannot('No data points found', polarity);
  // The series give their points in time order: they are sorted (a copy) only when they are not.
  let inOrder = true;
  for (let i = 1; i < points.length && inOrder; i++) inOrder = points[i]!.period >= points[i - 1]!.period;
  const sorted = inOrder ? points : [...points].sort((x, y) => x.period - y.period);
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as TrendPoint).period === (sorted[i - 1] as TrendPoint).period) {
      return cannot('Duplicate periods in the series', polarity);
    }
  }
  if (sorted.length < POINTS) return cannot('Not enough data points to calculate recent trend', polarity);
  const recent = sorted.slice(-POINTS);
  const valid = (p: TrendPoint): boolean =>
    isNum(p.value) && isNum(p.count) && isNum(p.denominator) && p.denominator > 0 && p.count >= 0 &&
    (method === 'proportion' || (isNum(p.lower95) && isNum(p.upper95) && (p.upper95 as number) > (p.lower95 as number)));
  if (!recent.every(valid)) {
    return cannot('Not enough data points with valid values to calculate recent trend', polarity);
  }
  if (recent.some((p) => p.count === p.denominator || (method === 'proportion' && p.count === 0))) {
    return cannot('The recent trend cannot be calculated', polarity);
  }
  const weights = method === 'ci' ? ciWeights(recent) : null;
  const ys = weights ? recent.map((p) => p.value as number) : logitsOf(recent);
  const { slope, chiSquare } = weights ? ciStatistic(ys, weights) : proportionStatistic(recent, ys);
  const sign = (s: number): boolean => s >= 0;
  let robust = true;
  for (let drop = 0; drop < POINTS && robust; drop++) {
    if (sign(slopeWithout(drop, ys, weights)) !== sign(slope)) robust = false;
  }
  const marker: TrendMarker =
    chiSquare > TREND_CHI_SQUARE_THRESHOLD && robust ? (slope >= 0 ? 'Increasing' : 'Decreasing') : 'NoChange';
  return { marker, label: trendLabel(marker, polarity), chiSquare, slope };
}
