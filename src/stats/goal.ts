import type { Polarity } from './types.js';

export type GoalOutcome = 'Better' | 'Same' | 'Worse' | 'None';
export type GoalLabel = 'Green' | 'Amber' | 'Red' | 'Not compared';

/** A goal (target) as Fingertips defines them (fingertips-open TargetComparerFactory.cs). */
export type Goal =
  | { kind: 'single'; limit: number; useCIs?: boolean }
  | { kind: 'range'; lower: number; upper: number }
  | { kind: 'percentile-range'; lowerValue: number; upperValue: number };

const GOAL_LABELS: Record<GoalOutcome, GoalLabel> = { Better: 'Green', Same: 'Amber', Worse: 'Red', None: 'Not compared' };

/**
 * Fingertips' comparison with a goal, written Green/Amber/Red in "Compared to goal".
 * - single value (SingleValueTargetComparer): low-is-good is Better when V ≤ L, other polarities
 *   when V ≥ L; with `useCIs`, L95 ≥ L or U95 < L decide and anything else is Same;
 * - range [lower, upper] (RangeTargetComparer): low-is-good V < lower Better, V ≥ upper Worse;
 *   otherwise mirrored;
 * - percentile range (BespokeTargetPercentileRangeComparer): the percentile values, computed
 *   with `fingertipsPercentile`, compared as a range; only RAG polarities.
 * Not-applicable polarity or a missing value gives None.
 *
 * @example compareWithGoal({ goal: { kind: 'single', limit: 10 }, polarity: 'low-is-good', value: 9 })
 * // { outcome: 'Better', label: 'Green' }
 */
export function compareWithGoal(a: {
  goal: Goal;
  polarity: Polarity;
  value: number | null;
  lower95?: number | null;
  upper95?: number | null;
}): { outcome: GoalOutcome; label: GoalLabel } {
  const outcome = goalOutcome(a);
  return { outcome, label: GOAL_LABELS[outcome] };
}

function goalOutcome(a: { goal: Goal; polarity: Polarity; value: number | null; lower95?: number | null; upper95?: number | null }): GoalOutcome {
  const { goal, polarity, value: v } = a;
  if (polarity === 'not-applicable' || v === null || !Number.isFinite(v)) return 'None';
  const lowIsGood = polarity === 'low-is-good';
  if (goal.kind === 'single') {
    if (!goal.useCIs) return (lowIsGood ? v <= goal.limit : v >= goal.limit) ? 'Better' : 'Worse';
    const { lower95: l, upper95: u } = a;
    if (l == null || u == null) return 'None';
    if (l >= goal.limit) return lowIsGood ? 'Worse' : 'Better';
    if (u < goal.limit) return lowIsGood ? 'Better' : 'Worse';
    return 'Same';
  }
  const [lo, up] = goal.kind === 'range' ? [goal.lower, goal.upper] : [goal.lowerValue, goal.upperValue];
  if (lo > up) throw new RangeError(`compareWithGoal: lower (${lo}) must not exceed upper (${up})`);
  if (goal.kind === 'percentile-range' && polarity === 'no-judgement') return 'None';
  if (v < lo) return lowIsGood ? 'Better' : 'Worse';
  if (v >= up) return lowIsGood ? 'Worse' : 'Better';
  return 'Same';
}
