import { indicatorById, resolvePrinciple } from '../catalogue/lookup.js';
import { matchIndicatorName } from '../catalogue/match.js';
import type { Config } from '../config/schema.js';
import type { IndicatorMetadata } from '../catalogue/metadata.js';
import { comparisonMethodIn, multiplierIn, rowsOf, type Judged, type Rows } from './infer-method.js';
import { indexTable, type TableIndex } from './table-index.js';
import { COL, INTS, NUM, NUMBERS, numberOrNull } from '../ingest/row-codec.js';
import { comparedView, readCompared, tableOfRows, textAt, type ComparedView, type RowTable } from '../ingest/row-table.js';
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
  polaritySource: 'config' | 'metadata' | 'published' | 'catalogue' | 'default';
  /** The catalogue's polarity when the file's published comparisons say otherwise. */
  cataloguePolarity: Polarity | null;
  valueType: string | null;
  unit: string | null;
  method: ComparisonMethod;
  confidence: 0.95 | 0.998;
  /** Values per unit of count/denominator (100 for %, 100000 per 100,000), when known: SPC method 5 needs it. */
  multiplier: number | null;
  methodSource: 'config' | 'metadata' | 'catalogue' | 'inferred' | 'default';
  /** How the indicator was matched to what marmot knows: by ID, by name, as a config indicator, or not. */
  matchedBy: 'id' | 'name' | 'config' | null;
  /** Closest catalogue names, for an unmapped indicator. */
  suggestions: string[];
  /** Hidden by a config override: left out of baselines and gaps. */
  hidden: boolean;
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
  return polarityIn(rowsOf(rows), englandValue);
}

/** inferPolarity over Rows; `englandValue(r, k)` is the England value of row `k` (read as `r`). */
export function polarityIn<R extends Pick<IndicatorRow, 'areaCode' | 'comparedToEngland' | 'value' | 'lower95' | 'upper95'>>(
  rows: Rows<R>, englandValue: (r: R, k: number) => number | null,
): Polarity | null {
  const votes: Record<'high-is-good' | 'low-is-good' | 'no-judgement', number> = { 'high-is-good': 0, 'low-is-good': 0, 'no-judgement': 0 };
  let comparableButNotCompared = 0;
  let compared = 0;
  for (let k = 0; k < rows.size; k++) {
    const r = rows.at(k);
    const label = r.comparedToEngland;
    if (label !== null && label !== 'Not compared') compared++;
    if (label === 'Not compared' && r.areaCode !== englandCode && r.value !== null && r.lower95 !== null && r.upper95 !== null && englandValue(r, k) !== null) {
      comparableButNotCompared++;
    }
    if (label === 'Higher' || label === 'Lower') {
      votes['no-judgement']++;
      continue;
    }
    if (label !== 'Better' && label !== 'Worse') continue;
    const b = englandValue(r, k);
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
    matchedBy: entry ? 'id' : null,
    suggestions: [],
    hidden: false,
  };
}

/** What a place's config and Fingertips' metadata add to the catalogue. */
export interface Knowledge {
  config?: Config | null;
  metadata?: Map<string, IndicatorMetadata> | null;
  /** IDs a local table gave only by name, resolved through the catalogue. */
  matchedByName?: Set<string>;
  /** Unit and value type that a config source gives for the indicators of its table. */
  sourceUnits?: Map<string, { unit: string | null; valueType: string | null }>;
}

/**
 * Profiles for every indicator in the rows. What the indicator is: a config indicator (by ID), else
 * the catalogue's by Fingertips ID, else by normalised name (profile prefix removed), else unmapped
 * with the closest catalogue names suggested. Unit and value type: the catalogue's, then the config
 * source's (`sources[].unit`), then the metadata's. Then, in rising precedence: the catalogue's polarity,
 * the polarity the file's published comparisons reveal, Fingertips' metadata (`--metadata`), and the
 * config's overrides. Comparison method: config → metadata → catalogue → the one that reproduces
 * the published column → method 1 at 95%. Multiplier from the unit, else from count, denominator
 * and value.
 */
export function profilesFor(rows: IndicatorRow[], catalogue: Catalogue, knowledge: Knowledge = {}): (id: string) => IndicatorProfile {
  const table = tableOfRows(rows);
  return tableProfiles(table, indexTable(table), catalogue, knowledge);
}

/**
 * profilesFor a table's rows (those `index` kept), read as columns: the inferences read each row
 * into a reused view, and England's row by the index.
 *
 * @example tableProfiles(table, mergeTable(table).index, catalogue)('90366').polarity // 'high-is-good'
 */
export function tableProfiles(table: RowTable, index: TableIndex, catalogue: Catalogue, knowledge: Knowledge = {}): (id: string) => IndicatorProfile {
  const lookup = indicatorById(catalogue);
  const local = new Map((knowledge.config?.indicators ?? []).map((i) => [i.id, i]));
  const overrides = new Map((knowledge.config?.overrides ?? []).map((o) => [o.id, o]));
  const principleOf = (text: string): GroupId => resolvePrinciple(catalogue, text) ?? 'unmapped';
  const byIndicator = new Map<string, number[]>();
  let lastId = -1;
  let list: number[] = [];
  for (const i of index.kept) {
    const id = table.ints[i * INTS + COL.indicatorId]!;
    if (id !== lastId) {
      lastId = id;
      const text = table.strings[id]!;
      list = byIndicator.get(text) ?? [];
      byIndicator.set(text, list);
    }
    list.push(i);
  }
  /** What the polarity and method inferences read of a row: the fields a comparison reads (readCompared), its area and its published comparison. */
  const view: Judged & ComparedView = { ...comparedView(), areaCode: '', comparedToEngland: null };
  const englandView = comparedView();
  /** The rows of a list, read one at a time into the view; England's row of the k-th into its own. */
  const rowsIn = (list: number[]) => ({
    rows: {
      size: list.length,
      at: (k: number): Judged => {
        const i = list[k]!;
        readCompared(table, i, view);
        view.areaCode = textAt(table, i, COL.areaCode)!;
        view.comparedToEngland = textAt(table, i, COL.comparedToEngland);
        return view;
      },
    },
    englandOf: (_: Judged, k: number): ComparedView | undefined => {
      const j = index.at(list[k]!, index.england);
      return j < 0 ? undefined : readCompared(table, j, englandView);
    },
  });
  /** The rows of a list as their value, count and denominator only (the multiplier reads no more). */
  const numbersIn = (list: number[]) => {
    const x = table.numbers;
    const v = { value: null as number | null, count: null as number | null, denominator: null as number | null };
    return {
      size: list.length,
      at: (k: number) => {
        const b = list[k]! * NUMBERS;
        v.value = numberOrNull(x[b + NUM.value]!);
        v.count = numberOrNull(x[b + NUM.count]!);
        v.denominator = numberOrNull(x[b + NUM.denominator]!);
        return v;
      },
    };
  };
  const cache = new Map<string, IndicatorProfile>();
  return (id) => {
    let p = cache.get(id);
    if (p) return p;
    const list = byIndicator.get(id) ?? [];
    const firstName = list.length > 0 ? textAt(table, list[0]!, COL.indicatorName) : null;
    const name = firstName ?? id;
    const { rows, englandOf } = rowsIn(list);
    const own = local.get(id);
    let entry = lookup(id);
    let matchedBy: IndicatorProfile['matchedBy'] = own ? 'config' : entry ? (knowledge.matchedByName?.has(id) ? 'name' : 'id') : null;
    let suggestions: string[] = [];
    if (!own && !entry) {
      const m = matchIndicatorName(catalogue, name);
      if (m.entry) {
        entry = m.entry;
        matchedBy = 'name';
      } else suggestions = m.suggestions;
    }
    const inferred = polarityIn(rows, (r, k) => englandOf(r, k)?.value ?? null);
    p = profileIndicator(id, own?.name ?? firstName ?? entry?.name ?? id, entry, inferred);
    p = { ...p, matchedBy, suggestions };
    if (own) {
      p = {
        ...p, group: principleOf(own.principle), mapped: true, valueType: own.value_type ?? null, unit: own.unit ?? null,
        multiplier: multiplierOf(own.unit ?? null),
        ...(inferred ? {} : { polarity: own.polarity, polaritySource: 'config' as const }),
        ...(own.comparison ? { method: own.comparison.method, confidence: own.comparison.confidence, methodSource: 'config' as const } : {}),
      };
    }
    const fromSource = knowledge.sourceUnits?.get(id);
    if (fromSource) p = withUnit(p, fromSource.unit, fromSource.valueType);
    const meta = knowledge.metadata?.get(id);
    if (meta) {
      p = {
        ...withUnit(p, meta.unit, meta.valueType),
        ...(meta.polarity ? { polarity: meta.polarity, polaritySource: 'metadata' as const, cataloguePolarity: null } : {}),
        ...(meta.method ? { method: meta.method, confidence: meta.confidence ?? 0.95, methodSource: 'metadata' as const } : {}),
      };
    }
    const o = overrides.get(id);
    if (o) {
      p = {
        ...p,
        hidden: !!o.hidden,
        ...(o.principle ? { group: principleOf(o.principle) } : {}),
        ...(o.polarity ? { polarity: o.polarity, polaritySource: 'config' as const, cataloguePolarity: null } : {}),
        ...(o.comparison ? { method: o.comparison.method, confidence: o.comparison.confidence, methodSource: 'config' as const } : {}),
      };
    }
    if (p.multiplier === null) p = { ...p, multiplier: multiplierIn(numbersIn(list)) };
    if (p.methodSource === 'default') {
      const method = comparisonMethodIn(rows, englandOf, p.polarity, p.multiplier);
      if (method) p = { ...p, method: method.method, confidence: method.confidence, methodSource: 'inferred' };
    }
    cache.set(id, p);
    return p;
  };
}

/** A profile with the unit and value type a source or the metadata gives, where they give one. */
function withUnit(p: IndicatorProfile, unit: string | null, valueType: string | null): IndicatorProfile {
  return { ...p, unit: unit ?? p.unit, valueType: valueType ?? p.valueType, multiplier: multiplierOf(unit) ?? p.multiplier };
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
