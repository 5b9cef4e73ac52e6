import { GROUP_ORDER, outputId } from '../catalogue/lookup.js';
import type { GroupId } from '../catalogue/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { isCohortRow, type IndicatorRow } from '../ingest/row.js';
import { ENGLAND_CODE } from '../normalise/area.js';
import { ageBounds, deprivationRank, isDeprivationType, isEthnicityType } from '../normalise/cohort.js';
import { quantileCategory, sii, type Polarity } from '../stats/index.js';
import type { AreaChoice } from './areas.js';
import type { Gap, GapKind, GroupValue } from './gaps-schema.js';
import type { IndicatorProfile } from './indicator-profile.js';
import { judgeBenchmark } from './judgements.js';
import { pushInto } from './group.js';

/** A sub-area (ward, MSOA) of an area, with its deprivation decile when a lookup gives it. */
export interface SubArea {
  parent: string;
  decile: number | null;
}

export interface GapOptions {
  areas: AreaChoice[];
  kinds: GapKind[];
  period: string;
  repetitions: number;
  seed: number;
  /** Sub-areas from a lookup file (`--areas`), by code; rows whose Parent Code is the area count too. */
  subAreas?: Map<string, SubArea>;
  /** Comparator areas (statistical neighbours, from the config): a second rank among them. */
  peers?: string[];
}

const Z = 1.959963984540054;
const SE = (r: { lower95: number | null; upper95: number | null }): number | null =>
  r.lower95 === null || r.upper95 === null ? null : (r.upper95 - r.lower95) / (2 * Z);

const group = (label: string, r: IndicatorRow | undefined): GroupValue => ({
  label,
  area_code: r?.areaCode ?? null,
  value: r?.value ?? null,
  lower_ci_95: r?.lower95 ?? null,
  upper_ci_95: r?.upper95 ?? null,
  denominator: r?.denominator ?? null,
});

const src = (rows: (IndicatorRow | undefined)[]) =>
  rows.filter((r): r is IndicatorRow => !!r).map((r) => ({ file: r.file, line: r.line }));

/** Words for a difference a − b, by polarity: "worse for males", "higher in the most deprived". */
function words(diff: number, who: string, polarity: Polarity, significant: boolean | null): string {
  if (significant === false) return `no significant difference (${who})`;
  const higher = diff > 0;
  const word = polarity === 'high-is-good' ? (higher ? 'better' : 'worse')
    : polarity === 'low-is-good' ? (higher ? 'worse' : 'better') : (higher ? 'higher' : 'lower');
  return `${word} ${who}${significant === null ? ' (significance unknown)' : ''}`;
}

/** The difference a − b with a 95% CI from independent estimates (derived), and the ratio. */
function difference(a: IndicatorRow | undefined, b: IndicatorRow | undefined) {
  if (!a || !b || a.value === null || b.value === null) {
    return { difference: null, lower: null, upper: null, ratio: null, significant: null as boolean | null };
  }
  const d = a.value - b.value;
  const sa = SE(a);
  const sb = SE(b);
  const se = sa === null || sb === null ? null : Math.sqrt(sa * sa + sb * sb);
  return {
    difference: d,
    lower: se === null ? null : d - Z * se,
    upper: se === null ? null : d + Z * se,
    ratio: b.value === 0 ? null : a.value / b.value,
    significant: se === null ? null : Math.abs(d) > Z * se,
  };
}

type Draft = Omit<Gap, 'principle' | 'indicator_id' | 'indicator_name' | 'polarity' | 'area_code' | 'area_name' | 'period' | 'sex' | 'age' | 'over_time'>;

function blank(kind: GapKind, categoryType: string | null, measure: Gap['measure']): Draft {
  return {
    kind, category_type: categoryType, measure, value: null, group_a: group('', undefined), group_b: null,
    difference: null, difference_lower_ci_95: null, difference_upper_ci_95: null, ratio: null, sii: null, rank: null,
    comparison: null, significant: null, derived: false, direction: '', reason: null, sources: [],
  };
}

function pairGap(kind: GapKind, categoryType: string | null, a: IndicatorRow | undefined, aLabel: string, b: IndicatorRow | undefined, bLabel: string, who: string, polarity: Polarity): Draft {
  const d = difference(a, b);
  return {
    ...blank(kind, categoryType, 'difference'),
    value: d.difference,
    group_a: group(aLabel, a),
    group_b: group(bLabel, b),
    difference: d.difference,
    difference_lower_ci_95: d.lower,
    difference_upper_ci_95: d.upper,
    ratio: d.ratio,
    significant: d.significant,
    derived: d.significant !== null,
    direction: d.difference === null ? 'cannot be computed' : words(d.difference, who, polarity, d.significant),
    reason: d.difference === null ? `${a?.value == null ? aLabel : bLabel}: no value` : null,
    sources: src([a, b]),
  };
}

function deprivationGap(rows: IndicatorRow[], profile: IndicatorProfile, o: GapOptions): Draft | null {
  const ranked = rows.map((r) => ({ r, d: deprivationRank(r.category ?? '') })).filter((x) => x.d !== null) as { r: IndicatorRow; d: { rank: number; of: 5 | 10 } }[];
  if (ranked.length === 0) return null;
  const of = ranked[0]!.d.of;
  const at = (k: number) => ranked.find((x) => x.d.rank === k)?.r;
  const most = at(1);
  const least = at(of);
  const draft = pairGap('deprivation', rows[0]!.categoryType, most, `Most deprived ${of === 10 ? 'decile' : 'quintile'}`, least, `Least deprived ${of === 10 ? 'decile' : 'quintile'}`, 'in the most deprived', profile.polarity);
  draft.sources = src(ranked.sort((x, y) => x.d.rank - y.d.rank).map((x) => x.r));
  const missing = Array.from({ length: of }, (_, i) => i + 1).filter((k) => at(k)?.value == null);
  let reason: string | null = null;
  if (missing.length > 0) reason = `SII not computed: no value for ${of === 10 ? 'decile' : 'quintile'} ${missing.join(', ')}`;
  else if (ranked.some((x) => x.r.denominator === null || x.r.denominator <= 0)) reason = 'SII not computed: the rows have no Denominator to use as populations';
  else if (ranked.some((x) => SE(x.r) === null || SE(x.r)! <= 0)) reason = 'SII not computed: the rows have no 95% CIs (try --derive-ci where they have counts)';
  if (reason) {
    draft.reason = draft.reason ? `${draft.reason}; ${reason}` : reason;
    return draft;
  }
  const result = sii(ranked.map((x) => ({ quantile: x.d.rank, population: x.r.denominator!, value: x.r.value!, se: SE(x.r)! })), { repetitions: o.repetitions, seed: o.seed });
  const limits = result.limits[0]!;
  const significant = !(limits.siiLower <= 0 && limits.siiUpper >= 0);
  // Rank 0 is the most deprived: a negative slope means higher values in the most deprived.
  const direction = significant ? words(-result.sii, 'in the most deprived', profile.polarity, true) : 'no clear gradient (SII limits include 0)';
  return {
    ...draft,
    measure: 'sii',
    value: result.sii,
    sii: {
      sii: result.sii, rii: result.rii, intercept: result.intercept,
      sii_lower_ci_95: limits.siiLower, sii_upper_ci_95: limits.siiUpper, rii_lower_ci_95: limits.riiLower, rii_upper_ci_95: limits.riiUpper,
      quantiles: of, repetitions: o.repetitions, seed: o.seed,
    },
    significant,
    derived: draft.derived || ranked.some((x) => !!x.r.derivedCi),
    direction,
  };
}

function ethnicityGaps(rows: IndicatorRow[], whole: IndicatorRow | undefined, profile: IndicatorProfile): Draft[] {
  const valued = rows.filter((r) => r.value !== null).sort((a, b) => (a.category ?? '').localeCompare(b.category ?? ''));
  const out = rows
    .slice()
    .sort((a, b) => (a.category ?? '').localeCompare(b.category ?? ''))
    .map((r) => pairGap('ethnicity', r.categoryType, r, r.category ?? '', whole, 'Whole population', 'than the whole population', profile.polarity));
  if (valued.length >= 2) {
    const hi = valued.reduce((m, r) => (r.value! > m.value! ? r : m));
    const lo = valued.reduce((m, r) => (r.value! < m.value! ? r : m));
    const range = pairGap('ethnicity', hi.categoryType, hi, hi.category ?? '', lo, lo.category ?? '', '', profile.polarity);
    out.push({ ...range, measure: 'range', direction: `${hi.category} highest, ${lo.category} lowest of ${valued.length} groups`, sources: src(valued) });
  }
  return out;
}

function ageGap(rows: IndicatorRow[], profile: IndicatorProfile): Draft | null {
  const banded = rows.map((r) => ({ r, b: ageBounds(r.age) })).filter((x) => x.b !== null && x.r.value !== null) as { r: IndicatorRow; b: [number, number] }[];
  if (banded.length < 2) return null;
  banded.sort((x, y) => x.b[0] - y.b[0] || x.b[1] - y.b[1]);
  const young = banded[0]!.r;
  const old = banded[banded.length - 1]!.r;
  if (young.age === old.age) return null;
  return { ...pairGap('age', null, young, young.age, old, old.age, `at ${young.age} than at ${old.age}`, profile.polarity), sources: src(banded.map((x) => x.r)) };
}

const QUINTILE_WORDS: Record<string, string[]> = {
  rag: ['Best', 'Better', 'Middle', 'Worse', 'Worst'],
  bob: ['Lowest', 'Low', 'Middle', 'High', 'Highest'],
};

function rankGap(row: IndicatorRow, peers: IndicatorRow[], profile: IndicatorProfile, among: string = row.level): Draft | null {
  const values = peers.map((p) => p.value).filter((v): v is number => v !== null);
  if (row.value === null || values.length < 2) return null;
  const higherIsBetter = profile.polarity !== 'low-is-good';
  const better = values.filter((v) => (higherIsBetter ? v > row.value! : v < row.value!)).length;
  const quintile = quantileCategory(row.value, values, { groups: 5, polarity: profile.polarity });
  const rag = profile.polarity === 'high-is-good' || profile.polarity === 'low-is-good';
  const label = quintile === 0 ? 'Not compared' : QUINTILE_WORDS[rag ? 'rag' : 'bob']![quintile - 1]!;
  return {
    ...blank('rank', null, 'rank'),
    value: better + 1,
    group_a: group(row.areaName, row),
    rank: { rank: better + 1, of: values.length, quintile, quintile_label: label, level: among },
    direction: `${rag ? '' : 'by value, highest first: '}${better + 1} of ${values.length} ${among} areas${quintile ? `, ${label.toLowerCase()} quintile` : ''}`,
    sources: src([row]),
  };
}

function withinAreaGap(row: IndicatorRow, subs: IndicatorRow[], profile: IndicatorProfile, lookup: Map<string, SubArea> | undefined, o: GapOptions): Draft | null {
  const valued = subs.filter((s) => s.value !== null);
  if (subs.length === 0) return null;
  const d = blank('within-area', null, 'range');
  if (valued.length < 2) {
    return { ...d, group_a: group(valued[0]?.areaName ?? subs[0]!.areaName, valued[0] ?? subs[0]), direction: 'cannot be computed', reason: `only ${valued.length} sub-area with a value`, sources: src(subs) };
  }
  const hi = valued.reduce((m, r) => (r.value! > m.value! ? r : m));
  const lo = valued.reduce((m, r) => (r.value! < m.value! ? r : m));
  const worse = valued.filter((s) => judgeBenchmark(s, row, row.areaCode, null, profile).computed === 'Worse');
  const draft: Draft = {
    ...d,
    value: hi.value! - lo.value!,
    group_a: group(hi.areaName, hi),
    group_b: group(lo.areaName, lo),
    difference: hi.value! - lo.value!,
    ratio: lo.value === 0 ? null : hi.value! / lo.value!,
    direction: `${valued.length} sub-areas from ${lo.areaName} to ${hi.areaName}; ${worse.length} significantly worse than ${row.areaName}${worse.length ? ` (${worse.slice(0, 3).map((w) => w.areaName).join(', ')}${worse.length > 3 ? ', …' : ''})` : ''}`,
    sources: src(valued),
  };
  // SII across sub-areas grouped by the deciles of the lookup: population-weighted means.
  const byDecile = new Map<number, IndicatorRow[]>();
  for (const s of valued) {
    const decile = lookup?.get(s.areaCode)?.decile;
    if (decile == null) continue;
    pushInto(byDecile, decile, s);
  }
  if (byDecile.size >= 2) {
    const groups = [...byDecile].map(([decile, list]) => {
      const pop = list.reduce((t, s) => t + (s.denominator ?? 0), 0);
      const value = list.reduce((t, s) => t + s.value! * (s.denominator ?? 0), 0) / pop;
      const se = Math.sqrt(list.reduce((t, s) => t + ((s.denominator ?? 0) / pop) ** 2 * (SE(s) ?? Number.NaN) ** 2, 0));
      return { quantile: decile, population: pop, value, se };
    });
    if (groups.every((g) => g.population > 0 && Number.isFinite(g.se) && g.se > 0)) {
      const r = sii(groups, { repetitions: o.repetitions, seed: o.seed });
      const l = r.limits[0]!;
      draft.sii = { sii: r.sii, rii: r.rii, intercept: r.intercept, sii_lower_ci_95: l.siiLower, sii_upper_ci_95: l.siiUpper, rii_lower_ci_95: l.riiLower, rii_upper_ci_95: l.riiUpper, quantiles: groups.length, repetitions: o.repetitions, seed: o.seed };
      draft.derived = true;
    } else draft.reason = 'SII across sub-areas not computed: sub-areas lack a Denominator or 95% CIs';
  }
  return draft;
}

export type Movement = NonNullable<Gap['over_time']>['movement'];

/**
 * How a gap moved between two periods: widened or narrowed by its size (for a rank, by the rank
 * number: further from first is wider), or, for an SII, "no significant change" when the two sets of
 * 95% limits overlap.
 *
 * @example gapMovement({ value: 4, sii: null }, { value: -6, sii: null }) // 'widened'
 */
export function gapMovement(earlier: { value: number; sii: Gap['sii'] }, later: { value: number; sii: Gap['sii'] }): Movement {
  const e = earlier.sii;
  const l = later.sii;
  if (e && l && e.sii_lower_ci_95 !== null && e.sii_upper_ci_95 !== null && l.sii_lower_ci_95 !== null && l.sii_upper_ci_95 !== null
    && e.sii_lower_ci_95 <= l.sii_upper_ci_95 && l.sii_lower_ci_95 <= e.sii_upper_ci_95) return 'no significant change';
  const a = Math.abs(earlier.value);
  const b = Math.abs(later.value);
  return b > a ? 'widened' : b < a ? 'narrowed' : 'unchanged';
}

const KIND_ORDER: Record<GapKind, number> = { england: 0, parent: 1, rank: 2, 'within-area': 3, deprivation: 4, sex: 5, ethnicity: 6, age: 7 };

/**
 * Inequality gaps for the chosen areas and England: cohort gaps (deprivation — ends, ratio, SII and
 * RII with simulated limits from the library's `sii` —, sex, ethnic groups, age bands) and
 * geographic gaps (against England and the parent with the recomputed comparison, rank and
 * Fingertips quintile among areas of the same level, range within the area across its
 * sub-areas). Each gap is computed for every period it exists in, and reported at the chosen
 * period with its earliest and latest values and whether it widened or narrowed. Pure.
 */
export function computeGaps(rows: IndicatorRow[], profileOf: (id: string) => IndicatorProfile, o: GapOptions): { gaps: Gap[]; diagnostics: Diagnostic[] } {
  const targets = new Map(o.areas.map((a) => [a.code, a.name]));
  targets.set(ENGLAND_CODE, 'England');
  const want = new Set(o.kinds);
  // Family key → period → draft. A family is one gap followed over time.
  type Base = Pick<Gap, 'principle' | 'indicator_id' | 'indicator_name' | 'polarity' | 'area_code' | 'area_name' | 'sex' | 'age'>;
  const families = new Map<string, { base: Base; byPeriod: Map<string, { sortable: number; draft: Draft }> }>();
  const add = (family: string, r: IndicatorRow, draft: Draft | null, areaCode = r.areaCode, areaName = r.areaName): void => {
    if (!draft) return;
    const p = profileOf(r.indicatorId);
    let f = families.get(family);
    if (!f) {
      f = {
        base: { principle: p.group, indicator_id: outputId(r.indicatorId), indicator_name: p.name, polarity: p.polarity, area_code: areaCode, area_name: areaName, sex: r.sex, age: r.age },
        byPeriod: new Map(),
      };
      families.set(family, f);
    }
    f.byPeriod.set(r.period.label, { sortable: r.period.sortable, draft });
  };

  const headline = rows.filter((r) => !isCohortRow(r));
  const byPoint = new Map<string, IndicatorRow[]>();
  const key = (...parts: (string | number | null)[]) => parts.join('\u0001');
  for (const r of rows) {
    const k = key(r.indicatorId, r.areaCode, r.period.label);
    pushInto(byPoint, k, r);
  }
  const headlineAt = (indicator: string, area: string | null, sex: string, age: string, period: string): IndicatorRow | undefined =>
    area === null ? undefined : byPoint.get(key(indicator, area, period))?.find((r) => !isCohortRow(r) && r.sex === sex && r.age === age);

  // Peers for ranks and sub-areas: headline rows by indicator, sex, age, period.
  const peersOf = new Map<string, IndicatorRow[]>();
  for (const r of headline) {
    const k = key(r.indicatorId, r.sex, r.age, r.period.label);
    pushInto(peersOf, k, r);
  }

  for (const list of byPoint.values()) {
    const first = list[0]!;
    if (!targets.has(first.areaCode)) continue;
    const profile = profileOf(first.indicatorId);
    const head = list.filter((r) => !isCohortRow(r));
    const cohorts = new Map<string, IndicatorRow[]>();
    for (const r of list) {
      if (!isCohortRow(r)) continue;
      pushInto(cohorts, key(r.sex, r.age, r.categoryType), r);
    }
    for (const c of cohorts.values()) {
      const r0 = c[0]!;
      const type = r0.categoryType ?? '';
      if (want.has('deprivation') && isDeprivationType(type)) add(key('dep', r0.indicatorId, r0.areaCode, r0.sex, r0.age, type), r0, deprivationGap(c, profile, o));
      else if (want.has('ethnicity') && isEthnicityType(type)) {
        const whole = headlineAt(r0.indicatorId, r0.areaCode, r0.sex, r0.age, r0.period.label);
        ethnicityGaps(c, whole, profile).forEach((d) => add(key('eth', r0.indicatorId, r0.areaCode, r0.sex, r0.age, type, d.measure, d.measure === 'range' ? '' : d.group_a.label), r0, d));
      }
    }
    if (want.has('sex')) {
      const males = head.filter((r) => r.sex === 'Male');
      for (const m of males) {
        const f = head.find((r) => r.sex === 'Female' && r.age === m.age);
        if (f) add(key('sex', m.indicatorId, m.areaCode, m.age), { ...m, sex: 'Male vs Female' }, pairGap('sex', null, m, 'Male', f, 'Female', 'for males', profile.polarity));
      }
    }
    if (want.has('age')) {
      const bySex = new Map<string, IndicatorRow[]>();
      for (const r of head) {
        pushInto(bySex, r.sex, r);
      }
      for (const [sex, s] of bySex) {
        const gap = ageGap(s, profile);
        if (gap) add(key('age', s[0]!.indicatorId, s[0]!.areaCode, sex), { ...s[0]!, age: `${gap.group_a.label} vs ${gap.group_b!.label}` }, gap);
      }
    }
    for (const r of head) {
      if (r.areaCode === ENGLAND_CODE) continue;
      if (want.has('england')) {
        const e = headlineAt(r.indicatorId, ENGLAND_CODE, r.sex, r.age, r.period.label);
        const cmp = judgeBenchmark(r, e, ENGLAND_CODE, r.comparedToEngland, profile);
        const d = pairGap('england', null, r, r.areaName, e, 'England', 'than England', profile.polarity);
        add(key('eng', r.indicatorId, r.areaCode, r.sex, r.age), r, {
          ...d, comparison: { computed: cmp.computed, published: cmp.published, agrees: cmp.agrees },
          significant: cmp.computed === 'Not compared' ? null : cmp.computed !== 'Similar', derived: false,
          direction: cmp.computed === 'Not compared' ? 'not compared' : `${cmp.computed.toLowerCase()} ${cmp.computed === 'Similar' ? 'to' : 'than'} England`,
        });
      }
      const parentCode = r.parentCode === ENGLAND_CODE ? null : r.parentCode;
      if (want.has('parent') && parentCode) {
        const pr = headlineAt(r.indicatorId, parentCode, r.sex, r.age, r.period.label);
        const cmp = judgeBenchmark(r, pr, parentCode, r.comparedToParent, profile);
        const d = pairGap('parent', null, r, r.areaName, pr, pr?.areaName ?? parentCode, `than ${pr?.areaName ?? parentCode}`, profile.polarity);
        add(key('par', r.indicatorId, r.areaCode, r.sex, r.age), r, {
          ...d, comparison: { computed: cmp.computed, published: cmp.published, agrees: cmp.agrees },
          significant: cmp.computed === 'Not compared' ? null : cmp.computed !== 'Similar', derived: false,
          direction: cmp.computed === 'Not compared' ? 'not compared' : `${cmp.computed.toLowerCase()} ${cmp.computed === 'Similar' ? 'to' : 'than'} ${pr?.areaName ?? parentCode}`,
        });
      }
      const peers = peersOf.get(key(r.indicatorId, r.sex, r.age, r.period.label)) ?? [];
      if (want.has('rank')) {
        add(key('rank', r.indicatorId, r.areaCode, r.sex, r.age), r, rankGap(r, peers.filter((p) => p.level === r.level), profile));
        if (o.peers && o.peers.length > 0) {
          const group = new Set([...o.peers, r.areaCode]);
          const ranked = rankGap(r, peers.filter((p) => group.has(p.areaCode)), profile, 'peer');
          add(key('rank-peers', r.indicatorId, r.areaCode, r.sex, r.age), r, ranked);
        }
      }
      if (want.has('within-area')) {
        const subs = peers.filter((p) => p.areaCode !== r.areaCode && (p.parentCode === r.areaCode || o.subAreas?.get(p.areaCode)?.parent === r.areaCode));
        add(key('sub', r.indicatorId, r.areaCode, r.sex, r.age), r, withinAreaGap(r, subs, profile, o.subAreas, o));
      }
    }
  }

  const gaps: Gap[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of families.values()) {
    const periods = [...f.byPeriod].sort((a, b) => a[1].sortable - b[1].sortable || a[0].localeCompare(b[0]));
    const chosen = o.period === 'latest' ? periods[periods.length - 1] : periods.find(([label]) => label === o.period);
    if (!chosen) continue;
    const upTo = periods.filter(([, p]) => p.sortable <= chosen[1].sortable && p.draft.value !== null);
    const earliest = upTo[0];
    const latest = chosen[1].draft.value === null ? undefined : chosen;
    let over_time: Gap['over_time'] = null;
    if (earliest && latest && earliest[0] !== latest[0]) {
      const e = earliest[1].draft;
      const l = latest[1].draft;
      over_time = {
        earliest_period: earliest[0], earliest_value: e.value!, latest_period: latest[0], latest_value: l.value!, change: l.value! - e.value!,
        movement: gapMovement({ value: e.value!, sii: e.sii }, { value: l.value!, sii: l.sii }),
      };
    }
    gaps.push({ ...f.base, ...chosen[1].draft, period: chosen[0], over_time });
  }
  gaps.sort((a, b) =>
    GROUP_ORDER[a.principle as GroupId] - GROUP_ORDER[b.principle as GroupId]
    || String(a.indicator_id).padStart(12, '0').localeCompare(String(b.indicator_id).padStart(12, '0'))
    || (a.area_code === ENGLAND_CODE ? 1 : 0) - (b.area_code === ENGLAND_CODE ? 1 : 0) || a.area_code.localeCompare(b.area_code)
    || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.sex.localeCompare(b.sex) || a.age.localeCompare(b.age)
    || (a.category_type ?? '').localeCompare(b.category_type ?? '') || a.measure.localeCompare(b.measure) || a.group_a.label.localeCompare(b.group_a.label));
  return { gaps, diagnostics };
}
