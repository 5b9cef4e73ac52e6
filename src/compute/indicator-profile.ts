import type { CatalogueIndicator, GroupId } from '../catalogue/schema.js';
import type { IndicatorRow } from '../ingest/row.js';
import type { ComparisonMethod, Polarity } from '../stats/index.js';

/** What marmot knows about one indicator: where it belongs and how to judge it. */
export interface IndicatorProfile {
  id: string;
  name: string;
  group: GroupId;
  mapped: boolean;
  polarity: Polarity;
  polaritySource: 'catalogue' | 'published' | 'default';
  valueType: string | null;
  unit: string | null;
  method: ComparisonMethod;
  confidence: 0.95 | 0.998;
  methodSource: 'catalogue' | 'inferred' | 'default';
}

/**
 * Polarity as the published England comparisons reveal it: "Better" on an area above England
 * means high is good, below means low is good; "Higher"/"Lower" mean no judgement. The majority
 * of the informative rows decides; null when no row says.
 *
 * @example inferPolarity(rows) // 'low-is-good' when areas above England are published "Worse"
 */
export function inferPolarity(rows: IndicatorRow[], englandValue: (r: IndicatorRow) => number | null): Polarity | null {
  const votes: Record<'high-is-good' | 'low-is-good' | 'no-judgement', number> = { 'high-is-good': 0, 'low-is-good': 0, 'no-judgement': 0 };
  for (const r of rows) {
    const label = r.comparedToEngland;
    if (label === 'Higher' || label === 'Lower') {
      votes['no-judgement']++;
      continue;
    }
    if (label !== 'Better' && label !== 'Worse') continue;
    const b = englandValue(r);
    if (r.value === null || b === null || r.value === b) continue;
    const above = r.value > b;
    votes[(label === 'Better') === above ? 'high-is-good' : 'low-is-good']++;
  }
  const best = (Object.entries(votes) as [keyof typeof votes, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : null;
}

/**
 * The profile of an indicator from the catalogue entry when there is one; otherwise unmapped,
 * with the polarity inferred from the published comparisons, else "no judgement".
 * The comparison method is the catalogue's, else Fingertips' default (method 1 at 95%).
 */
export function profileIndicator(
  id: string,
  name: string,
  entry: CatalogueIndicator | undefined,
  inferred: Polarity | null,
): IndicatorProfile {
  const comparison = entry?.comparison;
  return {
    id,
    name,
    group: entry?.principle ?? 'unmapped',
    mapped: entry !== undefined,
    polarity: entry?.polarity ?? inferred ?? 'no-judgement',
    polaritySource: entry ? 'catalogue' : inferred ? 'published' : 'default',
    valueType: entry?.valueType ?? null,
    unit: entry?.unit ?? null,
    method: comparison?.method ?? 1,
    confidence: comparison?.confidence ?? 0.95,
    methodSource: comparison ? 'catalogue' : 'default',
  };
}
