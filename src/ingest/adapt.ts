import type { SourceSpec } from '../config/schema.js';
import { InputError } from '../errors.js';
import { parseTimePeriod } from '../normalise/time-period.js';
import { canonicalKey, EXPECTED_COLUMNS, matchHeader, type Field, type HeaderMatch } from './headers.js';
import type { RawRow } from './row-schema.js';

/** A record turned into raw rows (a wide row gives one per period), or a reason it cannot be. */
export type Adapted = { raw: RawRow } | { error: { column: string | null; reason: string; message: string } };

export interface Adapter {
  header: HeaderMatch;
  adapt: (fields: string[]) => Adapted[];
}

export interface Resolvers {
  /** The area code for an area name (from the areas lookup); null when unknown. */
  areaCode?: (name: string) => string | null;
  /** The indicator ID for an indicator name (catalogue or config); null when unknown. */
  indicatorId?: (name: string) => string | null;
  /** The parent of an area (from the areas lookup), for tables that do not give it. */
  parentCode?: (code: string) => string | null;
}

const CONFIG_FIELD: Record<string, Field> = {
  indicator_id: 'indicatorId', indicator_name: 'indicatorName', area_code: 'areaCode', area_name: 'areaName', period: 'timePeriod',
  value: 'value', lower_ci_95: 'lower95', upper_ci_95: 'upper95', lower_ci_99_8: 'lower998', upper_ci_99_8: 'upper998', count: 'count',
  denominator: 'denominator', sex: 'sex', age: 'age', category_type: 'categoryType', category: 'category', value_note: 'valueNote',
};

const NUMERIC: readonly Field[] = ['value', 'lower95', 'upper95', 'lower998', 'upper998', 'count', 'denominator'];

/** The adapter for a Fingertips extract: columns by name, one raw row per record. */
function fingertipsAdapter(name: string, fields: string[]): Adapter {
  const header = matchHeader(fields);
  if (header.missing.length > 0) {
    const labels: Partial<Record<Field, string>> = { indicatorId: 'Indicator ID', areaCode: 'Area Code', timePeriod: 'Time period', value: 'Value' };
    throw new InputError(
      `${name}:1: the header is not a Fingertips extract: no ${header.missing.map((f) => labels[f] ?? f).join(', ')} column`,
      `expected columns: ${EXPECTED_COLUMNS} — or describe the table in marmot.config.json (see README, "Local tables")`,
    );
  }
  return { header, adapt: fingertipsRaw(header.columns) };
}

/**
 * The raw row of a Fingertips record, built as one object literal of a fixed shape (a loop of
 * keyed stores cost ~2 µs a record, a tenth of a national file's reading time). An absent column,
 * or a record too short to hold it, gives undefined, as the schema's optional fields expect.
 */
function fingertipsRaw(columns: Partial<Record<Field, number>>): (record: string[]) => Adapted[] {
  const c = (field: Field): number => columns[field] ?? -1;
  const [id, name, parentCode, parentName, areaCode, areaName, areaType, sex, age, categoryType, category, period, sortable, value, lower95, upper95, lower998, upper998, count, denominator, note, trend, england, parent, goal, newData, range] = ([
    'indicatorId', 'indicatorName', 'parentCode', 'parentName', 'areaCode', 'areaName', 'areaType', 'sex', 'age', 'categoryType', 'category', 'timePeriod',
    'timePeriodSortable', 'value', 'lower95', 'upper95', 'lower998', 'upper998', 'count', 'denominator', 'valueNote', 'recentTrend', 'comparedToEngland',
    'comparedToParent', 'comparedToGoal', 'newData', 'timePeriodRange',
  ] as const).map(c) as number[];
  return (r) => {
    const raw: Record<Field, string | undefined> = {
      indicatorId: r[id!], indicatorName: r[name!], parentCode: r[parentCode!], parentName: r[parentName!], areaCode: r[areaCode!], areaName: r[areaName!],
      areaType: r[areaType!], sex: r[sex!], age: r[age!], categoryType: r[categoryType!], category: r[category!], timePeriod: r[period!],
      timePeriodSortable: r[sortable!], value: r[value!], lower95: r[lower95!], upper95: r[upper95!], lower998: r[lower998!], upper998: r[upper998!],
      count: r[count!], denominator: r[denominator!], valueNote: r[note!], recentTrend: r[trend!], comparedToEngland: r[england!],
      comparedToParent: r[parent!], comparedToGoal: r[goal!], newData: r[newData!], timePeriodRange: r[range!],
    };
    return [{ raw: raw as RawRow }];
  };
}

/**
 * The adapter for a local table described in the config: its own column names, long or wide
 * (one column per period), its suppression tokens, and area or indicator names resolved to codes.
 */
function configAdapter(name: string, fields: string[], spec: SourceSpec, resolve: Resolvers): Adapter {
  const names = fields.map((f) => f.replace(/^\uFEFF/, '').trim());
  const find = (column: string): number => {
    const exact = names.indexOf(column);
    return exact >= 0 ? exact : names.findIndex((n) => canonicalKey(n) === canonicalKey(column));
  };
  const columns: Partial<Record<Field, number>> = {};
  for (const [configField, column] of Object.entries(spec.columns)) {
    const i = find(column!);
    if (i < 0) throw new InputError(`${name}:1: no column "${column}" (sources.columns.${configField} in the config); the header has: ${names.join(', ')}`);
    columns[CONFIG_FIELD[configField]!] = i;
  }
  const periodColumns = spec.shape === 'wide'
    ? (spec.periods ?? names.filter((n) => parseTimePeriod(n) !== null)).map((p) => {
      const i = find(p);
      if (i < 0) throw new InputError(`${name}:1: no period column "${p}" (sources.periods in the config)`);
      return { label: names[i]!, index: i };
    })
    : [];
  const missing: string[] = [];
  if (spec.shape === 'wide' && periodColumns.length === 0) missing.push('period columns (headers such as 2019 or 2019/20, or sources.periods)');
  if (spec.shape === 'long' && columns.timePeriod === undefined) missing.push('period');
  if (spec.shape === 'long' && columns.value === undefined) missing.push('value');
  if (columns.indicatorId === undefined && columns.indicatorName === undefined && !spec.indicator) missing.push('indicator_id or indicator_name (or sources.indicator)');
  if (columns.areaCode === undefined && columns.areaName === undefined) missing.push('area_code or area_name');
  if (missing.length > 0) throw new InputError(`${name}: the config's source for this file lacks ${missing.join(', ')}`);
  const header: HeaderMatch = { columns, names, parentComparisonColumn: null, dialect: `config-${spec.shape}`, missing: [], unknown: [] };
  const tokens = new Map(Object.entries(spec.suppression ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const entries = Object.entries(columns) as [Field, number][];

  const base = (record: string[]): Adapted => {
    const raw: RawRow = {};
    for (const [field, index] of entries) {
      const v = record[index];
      if (v !== undefined) raw[field] = v;
    }
    if (spec.indicator?.id && raw.indicatorId === undefined) raw.indicatorId = spec.indicator.id;
    if (spec.indicator?.name && raw.indicatorName === undefined) raw.indicatorName = spec.indicator.name;
    if (raw.indicatorId === undefined || raw.indicatorId.trim() === '') {
      const n = raw.indicatorName?.trim() ?? '';
      raw.indicatorId = n === '' ? '' : (resolve.indicatorId?.(n) ?? n);
    }
    if (raw.areaCode === undefined || raw.areaCode.trim() === '') {
      const n = raw.areaName?.trim() ?? '';
      const code = n === '' ? null : resolve.areaCode?.(n) ?? null;
      if (code === null) {
        return { error: { column: spec.columns.area_name ?? null, reason: 'unknown-area', message: `area "${n}" is not in the areas lookup (areas.lookup in the config)` } };
      }
      raw.areaCode = code;
    }
    if ((raw.parentCode === undefined || raw.parentCode.trim() === '') && resolve.parentCode) {
      const parent = resolve.parentCode(raw.areaCode.trim());
      if (parent) raw.parentCode = parent;
    }
    if (raw.sex === undefined && spec.sex) raw.sex = spec.sex;
    if (raw.age === undefined && spec.age) raw.age = spec.age;
    return { raw };
  };
  const suppress = (raw: RawRow): RawRow => {
    for (const f of NUMERIC) {
      const v = raw[f]?.trim().toLowerCase();
      if (v === undefined || !tokens.has(v)) continue;
      if (f === 'value' && !raw.valueNote?.trim()) raw.valueNote = `${tokens.get(v)} (${raw[f]!.trim()})`;
      raw[f] = '';
    }
    return raw;
  };
  return {
    header,
    adapt: (record) => {
      const b = base(record);
      if ('error' in b) return [b];
      if (spec.shape === 'long') return [{ raw: suppress(b.raw) }];
      return periodColumns.map(({ label, index }) => ({ raw: suppress({ ...b.raw, timePeriod: label, value: record[index] ?? '' }) }));
    },
  };
}

/** The adapter for a file: the config's description when one is given, else Fingertips' columns. */
export function adapterFor(name: string, fields: string[], spec: SourceSpec | null, resolve: Resolvers = {}): Adapter {
  return spec ? configAdapter(name, fields, spec, resolve) : fingertipsAdapter(name, fields);
}
