import { z } from 'zod';
import { DiagnosticSchema, InputSummarySchema } from './baseline-schema.js';

const TallySchema = z.strictObject({
  agrees: z.number().int(),
  differs: z.number().int(),
  inputs_missing: z.number().int(),
  not_published: z.number().int(),
});

export const DisagreementSchema = z.strictObject({
  judgement: z.enum(['england', 'parent', 'trend']),
  indicator_id: z.union([z.number().int(), z.string()]),
  area_code: z.string(),
  area_name: z.string(),
  sex: z.string(),
  age: z.string(),
  category_type: z.string().nullable(),
  category: z.string().nullable(),
  period: z.string(),
  computed: z.string(),
  published: z.string(),
  inputs: z.record(z.string(), z.unknown()).describe('What the judgement was computed from'),
  source: z.strictObject({ file: z.string(), line: z.number().int() }),
});

export const VerifyEnvelopeSchema = z.strictObject({
  schema: z.literal('marmot/verify@1'),
  marmot: z.strictObject({ version: z.string(), catalogue: z.string() }),
  inputs: z.array(InputSummarySchema),
  totals: z.strictObject({ england: TallySchema, parent: TallySchema, trend: TallySchema }),
  indicators: z.array(z.strictObject({
    indicator_id: z.union([z.number().int(), z.string()]),
    indicator_name: z.string(),
    polarity: z.string(),
    polarity_source: z.string(),
    comparison_method: z.number().int(),
    comparison_confidence: z.number(),
    comparison_source: z.string(),
    england: TallySchema,
    parent: TallySchema,
    trend: TallySchema,
  })),
  disagreements: z.array(DisagreementSchema),
  diagnostics: z.array(DiagnosticSchema),
});

export type VerifyEnvelope = z.infer<typeof VerifyEnvelopeSchema>;
export type Disagreement = z.infer<typeof DisagreementSchema>;
export type Tally = z.infer<typeof TallySchema>;
