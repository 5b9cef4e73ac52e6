import type { Catalogue, CatalogueIndicator, GroupId } from './schema.js';

/** Display order of the groups: overarching outcomes, the eight principles, unmapped last. */
export const GROUP_ORDER: Record<GroupId, number> = {
  overarching: 0, 'best-start': 1, capabilities: 2, 'fair-employment': 3, 'living-standard': 4,
  'healthy-places': 5, prevention: 6, discrimination: 7, sustainability: 8, unmapped: 9,
};

/** An indicator ID as output: a number for Fingertips' numeric IDs, the text otherwise. */
export const outputId = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);

/** A group's heading: "1. Give every child … (best-start)". */
export const groupHeading = (g: Group): string => (g.order >= 1 && g.order <= 8 ? `${g.order}. ${g.title} (${g.id})` : `${g.title} (${g.id})`);

export interface Group {
  id: GroupId;
  /** 1–8 for the principles; 0 for the overarching outcomes; 9 for unmapped. */
  order: number;
  title: string;
}

/** The groups a baseline is shown in: the overarching outcomes, the eight principles, unmapped last. */
export function groupsOf(catalogue: Catalogue): Group[] {
  return [
    { id: 'overarching', order: 0, title: catalogue.overarching.title },
    ...catalogue.principles.map((p) => ({ id: p.id, order: p.number, title: p.title })),
    { id: 'unmapped', order: 9, title: 'Not in the Marmot catalogue' },
  ];
}

/** Finds a catalogue indicator by its Fingertips ID (given as text, as read from a file). */
export function indicatorById(catalogue: Catalogue): (id: string) => CatalogueIndicator | undefined {
  const byId = new Map(catalogue.indicators.map((i) => [String(i.id), i]));
  return (id) => byId.get(id.trim());
}

const fold = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Resolves a principle given by id, number or any wording (the current title or an alias seen
 * in Luton, ELFT or IHE documents); null when none matches.
 *
 * @example resolvePrinciple(cat, 'Tackle climate change') // 'sustainability'
 */
export function resolvePrinciple(catalogue: Catalogue, text: string): GroupId | null {
  const t = fold(text);
  if (t === 'overarching') return 'overarching';
  if (t === 'unmapped') return 'unmapped';
  for (const p of catalogue.principles) {
    if (t === p.id.replace(/-/g, ' ') || t === String(p.number) || t === fold(p.title) || p.aliases.some((a) => fold(a) === t)) return p.id;
  }
  return null;
}
