import { readFileSync } from 'node:fs';
import { CatalogueSchema, type Catalogue } from '../catalogue/schema.js';
import { MarmotError } from '../errors.js';

const SHIPPED = new URL('../../data/catalogue.json', import.meta.url);

/** Reads and validates the catalogue shipped in `data/` (or another file of the same schema). */
export function loadCatalogue(path: string | URL = SHIPPED): Catalogue {
  const parsed = CatalogueSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MarmotError(`${String(path)}: catalogue: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
