import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/compute/json-schemas.js';
import { ROOT } from './helpers/shared.js';

describe('JSON Schemas shipped in schema/', () => {
  it.each(Object.entries(jsonSchemas()))('%s matches the zod schema (regenerate with node scripts/build-schemas.mjs)', (name, schema) => {
    expect(JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8'))).toEqual(schema);
  });
});
