import { poissonLimit } from './poisson-limits.js';
import type { Polarity } from './types.js';

/** Fingertips' comparator method ids (fingertips-open `ComparatorMethodIds`). */
export type ComparisonMethod = 1 | 5 | 6 | 12 | 17;
export const COMPARISON_METHODS: readonly ComparisonMethod[] = [1, 5, 6, 12, 17];

export type ComparisonOutcome =
  | 'Better' | 'Best' | 'Similar' | 'Worse' | 'Worst'
  | 'Higher' | 'Highest' | 'Lower' | 'Lowest' | 'NotCompared';

/** The label Fingertips writes in its CSV for each outcome. */
export type ComparisonLabel = 'Better' | 'Similar' | 'Worse' | 'Higher' | 'Lower' | 'Not compared';

/** Direction before polarity: Fingertips' raw Significance (Better = higher, Worse = lower). */
type Raw = 'higher' | 'highest' | 'same' | 'lower' | 'lowest' | 'none';

export interface AreaForComparison {
  value: number | null;
  lower95?: number | null;
  upper95?: number | null;
  lower998?: number | null;
  upper998?: number | null;
  denominator?: number | null;
  denominator2?: number | null;
}

export interface BenchmarkForComparison {
  value: number | null;
  lower95?: number | null;
  upper95?: number | null;
}

const LABELS: Record<ComparisonOutcome, ComparisonLabel> = {
  Better: 'Better', Best: 'Better', Similar: 'Similar', Worse: 'Worse', Worst: 'Worse',
  Higher: 'Higher', Highest: 'Higher', Lower: 'Lower', Lowest: 'Lower', NotCompared: 'Not compared',
};

const isNum = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

function singleCi(v: number, b: number, lower: number | null | undefined, upper: number | null | undefined): Raw {
  if (!isNum(lower) || !isNum(upper)) return 'none';
  if (lower <= b && b <= upper) return 'same';
  return v < b ? 'lower' : 'higher';
}

function twoLevels(v: number, b: number, area: AreaForComparison): Raw {
  const { lower95: l95, upper95: u95, lower998: l998, upper998: u998 } = area;
  if (!isNum(l95) || !isNum(u95) || !isNum(l998) || !isNum(u998)) return 'none';
  if (l95 <= b && b <= u95) return 'same';
  if (l998 <= b && b <= l95) return 'higher';
  if (u95 <= b && b <= u998) return 'lower';
  return v < b ? 'lowest' : 'highest';
}

function doubleCi(v: number, b: number, area: AreaForComparison, bench: BenchmarkForComparison): Raw {
  const { lower95: al, upper95: au } = area;
  const { lower95: bl, upper95: bu } = bench;
  if (!isNum(al) || !isNum(au) || !isNum(bl) || !isNum(bu)) return 'none';
  const overlap = b < v ? al <= bu : bl <= au;
  if (overlap) return 'same';
  return v < b ? 'lower' : 'higher';
}

function fromControlLimits(v: number, lower: number, upper: number): Raw {
  if (upper < v) return 'higher';
  if (lower > v) return 'lower';
  return 'same';
}

function spcProportion(v: number, b: number, area: AreaForComparison, unit: number, confidence: number): Raw {
  const n = area.denominator;
  if (!isNum(n) || n <= 0) return 'none';
  // Fingertips' ConfidenceVariable constants (SpcForProportionsComparerTest): 1.96 and 3.0902.
  const c = confidence === 0.998 ? 3.0902 : 1.96;
  const p1 = v / unit;
  const expected = (n * b) / unit;
  const a = 2 * expected + c * c;
  const spread = c * Math.sqrt(c * c + 4 * expected * (1 - expected / n));
  const scale = 2 * (n + c * c);
  return fromControlLimits(p1, (a - spread) / scale, (a + spread) / scale);
}

function spcDsr(v: number, b: number, area: AreaForComparison, unit: number, confidence: number): Raw {
  const d2 = area.denominator2;
  if (!isNum(d2) || d2 <= 0) return 'none';
  const tail = confidence === 0.998 ? 0.001 : 0.025;
  const expected = (b * d2) / unit;
  const lower = (poissonLimit(expected, tail, 'low') / d2) * unit;
  const upper = (poissonLimit(expected, tail, 'high') / d2) * unit;
  return fromControlLimits(v, lower, upper);
}

const UNJUDGED = { higher: 'Higher', highest: 'Highest', lower: 'Lower', lowest: 'Lowest' } as const;

function applyPolarity(raw: Raw, polarity: Polarity): ComparisonOutcome {
  if (raw === 'none' || polarity === 'not-applicable') return 'NotCompared';
  if (raw === 'same') return 'Similar';
  if (polarity === 'no-judgement') {
    return UNJUDGED[raw];
  }
  const good = polarity === 'high-is-good';
  switch (raw) {
    case 'higher': return good ? 'Better' : 'Worse';
    case 'highest': return good ? 'Best' : 'Worst';
    case 'lower': return good ? 'Worse' : 'Better';
    case 'lowest': return good ? 'Worst' : 'Best';
  }
}

/**
 * Fingertips' comparison of an area with a benchmark ("Compared to England value or
 * percentiles"), by comparator method:
 * - 1: the benchmark value inside the area's CI (inclusive) is Similar, otherwise higher/lower by
 *   value (fingertips-open SingleOverlappingCIsForOneCILevelComparer). The 95% limits are read;
 *   with `confidence: 0.998` the 99.8% limits are (as FingertipsNext's CIOverlappingReferenceValue998).
 * - 17: the same at 95% and 99.8%; outside the 99.8% CI gives Best/Worst (Highest/Lowest).
 * - 12: the two 95% CIs overlap (DoubleOverlappingCIsComparer).
 * - 5: SPC control limits for a proportion around the benchmark, from the area's denominator
 *   and `unit` (100 for %), with Fingertips' constants 1.96 / 3.0902 (SpcForProportionsComparer).
 * - 6: SPC Poisson limits for a DSR from `denominator2` (SpcForDsrComparer).
 * Polarity then names the direction: high-is-good and low-is-good give Better/Worse,
 * no-judgement Higher/Lower, not-applicable is never compared. A missing value, benchmark or
 * needed CI gives NotCompared. `label` is the text of Fingertips' CSV; Best/Worst are written
 * Better/Worse (the 2020 exporter wrote "Not compared" for them, which is a bug we do not copy).
 *
 * @example compareWithBenchmark({ method: 1, polarity: 'high-is-good',
 *   area: { value: 3.3, lower95: 3.2, upper95: 3.5 }, benchmark: { value: 3.0 } })
 * // { outcome: 'Better', label: 'Better' }
 */
export function compareWithBenchmark(a: {
  method: ComparisonMethod;
  polarity: Polarity;
  area: AreaForComparison;
  benchmark: BenchmarkForComparison;
  unit?: number;
  confidence?: 0.95 | 0.998;
}): { outcome: ComparisonOutcome; label: ComparisonLabel } {
  const outcome = comparisonOutcome(a.method, a.polarity, a.confidence ?? 0.95, a.unit, a.area, a.benchmark);
  return { outcome, label: LABELS[outcome] };
}

/**
 * `compareWithBenchmark`'s outcome from positional arguments, for callers that compare every row of
 * a national file: the area and benchmark can be the rows themselves, and nothing is allocated.
 * `unit` undefined is the method's default (100 for method 5, 100,000 for method 6).
 *
 * @example comparisonOutcome(1, 'high-is-good', 0.95, undefined, { value: 3.3, lower95: 3.2, upper95: 3.5 }, { value: 3.0 }) // 'Better'
 */
export function comparisonOutcome(
  method: ComparisonMethod,
  polarity: Polarity,
  confidence: 0.95 | 0.998,
  unit: number | undefined,
  area: AreaForComparison,
  benchmark: BenchmarkForComparison,
): ComparisonOutcome {
  const v = area.value;
  const b = benchmark.value;
  let raw: Raw = 'none';
  if (isNum(v) && isNum(b) && polarity !== 'not-applicable') {
    switch (method) {
      case 1:
        raw = confidence === 0.998
          ? singleCi(v, b, area.lower998, area.upper998)
          : singleCi(v, b, area.lower95, area.upper95);
        break;
      case 17: raw = twoLevels(v, b, area); break;
      case 12: raw = doubleCi(v, b, area, benchmark); break;
      case 5: raw = spcProportion(v, b, area, unit ?? 100, confidence); break;
      case 6: raw = spcDsr(v, b, area, unit ?? 100000, confidence); break;
    }
  }
  return applyPolarity(raw, polarity);
}

/**
 * The label Fingertips' CSV writes for an outcome (Best/Worst as Better/Worse).
 *
 * @example comparisonLabel('Best') // 'Better'
 */
export const comparisonLabel = (outcome: ComparisonOutcome): ComparisonLabel => LABELS[outcome];
