/* The shipped catalogue is valid: marmot reads it without validating it at every run. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueSchema } from '../../src/catalogue/schema.js';
import { loadCatalogue } from '../../src/io/load-catalogue.js';
import { ROOT } from '../helpers/shared.js';

describe('data/catalogue.json', () => {
  it('matches CatalogueSchema, and loadCatalogue gives exactly what the schema parses', () => {
    const parsed = CatalogueSchema.safeParse(JSON.parse(readFileSync(join(ROOT, 'data', 'catalogue.json'), 'utf8')));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    expect(loadCatalogue()).toEqual(parsed.data);
  });
});
