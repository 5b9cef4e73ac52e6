import { z } from 'zod';

export const PRINCIPLE_IDS = [
  'best-start', 'capabilities', 'fair-employment', 'living-standard',
  'healthy-places', 'prevention', 'discrimination', 'sustainability',
] as const;
export type PrincipleId = (typeof PRINCIPLE_IDS)[number];
/** A principle, the overarching outcomes, or `unmapped` for indicators the catalogue does not know. */
export type GroupId = PrincipleId | 'overarching' | 'unmapped';

const polarity = z.enum(['high-is-good', 'low-is-good', 'no-judgement', 'not-applicable']);

export const CatalogueSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.string().min(1),
  description: z.string(),
  source: z.string(),
  principles: z.array(z.strictObject({
    id: z.enum(PRINCIPLE_IDS),
    number: z.number().int().min(1).max(8),
    title: z.string().min(1),
    aliases: z.array(z.string()),
  })).length(8),
  overarching: z.strictObject({ id: z.literal('overarching'), title: z.string() }),
  indicators: z.array(z.strictObject({
    id: z.number().int().positive(),
    name: z.string().min(1),
    principle: z.enum([...PRINCIPLE_IDS, 'overarching']),
    polarity,
    valueType: z.string(),
    unit: z.string(),
    source: z.string().min(1),
    comparison: z.strictObject({
      method: z.union([z.literal(1), z.literal(5), z.literal(6), z.literal(12), z.literal(17)]),
      confidence: z.union([z.literal(0.95), z.literal(0.998)]),
    }).optional(),
  })),
});

export type Catalogue = z.infer<typeof CatalogueSchema>;
export type CatalogueIndicator = Catalogue['indicators'][number];
