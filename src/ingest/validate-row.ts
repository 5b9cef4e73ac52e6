import { geographyLevel } from '../normalise/area.js';
import { normaliseComparison, normaliseTrend } from '../normalise/labels.js';
import { PERIOD_EXAMPLES, parseTimePeriod, type TimePeriod } from '../normalise/time-period.js';
import { cleanNote, cleanText, numberValue, parseNumber } from '../normalise/values.js';
import type { Field } from './headers.js';
import { rowObject, type IndicatorRow, type RowBuilder, type RowHead } from './row.js';
import type { RawRow } from './row-schema.js';

/** A validated row (as its builder made it), or the first problem in the order RawRowSchema reports it. */
export type Validated<R = IndicatorRow> = { ok: true; row: R } | { ok: false; field: Field; message: string };

/** Distinct strings remembered per field before the memo starts again (memory stays bounded). */
const MEMO_LIMIT = 50_000;

function memo<T>(fn: (s: string) => T): (s: string) => T {
  let seen = new Map<string, T>();
  // Consecutive rows mostly repeat a field: comparing with the last one is cheaper than hashing.
  let lastIn: string | undefined;
  let lastOut: T;
  return (s) => {
    if (s === lastIn) return lastOut;
    let v = seen.get(s);
    if (v === undefined && !seen.has(s)) {
      v = fn(s);
      if (seen.size >= MEMO_LIMIT) seen = new Map();
      seen.set(s, v);
    }
    lastIn = s;
    lastOut = v as T;
    return v as T;
  };
}

/** Why a cell that parsed as missing is missing (the token's reason). */
const missingOf = (s: string): string | null => {
  const parsed = parseNumber(s);
  return parsed.ok ? parsed.missing : null;
};

const REQUIRED: Partial<Record<Field, string>> = { indicatorId: 'an indicator ID', areaCode: 'an area code', timePeriod: 'a time period' };

/**
 * A row validator equal to `RawRowSchema.safeParse` (zod, the reference), for files of millions of
 * rows: the same field functions (cleanText, parseNumber, parseTimePeriod, the label normalisers),
 * the same first problem and message, but without zod's per-row object machinery, and with each
 * field's distinct strings remembered (Fingertips repeats names, areas, periods and labels on every
 * row). A property test (test/ingest/validate-row.test.ts) holds it equal to the schema. Rows with
 * the same period share one (read-only) period object. The row carries its file and line. A valid
 * row's parts go to `build` (an IndicatorRow object by default); consecutive rows of a series share
 * one head object.
 *
 * @example createRowValidator()({ indicatorId: '90366', areaCode: 'E06000032', timePeriod: '2019', value: '80.1' }, 'x.csv', 2).ok // true
 */
export function createRowValidator(): (raw: RawRow, file: string, line: number) => Validated;
export function createRowValidator<R>(build: RowBuilder<R>): (raw: RawRow, file: string, line: number) => Validated<R>;
export function createRowValidator<R>(build: RowBuilder<R> = rowObject as RowBuilder<R>): (raw: RawRow, file: string, line: number) => Validated<R> {
  const text = memo(cleanText);
  // The cells read on every row have memos of their own: a memo shared by several columns mostly
  // finds another column's cell as its last one, and hashes.
  const periodText = memo(cleanText);
  const goalText = memo(cleanText);
  const newDataText = memo(cleanText);
  const rangeText = memo(cleanText);
  const note = memo(cleanNote);
  const trend = memo((s: string) => normaliseTrend(cleanText(s)));
  const comparisonOf = (s: string) => normaliseComparison(cleanText(s));
  const englandComparison = memo(comparisonOf);
  const parentComparison = memo(comparisonOf);
  const level = memo(geographyLevel);
  const required = (raw: RawRow, field: Field, clean = text): string | { ok: false; field: Field; message: string } => {
    const s = raw[field];
    if (s === undefined) return { ok: false, field, message: `expected ${REQUIRED[field]}` };
    const t = clean(s);
    return t === null ? { ok: false, field, message: `expected ${REQUIRED[field]}, got a blank` } : t;
  };
  const NUMERIC = ['timePeriodSortable', 'value', 'lower95', 'upper95', 'lower998', 'upper998', 'count', 'denominator'] as const;
  const invalid = (raw: RawRow): Validated<R> => {
    const field = NUMERIC.find((f) => numberValue(raw[f] ?? '') === undefined)!;
    return { ok: false, field, message: `expected a number or a blank, got "${raw[field]}"` };
  };
  // Rows' periods by label, then by sortable (null when blank): one object for all rows of a period.
  const periods = new Map<string, Map<number | null, TimePeriod>>();
  let periodCount = 0;
  const t = (s: string | undefined): string | null => (s === undefined ? null : text(s));
  // The series fields of the last row whose indicator ID and area code were valid, and their raw
  // cells: consecutive rows of a series repeat them, and are compared with them in one pass.
  let lastRaw: RawRow | null = null;
  let head: RowHead | null = null;
  const sameHead = (a: RawRow, b: RawRow): boolean =>
    a.indicatorId === b.indicatorId && a.areaCode === b.areaCode && a.indicatorName === b.indicatorName && a.parentCode === b.parentCode
    && a.parentName === b.parentName && a.areaName === b.areaName && a.areaType === b.areaType && a.sex === b.sex && a.age === b.age
    && a.categoryType === b.categoryType && a.category === b.category;
  return (raw, file, line) => {
    if (!lastRaw || !sameHead(raw, lastRaw)) {
      const indicatorId = required(raw, 'indicatorId');
      if (typeof indicatorId !== 'string') return indicatorId;
      const areaCode = required(raw, 'areaCode');
      if (typeof areaCode !== 'string') return areaCode;
      head = {
        indicatorId,
        indicatorName: t(raw.indicatorName) ?? `Indicator ${indicatorId}`,
        parentCode: t(raw.parentCode),
        parentName: t(raw.parentName),
        areaCode,
        areaName: t(raw.areaName) ?? areaCode,
        areaType: t(raw.areaType),
        level: level(areaCode),
        sex: t(raw.sex) ?? 'Persons',
        age: t(raw.age) ?? 'All ages',
        categoryType: t(raw.categoryType),
        category: t(raw.category),
      };
      // A copy: a caller may reuse its raw object.
      lastRaw = {
        indicatorId: raw.indicatorId, areaCode: raw.areaCode, indicatorName: raw.indicatorName, parentCode: raw.parentCode, parentName: raw.parentName,
        areaName: raw.areaName, areaType: raw.areaType, sex: raw.sex, age: raw.age, categoryType: raw.categoryType, category: raw.category,
      };
    }
    const h = head!;
    const timePeriod = required(raw, 'timePeriod', periodText);
    if (typeof timePeriod !== 'string') return timePeriod;
    const sortable = numberValue(raw.timePeriodSortable ?? '');
    const value = numberValue(raw.value ?? '');
    const lower95 = numberValue(raw.lower95 ?? '');
    const upper95 = numberValue(raw.upper95 ?? '');
    const lower998 = numberValue(raw.lower998 ?? '');
    const upper998 = numberValue(raw.upper998 ?? '');
    const count = numberValue(raw.count ?? '');
    const denominator = numberValue(raw.denominator ?? '');
    if (sortable === undefined || value === undefined || lower95 === undefined || upper95 === undefined || lower998 === undefined || upper998 === undefined || count === undefined || denominator === undefined) return invalid(raw);
    let bySortable = periods.get(timePeriod);
    let shared = bySortable?.get(sortable);
    if (!shared) {
      const parsed = parseTimePeriod(timePeriod);
      if (!parsed && sortable === null) return { ok: false, field: 'timePeriod', message: `expected a period such as ${PERIOD_EXAMPLES}, got "${timePeriod}"` };
      shared = parsed
        ? { ...parsed, sortable: sortable ?? parsed.sortable }
        : { label: timePeriod, sortable: sortable as number, startYear: Math.floor((sortable as number) / 10000), years: 0, kind: 'other' as const };
      if (periodCount >= MEMO_LIMIT) {
        periods.clear();
        periodCount = 0;
        bySortable = undefined;
      }
      if (!bySortable) periods.set(timePeriod, (bySortable = new Map()));
      bySortable.set(sortable, shared);
      periodCount++;
    }
    const valueNote = raw.valueNote === undefined ? null : note(raw.valueNote);
    return {
      ok: true,
      row: build(
        file, line, h, shared, value, value === null ? (valueNote ?? missingOf(raw.value ?? '')) : null, lower95, upper95, lower998, upper998, count, denominator,
        valueNote,
        raw.recentTrend === undefined ? null : trend(raw.recentTrend),
        raw.comparedToEngland === undefined ? null : englandComparison(raw.comparedToEngland),
        raw.comparedToParent === undefined ? null : parentComparison(raw.comparedToParent),
        raw.comparedToGoal === undefined ? null : goalText(raw.comparedToGoal),
        raw.newData === undefined ? null : newDataText(raw.newData),
        raw.timePeriodRange === undefined ? null : rangeText(raw.timePeriodRange),
      ),
    };
  };
}
