import { readFileSync } from 'node:fs';
import type { Catalogue } from '../catalogue/schema.js';

const SHIPPED = new URL('../../data/catalogue.json', import.meta.url);

/**
 * The catalogue shipped in `data/`. It is part of the program, not an input: the tests check it
 * against CatalogueSchema (test/catalogue/shipped.test.ts), so it is not validated again at every
 * run (loading zod alone is ~50 ms of start-up).
 */
export function loadCatalogue(): Catalogue {
  return JSON.parse(readFileSync(SHIPPED, 'utf8')) as Catalogue;
}
