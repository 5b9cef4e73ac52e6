import { indicatorById } from '../catalogue/lookup.js';
import { inferComparisonMethod, inferMultiplier } from './infer-method.js';
import { indexRows } from './judgements.js';
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
  /** Values per unit of count/denominator (100 for %, 100000 per 100,000), when known: SPC method 5 needs it. */
  multiplier: number | null;
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
    multiplier: multiplierOf(entry?.unit ?? null),
    method: comparison?.method ?? 1,
    confidence: comparison?.confidence ?? 0.95,
    methodSource: comparison ? 'catalogue' : 'default',
  };
}

/**
 * Profiles for every indicator in the rows: group from the catalogue; polarity from the published
 * comparisons where they reveal it, else the catalogue's; comparison method from the catalogue,
 * else the one that reproduces the published column (else method 1 at 95%); multiplier from the
 * catalogue's unit, else from count, denominator and value.
 */
export function profilesFor(rows: IndicatorRow[], catalogue: Catalogue): (id: string) => IndicatorProfile {
  const lookup = indicatorById(catalogue);
  const index = indexRows(rows);
  const englandOf = (r: IndicatorRow) => index.at(r, englandCode);
  const byIndicator = new Map<string, IndicatorRow[]>();
  for (const r of rows) {
    let list = byIndicator.get(r.indicatorId);
    if (!list) byIndicator.set(r.indicatorId, (list = []));
    list.push(r);
  }
  const cache = new Map<string, IndicatorProfile>();
  return (id) => {
    let p = cache.get(id);
    if (p) return p;
    const list = byIndicator.get(id) ?? [];
    const entry = lookup(id);
    const inferred = inferPolarity(list, (r) => englandOf(r)?.value ?? null);
    p = profileIndicator(id, list[0]?.indicatorName ?? entry?.name ?? id, entry, inferred);
    if (p.multiplier === null) p = { ...p, multiplier: inferMultiplier(list) };
    if (!entry?.comparison) {
      const method = inferComparisonMethod(list, englandOf, p.polarity, p.multiplier);
      if (method) p = { ...p, method: method.method, confidence: method.confidence, methodSource: 'inferred' };
    }
    cache.set(id, p);
    return p;
  };
}

/**
 * The multiplier a unit label implies: "%" → 100, "per 100,000" → 100000, "per 1,000 …" → 1000;
 * null when the label gives none (years, scores).
 *
 * @example multiplierOf('per 10,000 aged <18') // 10000
 */
export function multiplierOf(unit: string | null): number | null {
  if (unit === null) return null;
  if (/^%/.test(unit.trim())) return 100;
  const m = unit.match(/per ([\d,]+)/);
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
}
