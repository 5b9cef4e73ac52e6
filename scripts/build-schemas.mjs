#!/usr/bin/env node
// Writes schema/*.json from the zod schemas (run after `npm run build`). test/schema.test.ts
// fails when the committed files drift from the code.
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../dist/compute/json-schemas.js';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(`schema/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
  console.error(`schema/${name}`);
}
