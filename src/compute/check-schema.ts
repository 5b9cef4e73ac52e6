import { z } from 'zod';
import { InputSummarySchema } from './baseline-schema.js';

export const FindingSchema = z.strictObject({
  code: z.string().describe('Stable code, e.g. row/value-outside-ci'),
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});

export const CheckEnvelopeSchema = z.strictObject({
  schema: z.literal('marmot/check@1'),
  marmot: z.strictObject({ version: z.string(), catalogue: z.string() }),
  against: z.string().nullable(),
  expect: z.string().nullable(),
  strict: z.boolean(),
  inputs: z.array(InputSummarySchema),
  counts: z.strictObject({ error: z.number().int(), warning: z.number().int() }),
  findings: z.array(FindingSchema),
  omitted: z.record(z.string(), z.number().int()).optional()
    .describe('Findings counted but not listed, per code, beyond --max-findings of each code (absent when none)'),
});

export type Finding = z.infer<typeof FindingSchema>;
export type CheckEnvelope = z.infer<typeof CheckEnvelopeSchema>;
