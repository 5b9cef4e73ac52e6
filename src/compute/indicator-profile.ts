import { indicatorById } from '../catalogue/lookup.js';
import type { Catalogue, CatalogueIndicator, GroupId } from '../catalogue/schema.js';
import type { IndicatorRow } from '../ingest/row.js';
import { ENGLAND_CODE as englandCode } from '../normalise/area.js';
import type { ComparisonMethod, Polarity } from '../stats/index.js';

/** What marmot knows about one indicator: where it belongs and how to judge it. */
export interface IndicatorProfile {
  id: string;
  name: string;
  group: GroupId;
  mapped: boolean;
  polarity: Polarity;
  polaritySource: 'catalogue' | 'published' | 'default';
  /** The catalogue's polarity when the file's published comparisons say otherwise. */
  cataloguePolarity: Polarity | null;
  valueType: string | null;
  unit: string | null;
  method: ComparisonMethod;
  confidence: 0.95 | 0.998;
  methodSource: 'catalogue' | 'inferred' | 'default';
}

/**
 * Polarity as the published England comparisons reveal it: "Better" on an area above England
 * means high is good, below means low is good; "Higher"/"Lower" mean no judgement. The majority
 * of the informative rows decides. An indicator published "Not compared" on every row although
 * value, CI and England value were there is not compared by Fingertips: not-applicable. Null
 * when no row says.
 *
 * @example inferPolarity(rows) // 'low-is-good' when areas above England are published "Worse"
 */
export function inferPolarity(rows: IndicatorRow[], englandValue: (r: IndicatorRow) => number | null): Polarity | null {
  const votes: Record<'high-is-good' | 'low-is-good' | 'no-judgement', number> = { 'high-is-good': 0, 'low-is-good': 0, 'no-judgement': 0 };
  let comparableButNotCompared = 0;
  let compared = 0;
  for (const r of rows) {
    const label = r.comparedToEngland;
    if (label !== null && label !== 'Not compared') compared++;
    if (label === 'Not compared' && r.areaCode !== englandCode && r.value !== null && r.lower95 !== null && r.upper95 !== null && englandValue(r) !== null) {
      comparableButNotCompared++;
    }
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
  if (best[1] > 0) return best[0];
  // Never compared although value, CI and England value were there: Fingertips does not compare it.
  return compared === 0 && comparableButNotCompared > 0 ? 'not-applicable' : null;
}

/**
 * The profile of an indicator: its group from the catalogue (else unmapped). Its polarity is the
 * one the file's published comparisons reveal, when they do — Fingertips judges an indicator by
 * the polarity of the profile it was downloaded from, which can differ from the catalogue's
 * (self-harm 90813 is "Higher/Lower" in the mental-health profile) — else the catalogue's, else
 * "no judgement". The comparison method is the catalogue's, else Fingertips' default (method 1
 * at 95%).
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
    polarity: inferred ?? entry?.polarity ?? 'no-judgement',
    polaritySource: inferred ? 'published' : entry ? 'catalogue' : 'default',
    cataloguePolarity: inferred && entry && entry.polarity !== inferred ? entry.polarity : null,
    valueType: entry?.valueType ?? null,
    unit: entry?.unit ?? null,
    method: comparison?.method ?? 1,
    confidence: comparison?.confidence ?? 0.95,
    methodSource: comparison ? 'catalogue' : 'default',
  };
}

/** Profiles for every indicator in the rows, polarity read from the published comparisons where they reveal it. */
export function profilesFor(rows: IndicatorRow[], catalogue: Catalogue): (id: string) => IndicatorProfile {
  const lookup = indicatorById(catalogue);
  const englandAt = new Map<string, number | null>();
  const byIndicator = new Map<string, IndicatorRow[]>();
  for (const r of rows) {
    if (r.areaCode === englandCode) englandAt.set(`${r.indicatorId}|${r.sex}|${r.age}|${r.period.label}`, r.value);
    let list = byIndicator.get(r.indicatorId);
    if (!list) byIndicator.set(r.indicatorId, (list = []));
    list.push(r);
  }
  const cache = new Map<string, IndicatorProfile>();
  return (id) => {
    let p = cache.get(id);
    if (!p) {
      const list = byIndicator.get(id) ?? [];
      const entry = lookup(id);
      const inferred = inferPolarity(list, (r) => englandAt.get(`${r.indicatorId}|${r.sex}|${r.age}|${r.period.label}`) ?? null);
      p = profileIndicator(id, list[0]?.indicatorName ?? entry?.name ?? id, entry, inferred);
      cache.set(id, p);
    }
    return p;
  };
}

