import { z } from 'zod';
import { BaselineRowSchema, DiagnosticSchema } from './baseline-schema.js';
import { GapSchema } from './gaps-schema.js';

const num = z.number().nullable();

/** One data point kept in a snapshot, so that later refreshes can be checked for revisions and coverage. */
export const SeriesPointSchema = z.strictObject({
  indicator_id: z.union([z.number().int(), z.string()]),
  area_code: z.string(),
  sex: z.string(),
  age: z.string(),
  category_type: z.string().nullable(),
  category: z.string().nullable(),
  period: z.string(),
  period_sortable: z.number().int(),
  value: num,
  lower_ci_95: num,
  upper_ci_95: num,
  count: num,
  denominator: num,
});

export const SnapshotSchema = z.strictObject({
  schema: z.literal('marmot/snapshot@1'),
  marmot: z.strictObject({ version: z.string(), catalogue: z.string() }),
  stamp: z.string().nullable().describe('When the snapshot was made: only with --stamp, so that the same data give the same bytes'),
  options: z.strictObject({
    areas: z.array(z.string()),
    derive_ci: z.boolean(),
    seed: z.number().int(),
    repetitions: z.number().int(),
  }),
  provenance: z.strictObject({
    inputs: z.array(z.strictObject({
      file: z.string(),
      bytes: z.number().int(),
      sha256: z.string(),
      dialect: z.string(),
      columns: z.array(z.string()),
      rows_read: z.number().int(),
      rows_rejected: z.number().int(),
    })),
  }),
  latest_period: z.string(),
  baseline: z.array(BaselineRowSchema),
  gaps: z.array(GapSchema),
  series: z.array(SeriesPointSchema),
  diagnostics: z.array(DiagnosticSchema),
});

export type Snapshot = z.infer<typeof SnapshotSchema>;
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;
