import type { IndicatorRow } from '../ingest/row.js';
import { ENGLAND_CODE } from '../normalise/area.js';
import { comparisonLabel, comparisonOutcome, type ComparisonMethod, type Polarity } from '../stats/index.js';

export interface MethodChoice {
  method: ComparisonMethod;
  confidence: 0.95 | 0.998;
}

export interface InferredMethod extends MethodChoice {
  /** Published England comparisons this method reproduces, of those checked. */
  reproduced: number;
  checked: number;
}

const INFORMATIVE = new Set(['Better', 'Similar', 'Worse', 'Higher', 'Lower']);

/**
 * The comparator method and confidence that reproduce an indicator's published "Compared to
 * England" column best. Fingertips does not write the method into its CSV (methods.md §10.6), so
 * each candidate — method 1 at 95% and at 99.8%, 17, 12, and SPC method 5 when the multiplier is
 * known — is tried on every row with an informative published label and an England value; the one
 * that reproduces most wins, ties going to the default (method 1 at 95%). Null when no row can tell
 * or the default does as well as any.
 *
 * @example inferComparisonMethod(rows, englandOf, 'low-is-good', 100) // { method: 17, confidence: 0.95, reproduced: 148, checked: 150 }
 */
export function inferComparisonMethod(
  rows: IndicatorRow[],
  englandOf: (r: IndicatorRow) => IndicatorRow | undefined,
  polarity: Polarity,
  multiplier: number | null,
): InferredMethod | null {
  return comparisonMethodIn(rowsOf(rows), englandOf, polarity, multiplier);
}

/** A set of rows as their count and a reader: an array's rows, or a table's read into a reused view. */
export interface Rows<R> {
  size: number;
  at: (k: number) => R;
}

/** An array as Rows. */
export const rowsOf = <R>(rows: R[]): Rows<R> => ({ size: rows.length, at: (k) => rows[k]! });

/** The fields of a row that the method's inference reads. */
export type Judged = Pick<IndicatorRow, 'areaCode' | 'comparedToEngland' | 'value' | 'lower95' | 'upper95' | 'lower998' | 'upper998' | 'denominator'>;

/** inferComparisonMethod over Rows; `englandOf(r, k)` is the England row of row `k` (read as `r`). */
export function comparisonMethodIn<R extends Judged>(
  rows: Rows<R>,
  englandOf: (r: R, k: number) => Pick<IndicatorRow, 'value' | 'lower95' | 'upper95'> | undefined,
  polarity: Polarity,
  multiplier: number | null,
): InferredMethod | null {
  const candidates: MethodChoice[] = [
    { method: 1, confidence: 0.95 }, { method: 1, confidence: 0.998 }, { method: 17, confidence: 0.95 }, { method: 12, confidence: 0.95 },
  ];
  if (multiplier !== null) candidates.push({ method: 5, confidence: 0.95 }, { method: 5, confidence: 0.998 });
  const scores = candidates.map(() => 0);
  let checked = 0;
  for (let k = 0; k < rows.size; k++) {
    const r = rows.at(k);
    if (r.areaCode === ENGLAND_CODE || r.comparedToEngland === null || !INFORMATIVE.has(r.comparedToEngland)) continue;
    const bench = englandOf(r, k);
    if (!bench || bench.value === null || r.value === null) continue;
    checked++;
    // The rows are the comparison's inputs: a national file has millions of rows, each tried four to six times.
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (comparisonLabel(comparisonOutcome(c.method, polarity, c.confidence, multiplier ?? undefined, r, bench)) === r.comparedToEngland) scores[i]!++;
    }
  }
  if (checked === 0) return null;
  let best = 0;
  scores.forEach((s, i) => { if (s > scores[best]!) best = i; });
  if (best === 0) return null;
  return { ...candidates[best]!, reproduced: scores[best]!, checked };
}

/**
 * The multiplier that turns count/denominator into the published value (100 for a percentage,
 * 1,000 or 100,000 for a crude rate), when every row with all three agrees on one power of ten
 * within 0.5%; null otherwise (a DSR or a modelled value gives none).
 *
 * @example inferMultiplier([{ value: 12.5, count: 25, denominator: 200 }]) // 100
 */
export function inferMultiplier(rows: Pick<IndicatorRow, 'value' | 'count' | 'denominator'>[]): number | null {
  return multiplierIn(rowsOf(rows));
}

/** inferMultiplier over Rows. */
export function multiplierIn(rows: Rows<Pick<IndicatorRow, 'value' | 'count' | 'denominator'>>): number | null {
  let found: number | null = null;
  for (let k = 0; k < rows.size; k++) {
    const r = rows.at(k);
    if (r.value === null || r.count === null || r.denominator === null || r.denominator <= 0 || r.count <= 0) continue;
    const ratio = r.value / (r.count / r.denominator);
    const power = 10 ** Math.round(Math.log10(ratio));
    if (Math.abs(ratio - power) > 0.005 * power) return null;
    if (found !== null && found !== power) return null;
    found = power;
  }
  return found;
}
