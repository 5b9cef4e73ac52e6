import { qnorm } from './normal.js';
import { seededNormal } from './random.js';

export interface SiiGroup {
  /** 1 = most deprived … N = least deprived. */
  quantile: number;
  population: number;
  value: number;
  lower95?: number;
  upper95?: number;
  se?: number;
}

export interface SiiLimits {
  confidence: number;
  siiLower: number;
  siiUpper: number;
  riiLower: number;
  riiUpper: number;
}

export interface SiiResult {
  sii: number;
  rii: number;
  intercept: number;
  limits: SiiLimits[];
}

type ValueType = 'normal' | 'rate' | 'proportion';

const logit = (p: number): number => Math.log(p / (1 - p));
const expit = (x: number): number => 1 / (1 + Math.exp(-x));

/** R's round(): half to even, as used for the order-statistic positions. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The (XᵀX)⁻¹Xᵀ rows for the design [√a, b√a]: fitted β = W·(√a·y). */
function projection(sqrtA: number[], rank: number[]): [number[], number[]] {
  let s00 = 0;
  let s01 = 0;
  let s11 = 0;
  sqrtA.forEach((r, j) => {
    const x1 = (rank[j] as number) * r;
    s00 += r * r;
    s01 += r * x1;
    s11 += x1 * x1;
  });
  const det = s00 * s11 - s01 * s01;
  const w0 = sqrtA.map((r, j) => (s11 * r - s01 * (rank[j] as number) * r) / det);
  const w1 = sqrtA.map((r, j) => (-s01 * r + s00 * (rank[j] as number) * r) / det);
  return [w0, w1];
}

function fit(w: [number[], number[]], sqrtA: number[], y: number[]): [number, number] {
  let b0 = 0;
  let b1 = 0;
  y.forEach((v, j) => {
    const t = (sqrtA[j] as number) * v;
    b0 += (w[0][j] as number) * t;
    b1 += (w[1][j] as number) * t;
  });
  return [b0, b1];
}

/**
 * Slope index of inequality (SII) and relative index of inequality (RII) across deprivation
 * quantiles, with simulated confidence limits.
 *
 * Method: Low & Low, J Public Health 2004;26:388-395, as PHEindicatormethods `phe_sii`
 * (R/SII_function.R; methods.md §8). Each quantile's relative rank is the midpoint of its
 * cumulative population share a_j; √a·y = β0√a + β1·b√a is fitted by least squares.
 * SII = β1·multiplier, RII = (β0 + β1)/β0, intercept β0. With `transform` the values are first
 * logged (rate) or logit-ed (proportion) and back-transformed. Standard errors come from `se` or
 * from the 95% limits ((U − L)/(2·1.959964), on the log/logit scale for rates and proportions).
 * Limits: `repetitions` draws y* ~ N(y, se) from a generator seeded by `seed` (default 1),
 * refitted; order statistics at round(R(1 − cv)) and round(R·cv). A negative multiplier inverts
 * the RII and swaps limits. Units: SII in the value's units times `multiplier`; RII a ratio.
 *
 * @example sii(deciles, { repetitions: 10000 }).sii // 6.9346 for the PHEindicatormethods test data
 */
export function sii(
  groups: SiiGroup[],
  a: {
    valueType?: ValueType;
    transform?: boolean;
    multiplier?: number;
    confidence?: number[];
    repetitions?: number;
    seed?: number;
  } = {},
): SiiResult {
  const valueType = a.valueType ?? 'normal';
  const transform = a.transform ?? false;
  const m = a.multiplier ?? 1;
  const confidences = a.confidence ?? [0.95];
  const reps = a.repetitions ?? 100000;
  if (groups.length < 2) throw new RangeError('sii: needs at least two quantiles');
  if (transform && valueType === 'normal') throw new RangeError('sii: transform applies to rates and proportions only');
  if (reps < 1000) throw new RangeError('sii: repetitions must be at least 1000');
  const sorted = [...groups].sort((x, y) => x.quantile - y.quantile);
  for (const g of sorted) {
    if (!(g.population > 0)) throw new RangeError(`sii: quantile ${g.quantile} needs a population > 0`);
    if (valueType === 'proportion' && !(g.value >= 0 && g.value <= 1)) {
      throw new RangeError(`sii: proportions must lie in [0, 1], got ${g.value}`);
    }
  }
  const total = sorted.reduce((s, g) => s + g.population, 0);
  const share = sorted.map((g) => g.population / total);
  let cumulative = 0;
  const rank = share.map((s) => {
    const r = cumulative + s / 2;
    cumulative += s;
    return r;
  });
  const sqrtA = share.map(Math.sqrt);
  const w = projection(sqrtA, rank);
  const toScale = valueType === 'rate' ? Math.log : valueType === 'proportion' ? logit : (x: number) => x;
  const fromScale = valueType === 'rate' ? Math.exp : valueType === 'proportion' ? expit : (x: number) => x;
  const y = sorted.map((g) => (transform ? toScale(g.value) : g.value));
  const [b0, b1] = fit(w, sqrtA, y);

  let siiValue: number;
  let riiValue: number;
  let intercept: number;
  if (transform) {
    siiValue = (fromScale(b0 + b1) - fromScale(b0)) * m;
    riiValue = fromScale(b0 + b1) / fromScale(b0);
    intercept = fromScale(b0) * Math.abs(m);
  } else {
    siiValue = b1 * m;
    riiValue = (b0 + b1) / b0;
    intercept = b0;
  }
  if (m < 0) riiValue = 1 / riiValue;

  const z975 = qnorm(0.975);
  const se = sorted.map((g) => {
    if (g.se !== undefined) return g.se;
    if (g.lower95 === undefined || g.upper95 === undefined) {
      throw new RangeError(`sii: quantile ${g.quantile} needs se or both 95% limits`);
    }
    return (toScale(g.upper95) - toScale(g.lower95)) / (2 * z975);
  });
  const centre = sorted.map((g) => toScale(g.value));
  const draw = seededNormal(a.seed ?? 1);
  const siiDraws = new Float64Array(reps);
  const riiDraws = new Float64Array(reps);
  const yStar = new Array<number>(sorted.length);
  for (let r = 0; r < reps; r++) {
    for (let j = 0; j < sorted.length; j++) {
      const v = (centre[j] as number) + (se[j] as number) * draw();
      yStar[j] = transform ? v : fromScale(v);
    }
    const [s0, s1] = fit(w, sqrtA, yStar);
    siiDraws[r] = transform ? s1 : s1 * m;
    const rr = (s0 + s1) / s0;
    riiDraws[r] = m < 0 ? 1 / rr : rr;
  }
  siiDraws.sort();
  riiDraws.sort();
  const limits = confidences.map((c): SiiLimits => {
    const cv = c + (1 - c) / 2;
    const lo = Math.max(1, roundHalfEven(reps * (1 - cv))) - 1;
    const hi = Math.min(reps, roundHalfEven(reps * cv)) - 1;
    if (!transform) {
      const out = { siiLower: siiDraws[lo] as number, siiUpper: siiDraws[hi] as number,
        riiLower: riiDraws[lo] as number, riiUpper: riiDraws[hi] as number };
      return { confidence: c, ...out };
    }
    const h = b0 + b1 / 2;
    const sL = siiDraws[lo] as number;
    const sU = siiDraws[hi] as number;
    const siiAt = (s: number): number => (fromScale(h + s / 2) - fromScale(h - s / 2)) * m;
    const riiAt = (s: number): number => fromScale(h + s / 2) / fromScale(h - s / 2);
    let out = { siiLower: siiAt(sL), siiUpper: siiAt(sU), riiLower: riiAt(sL), riiUpper: riiAt(sU) };
    if (m < 0) {
      out = { siiLower: out.siiUpper, siiUpper: out.siiLower, riiLower: 1 / out.riiLower, riiUpper: 1 / out.riiUpper };
      if (out.riiLower > out.riiUpper) out = { ...out, riiLower: out.riiUpper, riiUpper: out.riiLower };
    }
    return { confidence: c, ...out };
  });
  return { sii: siiValue, rii: riiValue, intercept, limits };
}
