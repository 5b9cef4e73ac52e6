import { z } from 'zod';
import { BaselineEnvelopeSchema } from './baseline-schema.js';

/** JSON Schemas (draft 2020-12) of marmot's JSON outputs, generated from their zod schemas. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'baseline.v1.json': { $id: 'marmot/baseline@1', ...z.toJSONSchema(BaselineEnvelopeSchema) },
  };
}
