import type { Diagnostic } from '../diagnostics.js';
import { canonicalKey } from '../ingest/headers.js';
import type { IndicatorRow } from '../ingest/row.js';
import { COL, INTS, NUM, NUMBERS, numberOrNull } from '../ingest/row-codec.js';
import { tableOfRows, type RowTable } from '../ingest/row-table.js';
import type { Finding } from './check-schema.js';
import type { IndicatorProfile } from './indicator-profile.js';
import type { Snapshot } from './snapshot-schema.js';
import type { Disagreement } from './verify-schema.js';

/** One expected data point (`--expect`): blank fields match anything. */
export interface Expectation {
  indicatorId: string | null;
  areaCode: string | null;
  period: string | null;
  line: number;
}

const pointKey = (p: { indicator: string; area: string; sex: string; age: string; categoryType: string | null; category: string | null; period: string }): string =>
  [p.indicator, p.area, p.sex, p.age, p.categoryType ?? '', p.category ?? '', p.period].join('\u0001');

const differs = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);

const at = (r: IndicatorRow, code: string, severity: Finding['severity'], column: string | null, message: string): Finding =>
  ({ code, severity, file: r.file, line: r.line, column, message });

/** The data point a finding is about, for its message. */
const what = (r: IndicatorRow): string => `indicator ${r.indicatorId}, ${r.areaCode}, ${r.period.label}`;

/**
 * The row rules of a data refresh: a value outside its own 95% CI, a lower limit above the upper, a
 * proportion outside 0–100, a count above its denominator (proportions), a negative count or
 * denominator. A proportion is an indicator whose catalogue unit is "%" or whose count/denominator
 * × 100 reproduces its values.
 */
export function rowFindings(rows: IndicatorRow[], profileOf: (id: string) => IndicatorProfile): Finding[] {
  return tableRowFindings(tableOfRows(rows), rows.map((_, i) => i), profileOf);
}

/**
 * rowFindings of a table's rows `rows` (row numbers), read from the numbers' column (the rules
 * read no text); a row object is made only for a finding.
 *
 * @example tableRowFindings(table, index.kept, profileOf).length // 0 for a clean extract
 */
export function tableRowFindings(table: RowTable, rows: number[], profileOf: (id: string) => IndicatorProfile): Finding[] {
  const out: Finding[] = [];
  // Rows of one indicator come together: its profile is asked once a run of them.
  let lastId = -1;
  let proportion = false;
  const finding = (i: number, code: string, column: string, message: string): void => {
    const row = table.row(i);
    out.push(at(row, code, 'error', column, `${what(row)}: ${message}`));
  };
  const { ints, numbers: x } = table;
  for (const i of rows) {
    const id = ints[i * INTS + COL.indicatorId]!;
    if (id !== lastId) {
      const p = profileOf(table.strings[id]!);
      lastId = id;
      proportion = p.multiplier === 100 && /proportion|%/i.test(`${p.valueType ?? ''} ${p.unit ?? '%'}`);
    }
    const b = i * NUMBERS;
    const value = numberOrNull(x[b + NUM.value]!), lower95 = numberOrNull(x[b + NUM.lower95]!), upper95 = numberOrNull(x[b + NUM.upper95]!);
    const lower998 = numberOrNull(x[b + NUM.lower998]!), upper998 = numberOrNull(x[b + NUM.upper998]!);
    const count = numberOrNull(x[b + NUM.count]!), denominator = numberOrNull(x[b + NUM.denominator]!);
    if (lower95 !== null && upper95 !== null && lower95 > upper95) finding(i, 'row/lower-above-upper', 'Lower CI 95.0 limit', `lower limit ${lower95} is above the upper ${upper95}`);
    else if (value !== null && lower95 !== null && upper95 !== null && (value < lower95 - 1e-9 * Math.abs(lower95) || value > upper95 + 1e-9 * Math.abs(upper95))) {
      finding(i, 'row/value-outside-ci', 'Value', `value ${value} is outside its own 95% CI ${lower95}–${upper95}`);
    }
    if (lower998 !== null && upper998 !== null && lower998 > upper998) finding(i, 'row/lower-above-upper', 'Lower CI 99.8 limit', `lower 99.8% limit ${lower998} is above the upper ${upper998}`);
    if ((count !== null && count < 0) || (denominator !== null && denominator < 0)) {
      finding(i, 'row/negative-count', count !== null && count < 0 ? 'Count' : 'Denominator', `a count or denominator cannot be negative (${count ?? ''} / ${denominator ?? ''})`);
    }
    if (proportion && value !== null && (value < 0 || value > 100)) finding(i, 'row/proportion-out-of-range', 'Value', `a percentage must lie in 0–100, got ${value}`);
    if (proportion && count !== null && denominator !== null && count > denominator) finding(i, 'row/count-above-denominator', 'Count', `count ${count} is above its denominator ${denominator}`);
  }
  return out;
}

/** Header changes against the snapshot's first input: columns added, removed, or renamed in place. */
export function headerFindings(file: string, columns: string[], snapshotColumns: string[]): Finding[] {
  const out: Finding[] = [];
  const before = new Set(snapshotColumns);
  const now = new Set(columns);
  const removed = snapshotColumns.filter((c) => !now.has(c));
  const added = columns.filter((c) => !before.has(c));
  for (const r of removed) {
    const i = snapshotColumns.indexOf(r);
    const renamed = added.find((a) => columns.indexOf(a) === i || canonicalKey(a) === canonicalKey(r));
    if (renamed) {
      out.push({ code: 'file/column-renamed', severity: 'warning', file, line: 1, column: renamed, message: `column "${r}" is now "${renamed}"` });
      added.splice(added.indexOf(renamed), 1);
    } else out.push({ code: 'file/column-removed', severity: 'warning', file, line: 1, column: r, message: `column "${r}" of the snapshot's extract is gone` });
  }
  for (const a of added) out.push({ code: 'file/column-added', severity: 'warning', file, line: 1, column: a, message: `column "${a}" is new since the snapshot` });
  return out;
}

/**
 * Coverage and revisions against a snapshot, built a block of rows at a time: it holds only the
 * rows of the snapshot's own data points and the sets of indicators, areas and (indicator, period)
 * pairs seen, so a national file can pass through it.
 */
export function snapshotTracker(snapshot: Snapshot): { add: (rows: IndicatorRow[]) => void; findings: (source: string, strict: boolean) => Finding[] } {
  const keyOf = (p: Snapshot['series'][number]): string =>
    pointKey({ indicator: String(p.indicator_id), area: p.area_code, sex: p.sex, age: p.age, categoryType: p.category_type, category: p.category, period: p.period });
  const points = new Set(snapshot.series.map(keyOf));
  const now = new Map<string, IndicatorRow>();
  const indicators = new Set<string>();
  const areas = new Set<string>();
  const pairs = new Set<string>();
  let latest = 0;
  const chosen = new Set(snapshot.options.areas);
  const add = (rows: IndicatorRow[]): void => {
    for (const r of rows) {
      const key = pointKey({ indicator: r.indicatorId, area: r.areaCode, sex: r.sex, age: r.age, categoryType: r.categoryType, category: r.category, period: r.period.label });
      if (points.has(key)) now.set(key, r);
      indicators.add(r.indicatorId);
      areas.add(r.areaCode);
      pairs.add(`${r.indicatorId}\u0001${r.period.label}`);
      if (chosen.has(r.areaCode)) latest = Math.max(latest, r.period.sortable);
    }
  };
  const findings = (source: string, strict: boolean): Finding[] => {
    const out: Finding[] = [];
    const reported = new Set<string>();
    const once = (key: string, f: Finding): void => {
      if (reported.has(key)) return;
      reported.add(key);
      out.push(f);
    };
    let snapshotLatest = 0;
    for (const p of snapshot.series) {
      const id = String(p.indicator_id);
      if (chosen.has(p.area_code)) snapshotLatest = Math.max(snapshotLatest, p.period_sortable);
      if (!indicators.has(id)) {
        once(`i${id}`, { code: 'coverage/missing-indicator', severity: 'error', file: source, line: null, column: 'Indicator ID', message: `indicator ${id} is in the snapshot but not in the data` });
        continue;
      }
      if (!areas.has(p.area_code)) {
        once(`a${p.area_code}`, { code: 'coverage/missing-area', severity: 'error', file: source, line: null, column: 'Area Code', message: `area ${p.area_code} is in the snapshot but not in the data` });
        continue;
      }
      if (!pairs.has(`${id}\u0001${p.period}`)) {
        once(`p${id}|${p.period}`, { code: 'coverage/missing-period', severity: 'error', file: source, line: null, column: 'Time period', message: `indicator ${id} has no ${p.period} any more` });
        continue;
      }
      const r = now.get(keyOf(p));
      if (r && (differs(r.value, p.value) || differs(r.lower95, p.lower_ci_95) || differs(r.upper95, p.upper_ci_95))) {
        out.push(at(r, 'revision/value-changed', strict ? 'error' : 'warning', 'Value',
          `indicator ${id}, ${p.area_code}, ${p.sex}, ${p.age}${p.category ? `, ${p.category}` : ''}, ${p.period}: was ${p.value ?? 'missing'} (${p.lower_ci_95 ?? '–'}–${p.upper_ci_95 ?? '–'}), now ${r.value ?? 'missing'} (${r.lower95 ?? '–'}–${r.upper95 ?? '–'})`));
      }
    }
    if (latest < snapshotLatest) {
      out.push({ code: 'coverage/older-latest-period', severity: 'error', file: source, line: null, column: 'Time period Sortable',
        message: `the latest period in the data (${latest}) is older than the snapshot's (${snapshotLatest})` });
    }
    return out;
  };
  return { add, findings };
}

/**
 * Coverage and revisions against a snapshot: indicators, areas and (indicator, period) pairs the
 * snapshot holds that are missing now (errors), a latest period older than the snapshot's (error),
 * and historical values that changed (warnings, errors with `strict`), listed with old and new values.
 */
export function snapshotFindings(rows: IndicatorRow[], snapshot: Snapshot, source: string, strict: boolean): Finding[] {
  const tracker = snapshotTracker(snapshot);
  tracker.add(rows);
  return tracker.findings(source, strict);
}

/** Expected data points (`--expect`) met by some row, a block of rows at a time. */
export function expectationTracker(expected: Expectation[]): { add: (rows: IndicatorRow[]) => void; findings: (file: string) => Finding[] } {
  const key = (i: string | null, a: string | null, p: string | null): string => `${i ?? '*'}\u0001${a ?? '*'}\u0001${p ?? '*'}`;
  const waiting = new Set(expected.map((e) => key(e.indicatorId, e.areaCode, e.period)));
  const met = new Set<string>();
  const add = (rows: IndicatorRow[]): void => {
    if (met.size === waiting.size) return;
    for (const r of rows) {
      for (const i of [r.indicatorId, null]) for (const a of [r.areaCode, null]) for (const p of [r.period.label, null]) {
        const k = key(i, a, p);
        if (waiting.has(k)) met.add(k);
      }
    }
  };
  const findings = (file: string): Finding[] => expected
    .filter((e) => !met.has(key(e.indicatorId, e.areaCode, e.period)))
    .map((e) => ({
      code: e.period ? 'coverage/missing-period' : e.areaCode ? 'coverage/missing-area' : 'coverage/missing-indicator',
      severity: 'error' as const, file, line: e.line, column: null,
      message: `expected ${[e.indicatorId && `indicator ${e.indicatorId}`, e.areaCode && `area ${e.areaCode}`, e.period && `period ${e.period}`].filter(Boolean).join(', ')}, not in the data`,
    }));
  return { add, findings };
}

/** Expected data points (`--expect`) that no row matches. */
export function expectationFindings(rows: IndicatorRow[], expected: Expectation[], file: string): Finding[] {
  const tracker = expectationTracker(expected);
  tracker.add(rows);
  return tracker.findings(file);
}

/** Reading problems as findings: unreadable fields and conflicting duplicates are errors. */
export function ingestFindings(diagnostics: Diagnostic[]): Finding[] {
  return diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => ({ code: d.code, severity: d.code === 'row/duplicate-conflict' ? 'error' : d.severity === 'error' ? 'error' : 'warning', file: d.file, line: d.line, column: d.column, message: d.message }));
}

/** Published judgements marmot does not reproduce (from verify): warnings, errors with `strict`. */
export function judgementFindings(disagreements: Disagreement[], strict: boolean): Finding[] {
  return disagreements.map((d) => ({
    code: 'judgement/not-reproduced', severity: strict ? 'error' : 'warning', file: d.source.file, line: d.source.line, column: d.judgement === 'trend' ? 'Recent Trend' : d.judgement === 'england' ? 'Compared to England value or percentiles' : 'Compared to parent',
    message: `indicator ${d.indicator_id}, ${d.area_code}, ${d.period}: ${d.judgement} published "${d.published}", marmot computes "${d.computed}"`,
  }));
}
