import type { Catalogue, CatalogueIndicator } from './schema.js';

/**
 * An indicator name reduced for matching: a profile prefix such as "B17 - " or "1.01i - " removed,
 * lower case, punctuation and repeated spaces folded.
 *
 * @example normaliseIndicatorName('1.01i - Children in low income families (under 16s)') // 'children in low income families under 16s'
 */
export function normaliseIndicatorName(name: string): string {
  return name
    .replace(/^\s*[A-Za-z]?\d+(\.\d+)*[a-z]*(i{1,3}|iv|v|vi{0,3})?\s+-\s+/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that say how an indicator is measured rather than what it is about. */
const STOP = new Set(['rate', 'per', '000', '100', 'aged', 'age', 'years', 'year', 'population', 'average', 'the', 'and', 'for', 'with',
  'from', 'all', 'percentage', 'proportion', 'crude', 'standardised', 'directly', 'number', 'people', 'persons', 'adults', 'children']);
const words = (s: string): Set<string> => new Set(normaliseIndicatorName(s).split(' ').filter((w) => w.length > 2 && !STOP.has(w)));

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** Each catalogue's names normalised and split once, not once a lookup (a file of 150 unmapped indicators made 15,000). */
const PREPARED = new WeakMap<Catalogue, { i: CatalogueIndicator; normalised: string; words: Set<string> }[]>();
function prepared(catalogue: Catalogue) {
  let names = PREPARED.get(catalogue);
  if (!names) PREPARED.set(catalogue, (names = catalogue.indicators.map((i) => ({ i, normalised: normaliseIndicatorName(i.name), words: words(i.name) }))));
  return names;
}

export interface NameMatch {
  entry: CatalogueIndicator | null;
  /** The closest catalogue names, when there is no match. */
  suggestions: string[];
}

/**
 * Matches an indicator name against the catalogue: exact after normalisation, else none, with the
 * three closest catalogue names (by shared words) as suggestions.
 *
 * @example matchIndicatorName(cat, 'B17 - Fuel poverty (low income, low energy efficiency methodology)').entry?.id // 93759
 */
export function matchIndicatorName(catalogue: Catalogue, name: string): NameMatch {
  const names = prepared(catalogue);
  const wanted = normaliseIndicatorName(name);
  const entry = names.find((n) => n.normalised === wanted)?.i ?? null;
  if (entry) return { entry, suggestions: [] };
  const w = words(name);
  const suggestions = names
    .map(({ i, words: words2 }) => ({ i, s: similarity(w, words2) }))
    .filter((x) => x.s > 0.15)
    .sort((a, b) => b.s - a.s || a.i.id - b.i.id)
    .slice(0, 3)
    .map((x) => `${x.i.id} ${x.i.name}`);
  return { entry: null, suggestions };
}
