/**
 * Published judgement strings, spelled as the many Fingertips vintages spell them, read into
 * one vocabulary (../shared/docs/methods.md §3.8, fingertips-format.md §1.5.9–10).
 */

const COMPARISON: Record<string, string> = {
  better: 'Better', similar: 'Similar', same: 'Similar', worse: 'Worse', higher: 'Higher', lower: 'Lower',
  notcompared: 'Not compared', none: 'Not compared', best: 'Better', worst: 'Worse', highest: 'Higher', lowest: 'Lower',
  better95: 'Better', better998: 'Better', worse95: 'Worse', worse998: 'Worse',
};

/**
 * The published "Compared to …" label in Fingertips' CSV vocabulary, or the text as written
 * when it is another kind of judgement (quintiles); null when blank.
 *
 * @example normaliseComparison('NOT COMPARED') // 'Not compared'
 */
export function normaliseComparison(raw: string | null): string | null {
  if (raw === null) return null;
  const key = raw.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key === '') return null;
  return COMPARISON[key] ?? raw.trim();
}

/**
 * The published Recent Trend in Fingertips' wording ("&" spelled "and"); null when blank.
 *
 * @example normaliseTrend('Increasing & getting better') // 'Increasing and getting better'
 */
export function normaliseTrend(raw: string | null): string | null {
  if (raw === null) return null;
  const s = raw.replace(/&/g, 'and').replace(/\s+/g, ' ').trim();
  if (s === '') return null;
  if (/^could not be calculated$/i.test(s)) return 'Cannot be calculated';
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}
