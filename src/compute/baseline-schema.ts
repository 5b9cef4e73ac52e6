import { z } from 'zod';

/** Fingertips' CSV labels for a comparison. */
export const ComparisonLabelSchema = z.enum(['Better', 'Similar', 'Worse', 'Higher', 'Lower', 'Not compared']);

const num = z.number().nullable();

export const BenchmarkSchema = z.strictObject({
  area_code: z.string().nullable().describe('The benchmark area; null when the extract does not name one (e.g. no parent).'),
  area_name: z.string().nullable(),
  value: num,
  lower_ci_95: num,
  upper_ci_95: num,
  computed: ComparisonLabelSchema.describe("marmot's comparison by Fingertips' method"),
  computed_outcome: z.string().describe('The finer outcome: Best/Worst and Highest/Lowest for two-level comparisons; NotCompared'),
  published: z.string().nullable().describe('The judgement Fingertips published in the file; null when blank'),
  agrees: z.boolean().nullable().describe('computed = published; null when nothing was published or the extract lacks the inputs'),
  status: z.enum(['agrees', 'differs', 'inputs-missing', 'not-published']).describe('inputs-missing: Fingertips published a judgement that needs data this extract does not hold (e.g. the benchmark row)'),
  derived: z.boolean().describe('The comparison used CIs marmot derived from count and denominator (--derive-ci): Fingertips would not publish it'),
});

export const TrendSchema = z.strictObject({
  computed: z.string().describe("Fingertips' Recent Trend wording, recomputed"),
  published: z.string().nullable(),
  agrees: z.boolean().nullable(),
  status: z.enum(['agrees', 'differs', 'inputs-missing', 'not-published']),
  derived: z.boolean().describe('The trend used CIs marmot derived (--derive-ci)'),
  method: z.enum(['ci', 'proportion']),
  points: z.number().int().describe('Periods in the series up to the baseline period'),
  chi_square: num,
  slope: num,
  reason: z.string().nullable().describe('Why the trend cannot be calculated, when it cannot'),
});

export const BaselineRowSchema = z.strictObject({
  principle: z.string().describe('A principle id, "overarching" or "unmapped"'),
  indicator_id: z.union([z.number().int(), z.string()]).describe('Fingertips indicator ID (a number), or a local id'),
  indicator_name: z.string(),
  mapped: z.boolean().describe('Whether the catalogue knows the indicator'),
  area_code: z.string(),
  area_name: z.string(),
  area_type: z.string().nullable(),
  period: z.string(),
  period_sortable: z.number().int(),
  sex: z.string(),
  age: z.string(),
  value: num,
  lower_ci_95: num,
  upper_ci_95: num,
  lower_ci_99_8: num,
  upper_ci_99_8: num,
  count: num,
  denominator: num,
  value_note: z.string().nullable(),
  missing_reason: z.string().nullable().describe('Why the value is missing (value note or token); null when present'),
  polarity: z.enum(['high-is-good', 'low-is-good', 'no-judgement', 'not-applicable']),
  polarity_source: z.enum(['config', 'metadata', 'published', 'catalogue', 'default']).describe('config override or local indicator; Fingertips metadata (--metadata); inferred from the published comparisons; catalogue; or "no judgement" by default'),
  value_type: z.string().nullable(),
  unit: z.string().nullable(),
  comparison_method: z.union([z.literal(1), z.literal(5), z.literal(6), z.literal(12), z.literal(17)]),
  comparison_confidence: z.union([z.literal(0.95), z.literal(0.998)]),
  comparison_source: z.enum(['config', 'metadata', 'catalogue', 'inferred', 'default']),
  matched_by: z.enum(['id', 'name', 'config']).nullable().default(null).describe('How the indicator was matched: Fingertips ID, normalised name, or a config indicator; null when unmapped'),
  derived_ci: z.boolean().describe('The CIs were computed by marmot from count and denominator (--derive-ci)'),
  england: BenchmarkSchema,
  parent: BenchmarkSchema,
  trend: TrendSchema,
  source: z.strictObject({ file: z.string(), line: z.number().int() }),
});

export const DiagnosticSchema = z.strictObject({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  file: z.string(),
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});

export const InputSummarySchema = z.strictObject({
  file: z.string(),
  dialect: z.string(),
  gzip: z.boolean(),
  columns: z.array(z.string()),
  parent_comparison_column: z.string().nullable(),
  rows_read: z.number().int(),
  rows_used: z.number().int(),
  rows_rejected: z.number().int(),
  rows_outside_selection: z.number().int(),
  rows_duplicate: z.number().int(),
  rejected_by_reason: z.record(z.string(), z.number().int()),
});

export const BaselineEnvelopeSchema = z.strictObject({
  schema: z.literal('marmot/baseline@1'),
  marmot: z.strictObject({ version: z.string(), catalogue: z.string() }),
  options: z.strictObject({
    areas: z.array(z.string()),
    period: z.string(),
    principles: z.array(z.string()).nullable(),
    derive_ci: z.boolean(),
    red_red: z.boolean().describe('Only rows significantly worse than England and getting worse (--red-red)'),
  }),
  inputs: z.array(InputSummarySchema),
  rows: z.array(BaselineRowSchema),
  diagnostics: z.array(DiagnosticSchema),
});

export type BaselineRow = z.infer<typeof BaselineRowSchema>;
export type Benchmark = z.infer<typeof BaselineRowSchema>['england'];
export type BaselineEnvelope = z.infer<typeof BaselineEnvelopeSchema>;
