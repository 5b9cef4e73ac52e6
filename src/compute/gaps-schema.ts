import { z } from 'zod';
import { DiagnosticSchema, InputSummarySchema } from './baseline-schema.js';

const num = z.number().nullable();

export const GAP_KINDS = ['deprivation', 'sex', 'ethnicity', 'age', 'england', 'parent', 'rank', 'within-area'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export const GroupValueSchema = z.strictObject({
  label: z.string(),
  area_code: z.string().nullable(),
  value: num,
  lower_ci_95: num,
  upper_ci_95: num,
  denominator: num,
});

export const GapSchema = z.strictObject({
  kind: z.enum(GAP_KINDS),
  principle: z.string(),
  indicator_id: z.union([z.number().int(), z.string()]),
  indicator_name: z.string(),
  polarity: z.enum(['high-is-good', 'low-is-good', 'no-judgement', 'not-applicable']),
  area_code: z.string(),
  area_name: z.string(),
  period: z.string(),
  sex: z.string(),
  age: z.string(),
  category_type: z.string().nullable(),
  measure: z.enum(['difference', 'sii', 'range', 'rank']).describe('The primary measure: what `value` holds'),
  value: num.describe('The primary measure for this gap'),
  group_a: GroupValueSchema.describe('The first group: most deprived, males, the ethnic group, the youngest band, the area, the highest sub-area'),
  group_b: GroupValueSchema.nullable().describe('The second group: least deprived, females, the whole population, the oldest band, the benchmark, the lowest sub-area'),
  difference: num.describe('group_a − group_b'),
  difference_lower_ci_95: num,
  difference_upper_ci_95: num,
  ratio: num.describe('group_a / group_b'),
  sii: z.strictObject({
    sii: z.number(), rii: z.number(), intercept: z.number(),
    sii_lower_ci_95: num, sii_upper_ci_95: num, rii_lower_ci_95: num, rii_upper_ci_95: num,
    quantiles: z.number().int(), repetitions: z.number().int(), seed: z.number().int(),
  }).nullable(),
  rank: z.strictObject({ rank: z.number().int(), of: z.number().int(), quintile: z.number().int(), quintile_label: z.string(), level: z.string() }).nullable(),
  comparison: z.strictObject({ computed: z.string(), published: z.string().nullable(), agrees: z.boolean().nullable() }).nullable(),
  significant: z.boolean().nullable().describe('Whether the gap is significant at 95%; null when it cannot be judged'),
  derived: z.boolean().describe('The significance was derived by marmot (difference of independent estimates), not published by Fingertips'),
  direction: z.string().describe('The gap in words, by polarity'),
  over_time: z.strictObject({
    earliest_period: z.string(), earliest_value: z.number(), latest_period: z.string(), latest_value: z.number(),
    change: z.number(), movement: z.enum(['widened', 'narrowed', 'unchanged', 'no significant change']),
  }).nullable(),
  reason: z.string().nullable().describe('Why a measure could not be computed'),
  sources: z.array(z.strictObject({ file: z.string(), line: z.number().int() })),
});

export const GapsEnvelopeSchema = z.strictObject({
  schema: z.literal('marmot/gaps@1'),
  marmot: z.strictObject({ version: z.string(), catalogue: z.string() }),
  options: z.strictObject({ areas: z.array(z.string()), by: z.array(z.enum(GAP_KINDS)), period: z.string(), principles: z.array(z.string()).nullable(), seed: z.number().int(), repetitions: z.number().int() }),
  inputs: z.array(InputSummarySchema),
  gaps: z.array(GapSchema),
  diagnostics: z.array(DiagnosticSchema),
});

export type Gap = z.infer<typeof GapSchema>;
export type GroupValue = z.infer<typeof GroupValueSchema>;
export type GapsEnvelope = z.infer<typeof GapsEnvelopeSchema>;
