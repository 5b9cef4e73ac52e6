import { z } from 'zod';
import { geographyLevel } from '../normalise/area.js';
import { normaliseComparison, normaliseTrend } from '../normalise/labels.js';
import { PERIOD_EXAMPLES, parseTimePeriod } from '../normalise/time-period.js';
import { cleanNote, cleanText, parseNumber } from '../normalise/values.js';
import type { Field } from './headers.js';
import type { IndicatorRow } from './row.js';

const numeric = z.string().optional().transform((s, ctx) => {
  const parsed = parseNumber(s ?? '');
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `expected a number or a blank, got "${s}"` });
    return z.NEVER;
  }
  return parsed;
});

const text = z.string().optional().transform((s) => cleanText(s));

const required = (what: string) =>
  z.string({ error: `expected ${what}` }).transform((s, ctx) => {
    const t = cleanText(s);
    if (t === null) {
      ctx.addIssue({ code: 'custom', message: `expected ${what}, got a blank` });
      return z.NEVER;
    }
    return t;
  });

/**
 * The boundary check of one data row: the raw strings of the matched columns in, a typed
 * IndicatorRow out. Issues carry the field as their path, so messages can name the column.
 */
export const RawRowSchema = z
  .object({
    indicatorId: required('an indicator ID'),
    indicatorName: text,
    parentCode: text,
    parentName: text,
    areaCode: required('an area code'),
    areaName: text,
    areaType: text,
    sex: text,
    age: text,
    categoryType: text,
    category: text,
    timePeriod: required('a time period'),
    timePeriodSortable: numeric,
    value: numeric,
    lower95: numeric,
    upper95: numeric,
    lower998: numeric,
    upper998: numeric,
    count: numeric,
    denominator: numeric,
    valueNote: z.string().optional().transform((s) => cleanNote(s)),
    recentTrend: text,
    comparedToEngland: text,
    comparedToParent: text,
    comparedToGoal: text,
    newData: text,
    timePeriodRange: text,
  })
  .transform((r, ctx) => {
    const parsed = parseTimePeriod(r.timePeriod);
    const sortable = r.timePeriodSortable.value;
    if (!parsed && sortable === null) {
      ctx.addIssue({ code: 'custom', path: ['timePeriod'], message: `expected a period such as ${PERIOD_EXAMPLES}, got "${r.timePeriod}"` });
      return z.NEVER;
    }
    const period = parsed
      ? { ...parsed, sortable: sortable ?? parsed.sortable }
      : { label: r.timePeriod, sortable: sortable as number, startYear: Math.floor((sortable as number) / 10000), years: 0, kind: 'other' as const };
    const row: Omit<IndicatorRow, 'file' | 'line'> = {
      indicatorId: r.indicatorId,
      indicatorName: r.indicatorName ?? `Indicator ${r.indicatorId}`,
      parentCode: r.parentCode,
      parentName: r.parentName,
      areaCode: r.areaCode,
      areaName: r.areaName ?? r.areaCode,
      areaType: r.areaType,
      level: geographyLevel(r.areaCode),
      sex: r.sex ?? 'Persons',
      age: r.age ?? 'All ages',
      categoryType: r.categoryType,
      category: r.category,
      period,
      value: r.value.value,
      missingReason: r.value.value === null ? (r.valueNote ?? r.value.missing) : null,
      lower95: r.lower95.value,
      upper95: r.upper95.value,
      lower998: r.lower998.value,
      upper998: r.upper998.value,
      count: r.count.value,
      denominator: r.denominator.value,
      valueNote: r.valueNote,
      recentTrend: normaliseTrend(r.recentTrend),
      comparedToEngland: normaliseComparison(r.comparedToEngland),
      comparedToParent: normaliseComparison(r.comparedToParent),
      comparedToGoal: r.comparedToGoal,
      newData: r.newData,
      timePeriodRange: r.timePeriodRange,
    };
    return row;
  });

export type RawRow = Partial<Record<Field, string>>;
