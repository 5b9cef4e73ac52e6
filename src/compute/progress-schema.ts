import { z } from 'zod';

const num = z.number().nullable();

export const PROGRESS_DIRECTIONS = ['improved', 'worsened', 'no significant change', 'increased', 'decreased', 'cannot be judged', 'no new data'] as const;

export const ProgressRowSchema = z.strictObject({
  principle: z.string(),
  indicator_id: z.union([z.number().int(), z.string()]),
  indicator_name: z.string(),
  area_code: z.string(),
  area_name: z.string(),
  sex: z.string(),
  age: z.string(),
  polarity: z.string(),
  baseline_period: z.string().nullable(),
  baseline_value: num,
  current_period: z.string().nullable(),
  current_value: num,
  change: num.describe('current − baseline'),
  relative_change: num.describe('(current − baseline) / baseline'),
  direction: z.enum(PROGRESS_DIRECTIONS).describe("By Fingertips' overlapping-CIs method (12) and polarity"),
  derived: z.boolean().describe('A CI used was derived by marmot from count and denominator'),
  reason: z.string().nullable(),
});

export const GapProgressSchema = z.strictObject({
  principle: z.string(),
  kind: z.string(),
  measure: z.string(),
  indicator_id: z.union([z.number().int(), z.string()]),
  area_code: z.string(),
  sex: z.string(),
  age: z.string(),
  category_type: z.string().nullable(),
  group: z.string(),
  baseline_period: z.string(),
  baseline_value: z.number(),
  current_period: z.string(),
  current_value: z.number(),
  change: z.number(),
  movement: z.enum(['widened', 'narrowed', 'unchanged', 'no significant change']),
});

export const ProgressEnvelopeSchema = z.strictObject({
  schema: z.literal('marmot/progress@1'),
  marmot: z.strictObject({ version: z.string(), catalogue: z.string() }),
  since: z.strictObject({ file: z.string(), latest_period: z.string(), stamp: z.string().nullable() }),
  current: z.strictObject({ source: z.enum(['snapshot', 'files']), files: z.array(z.string()), latest_period: z.string() }),
  summary: z.array(z.strictObject({ principle: z.string(), counts: z.record(z.string(), z.number().int()), text: z.string() })),
  indicators: z.array(ProgressRowSchema),
  gaps: z.array(GapProgressSchema),
});

export type ProgressRow = z.infer<typeof ProgressRowSchema>;
export type GapProgress = z.infer<typeof GapProgressSchema>;
export type ProgressEnvelope = z.infer<typeof ProgressEnvelopeSchema>;
