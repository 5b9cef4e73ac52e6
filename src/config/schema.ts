import { z } from 'zod';

const polarity = z.enum(['high-is-good', 'low-is-good', 'no-judgement', 'not-applicable']);
const comparison = z.strictObject({
  method: z.union([z.literal(1), z.literal(5), z.literal(6), z.literal(12), z.literal(17)]).describe("Fingertips' comparator method id"),
  confidence: z.union([z.literal(0.95), z.literal(0.998)]),
});

/** The marmot fields a local table's columns can map to. */
export const SOURCE_FIELDS = [
  'indicator_id', 'indicator_name', 'area_code', 'area_name', 'period', 'value', 'lower_ci_95', 'upper_ci_95',
  'lower_ci_99_8', 'upper_ci_99_8', 'count', 'denominator', 'sex', 'age', 'category_type', 'category', 'value_note',
] as const;

export const SourceSchema = z.strictObject({
  files: z.string().min(1).describe('Glob of the files this describes, relative to the config file (e.g. "data/jsna-*.csv")'),
  shape: z.enum(['long', 'wide']).describe('long: one row per indicator, area and period; wide: one column per period'),
  columns: z.partialRecord(z.enum(SOURCE_FIELDS), z.string().min(1)).describe("marmot field → the table's column name"),
  periods: z.array(z.string()).optional().describe('wide: the period columns; default: every column whose name is a period (2019, 2019/20, 2017 - 19, …)'),
  indicator: z.strictObject({ id: z.string().optional(), name: z.string().optional() }).optional().describe('The indicator of a table that holds one'),
  suppression: z.record(z.string(), z.string()).optional().describe('Tokens in value cells and their meaning, e.g. {"*": "fewer than 5", "[c]": "confidential"}'),
  unit: z.string().optional(),
  value_type: z.string().optional(),
  sex: z.string().optional().describe('The sex of every row when no column gives it (default Persons)'),
  age: z.string().optional().describe('The age of every row when no column gives it (default All ages)'),
});

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  areas: z.strictObject({
    codes: z.array(z.string().min(1)).optional().describe("The place's area codes (the default --area)"),
    peers: z.array(z.string().min(1)).optional().describe('Comparator areas, e.g. statistical neighbours'),
    lookup: z.string().optional().describe('CSV of areas and sub-areas: area_code, area_name, parent_code, deprivation_decile (relative to the config)'),
  }).optional(),
  sources: z.array(SourceSchema).optional(),
  indicators: z.array(z.strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    principle: z.string().min(1).describe("A principle id, number or wording (the place's own wording is matched through the aliases)"),
    polarity,
    value_type: z.string().optional(),
    unit: z.string().optional(),
    comparison: comparison.optional(),
  })).optional().describe("The place's own indicators"),
  overrides: z.array(z.strictObject({
    id: z.string().min(1).describe('A catalogue (Fingertips) indicator ID'),
    principle: z.string().optional(),
    polarity: polarity.optional(),
    hidden: z.boolean().optional(),
    comparison: comparison.optional(),
  })).optional().describe('Changes to the built-in catalogue'),
  reference: z.unknown().optional().describe('Ignored: marmot init puts the catalogue here for reference'),
});

export type Config = z.infer<typeof ConfigSchema>;
export type SourceSpec = z.infer<typeof SourceSchema>;
