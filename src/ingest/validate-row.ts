import { geographyLevel } from '../normalise/area.js';
import { normaliseComparison, normaliseTrend } from '../normalise/labels.js';
import { PERIOD_EXAMPLES, parseTimePeriod, type TimePeriod } from '../normalise/time-period.js';
import { cleanNote, cleanText, parseNumber, type ParsedNumber } from '../normalise/values.js';
import type { Field } from './headers.js';
import type { IndicatorRow } from './row.js';
import type { RawRow } from './row-schema.js';

/** A validated row, or the first problem in the order RawRowSchema reports it. */
export type Validated = { ok: true; row: IndicatorRow } | { ok: false; field: Field; message: string };

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

const REQUIRED: Partial<Record<Field, string>> = { indicatorId: 'an indicator ID', areaCode: 'an area code', timePeriod: 'a time period' };

/**
 * A row validator equal to `RawRowSchema.safeParse` (zod, the reference), for files of millions of
 * rows: the same field functions (cleanText, parseNumber, parseTimePeriod, the label normalisers),
 * the same first problem and message, but without zod's per-row object machinery, and with each
 * field's distinct strings remembered (Fingertips repeats names, areas, periods and labels on every
 * row). A property test (test/ingest/validate-row.test.ts) holds it equal to the schema. Rows with
 * the same period share one (read-only) period object. The row carries its file and line.
 *
 * @example createRowValidator()({ indicatorId: '90366', areaCode: 'E06000032', timePeriod: '2019', value: '80.1' }, 'x.csv', 2).ok // true
 */
export function createRowValidator(): (raw: RawRow, file: string, line: number) => Validated {
  const text = memo(cleanText);
  const note = memo(cleanNote);
  const trend = memo((s: string) => normaliseTrend(cleanText(s)));
  const comparison = memo((s: string) => normaliseComparison(cleanText(s)));
  const level = memo(geographyLevel);
  const period = memo(parseTimePeriod);
  const periods = new Map<string, TimePeriod>();
  const required = (raw: RawRow, field: Field): string | { ok: false; field: Field; message: string } => {
    const s = raw[field];
    if (s === undefined) return { ok: false, field, message: `expected ${REQUIRED[field]}` };
    const t = text(s);
    return t === null ? { ok: false, field, message: `expected ${REQUIRED[field]}, got a blank` } : t;
  };
  const NUMERIC = ['timePeriodSortable', 'value', 'lower95', 'upper95', 'lower998', 'upper998', 'count', 'denominator'] as const;
  return (raw, file, line) => {
    const indicatorId = required(raw, 'indicatorId');
    if (typeof indicatorId !== 'string') return indicatorId;
    const areaCode = required(raw, 'areaCode');
    if (typeof areaCode !== 'string') return areaCode;
    const timePeriod = required(raw, 'timePeriod');
    if (typeof timePeriod !== 'string') return timePeriod;
    const numbers: Partial<Record<(typeof NUMERIC)[number], ParsedNumber & { ok: true }>> = {};
    for (const field of NUMERIC) {
      const s = raw[field] ?? '';
      const parsed = parseNumber(s);
      if (!parsed.ok) return { ok: false, field, message: `expected a number or a blank, got "${raw[field]}"` };
      numbers[field] = parsed;
    }
    const sortable = numbers.timePeriodSortable!.value;
    const parsed = period(timePeriod);
    if (!parsed && sortable === null) return { ok: false, field: 'timePeriod', message: `expected a period such as ${PERIOD_EXAMPLES}, got "${timePeriod}"` };
    const periodKey = `${timePeriod}\u0001${sortable}`;
    let shared = periods.get(periodKey);
    if (!shared) {
      shared = parsed
        ? { ...parsed, sortable: sortable ?? parsed.sortable }
        : { label: timePeriod, sortable: sortable as number, startYear: Math.floor((sortable as number) / 10000), years: 0, kind: 'other' as const };
      if (periods.size >= MEMO_LIMIT) periods.clear();
      periods.set(periodKey, shared);
    }
    const value = numbers.value!;
    const valueNote = raw.valueNote === undefined ? null : note(raw.valueNote);
    const t = (f: Field): string | null => (raw[f] === undefined ? null : text(raw[f]!));
    return {
      ok: true,
      row: {
        file,
        line,
        indicatorId,
        indicatorName: t('indicatorName') ?? `Indicator ${indicatorId}`,
        parentCode: t('parentCode'),
        parentName: t('parentName'),
        areaCode,
        areaName: t('areaName') ?? areaCode,
        areaType: t('areaType'),
        level: level(areaCode),
        sex: t('sex') ?? 'Persons',
        age: t('age') ?? 'All ages',
        categoryType: t('categoryType'),
        category: t('category'),
        period: shared,
        value: value.value,
        missingReason: value.value === null ? (valueNote ?? value.missing) : null,
        lower95: numbers.lower95!.value,
        upper95: numbers.upper95!.value,
        lower998: numbers.lower998!.value,
        upper998: numbers.upper998!.value,
        count: numbers.count!.value,
        denominator: numbers.denominator!.value,
        valueNote,
        recentTrend: raw.recentTrend === undefined ? null : trend(raw.recentTrend),
        comparedToEngland: raw.comparedToEngland === undefined ? null : comparison(raw.comparedToEngland),
        comparedToParent: raw.comparedToParent === undefined ? null : comparison(raw.comparedToParent),
        comparedToGoal: t('comparedToGoal'),
        newData: t('newData'),
        timePeriodRange: t('timePeriodRange'),
      },
    };
  };
}
