import { z } from 'zod';
import { CatalogueSchema } from '../catalogue/schema.js';
import { ConfigSchema } from '../config/schema.js';
import { BaselineEnvelopeSchema } from './baseline-schema.js';
import { VerifyEnvelopeSchema } from './verify-schema.js';
import { GapsEnvelopeSchema } from './gaps-schema.js';
import { SnapshotSchema } from './snapshot-schema.js';
import { ProgressEnvelopeSchema } from './progress-schema.js';
import { CheckEnvelopeSchema } from './check-schema.js';

/** JSON Schemas (draft 2020-12) of marmot's JSON outputs, generated from their zod schemas. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'baseline.v1.json': { $id: 'marmot/baseline@1', ...z.toJSONSchema(BaselineEnvelopeSchema) },
    'verify.v1.json': { $id: 'marmot/verify@1', ...z.toJSONSchema(VerifyEnvelopeSchema) },
    'gaps.v1.json': { $id: 'marmot/gaps@1', ...z.toJSONSchema(GapsEnvelopeSchema) },
    'snapshot.v1.json': { $id: 'marmot/snapshot@1', ...z.toJSONSchema(SnapshotSchema) },
    'progress.v1.json': { $id: 'marmot/progress@1', ...z.toJSONSchema(ProgressEnvelopeSchema) },
    'check.v1.json': { $id: 'marmot/check@1', ...z.toJSONSchema(CheckEnvelopeSchema) },
    'config.v1.json': { $id: 'marmot/config@1', ...z.toJSONSchema(ConfigSchema) },
    'catalogue.v1.json': { $id: 'marmot/catalogue@1', ...z.toJSONSchema(CatalogueSchema) },
  };
}
