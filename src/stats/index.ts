export type { Polarity } from './types.js';
export { POLARITIES } from './types.js';
export { qnorm, zFor } from './normal.js';
export { gammaP, qgamma, qchisq } from './gamma.js';
export { wilsonInterval } from './wilson.js';
export { byarsLimits } from './byars.js';
export { rateInterval } from './rate.js';
export { dsr, type DsrBand } from './dsr.js';
export { poissonLimit } from './poisson-limits.js';
export {
  compareWithBenchmark, comparisonOutcome, comparisonLabel, COMPARISON_METHODS,
  type ComparisonMethod, type ComparisonOutcome, type ComparisonLabel,
} from './compare.js';
export { recentTrend, trendLabel, TREND_CHI_SQUARE_THRESHOLD, type TrendMarker, type TrendPoint, type TrendResult } from './trend.js';
export { latestChange } from './latest-change.js';
export { sii, type SiiGroup, type SiiResult, type SiiLimits } from './sii.js';
export { fingertipsPercentile, quantileBounds, quantileCategory, quintileLabel } from './quantiles.js';
export { compareWithGoal, type Goal, type GoalOutcome, type GoalLabel } from './goal.js';
export { seededUniform, seededNormal } from './random.js';
