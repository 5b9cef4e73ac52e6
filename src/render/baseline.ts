import type { ChalkInstance } from 'chalk';
import { groupHeading, type Group } from '../catalogue/lookup.js';
import type { BaselineEnvelope, BaselineRow, Benchmark } from '../compute/baseline-schema.js';
import { toCsv } from './csv.js';
import { formatValue, formatWithCi, wrap } from './format.js';
import { markdownTable } from './markdown.js';
import { plainTable } from './table.js';

export type Format = 'table' | 'json' | 'csv' | 'md';

const TREND_SHORT: Record<string, string> = {
  'Increasing and getting better': 'Up, better',
  'Increasing and getting worse': 'Up, worse',
  'Decreasing and getting better': 'Down, better',
  'Decreasing and getting worse': 'Down, worse',
  Increasing: 'Up',
  Decreasing: 'Down',
  'No significant change': 'No change',
  'Cannot be calculated': '–',
};

function paint(chalk: ChalkInstance, label: string): string {
  if (label === 'Better') return chalk.green(label);
  if (label === 'Worse') return chalk.red(label);
  if (label === 'Similar') return chalk.yellow(label);
  if (label === 'Higher' || label === 'Lower') return chalk.blue(label);
  return label;
}

function trendPaint(chalk: ChalkInstance, text: string): string {
  if (text.endsWith('better')) return chalk.green(text);
  if (text.endsWith('worse')) return chalk.red(text);
  return text;
}

/** A footnote for each published judgement marmot does not reproduce. */
function disagreements(r: BaselineRow): string[] {
  const notes: string[] = [];
  const who = `${r.indicator_id} ${r.area_name} ${r.sex}, ${r.age}, ${r.period}`;
  if (r.england.agrees === false) notes.push(`${who}: vs England marmot ${r.england.computed}, Fingertips published ${r.england.published}`);
  if (r.parent.agrees === false) notes.push(`${who}: vs ${r.parent.area_name ?? r.parent.area_code} marmot ${r.parent.computed}, Fingertips published ${r.parent.published}`);
  if (r.trend.agrees === false) notes.push(`${who}: trend marmot "${r.trend.computed}", Fingertips published "${r.trend.published}"`);
  return notes;
}

/** A short word for the table; the full reason is in JSON, CSV and Markdown. */
const shortReason = (reason: string | null): string =>
  reason === null ? 'missing' : /suppress/i.test(reason) ? 'suppressed' : /combined/i.test(reason) ? 'combined' : 'missing';

const benchCell = (b: Benchmark, chalk: ChalkInstance, plain: boolean): string => {
  const mark = (b.derived ? 'ᵈ' : '') + (b.agrees === false ? '*' : '');
  const label = b.computed === 'Not compared' ? 'n/c' : b.computed;
  return `${formatValue(b.value)}${plain ? ' ' : '\n'}${plain ? label : paint(chalk, label)}${mark}`;
};

function byGroup(rows: BaselineRow[], groups: Group[]): [Group, BaselineRow[]][] {
  return groups
    .map((g): [Group, BaselineRow[]] => [g, rows.filter((r) => r.principle === g.id)])
    .filter(([, list]) => list.length > 0);
}




function renderTable(env: BaselineEnvelope, groups: Group[], chalk: ChalkInstance): string {
  const parts: string[] = [];
  const notes: string[] = [];
  const parentName = env.rows.some((r) => r.parent.area_code?.startsWith('E12')) ? 'Region' : 'Parent';
  for (const [group, list] of byGroup(env.rows, groups)) {
    parts.push(chalk.bold(wrap(groupHeading(group), 100)));
    const table = plainTable(['Indicator', 'Period', 'Value (95% CI)', 'England', parentName, 'Trend'], [34, 10, 18, 11, 11, 11]);
    for (const r of list) {
      notes.push(...disagreements(r));
      const trendMark = r.trend.agrees === false ? '*' : '';
      table.push([
        `${r.indicator_id} ${r.indicator_name}\n${chalk.dim(`${r.area_name} · ${r.sex} · ${r.age}`)}`,
        r.period,
        r.value === null ? `– ${chalk.dim(shortReason(r.missing_reason))}` : formatWithCi(r.value, r.lower_ci_95, r.upper_ci_95),
        benchCell(r.england, chalk, false),
        benchCell(r.parent, chalk, false),
        trendPaint(chalk, TREND_SHORT[r.trend.computed] ?? r.trend.computed) + trendMark,
      ]);
    }
    parts.push(table.toString().split('\n').map((l) => l.trimEnd()).join('\n'), '');
  }
  if (env.rows.length === 0) parts.push('No indicator rows for the chosen areas, period and principles.', '');
  parts.push(chalk.dim(wrap("England, Region: the benchmark's value and the comparison with it, recomputed by Fingertips' method (n/c: not compared).", 100)));
  if (notes.length > 0) {
    parts.push(`* differs from the judgement Fingertips published (${notes.length}):`);
    for (const n of notes) parts.push(wrap(`  ${n}`, 100).replace(/\n/g, '\n    '));
  }
  return `${parts.join('\n')}\n`;
}

function renderMarkdown(env: BaselineEnvelope, groups: Group[]): string {
  const parts: string[] = [`# Baseline: ${[...new Set(env.rows.map((r) => r.area_name))].join(', ') || 'no rows'}`, ''];
  const notes: string[] = [];
  for (const [group, list] of byGroup(env.rows, groups)) {
    parts.push(`## ${groupHeading(group)}`, '');
    parts.push(markdownTable(
      ['Indicator', 'Area', 'Sex', 'Age', 'Period', 'Value (95% CI)', 'England', 'vs England', 'Parent', 'vs parent', 'Trend'],
      list.map((r) => {
        notes.push(...disagreements(r));
        return [
          `${r.indicator_id} ${r.indicator_name}`, r.area_name, r.sex, r.age, r.period,
          r.value === null ? `– (${r.missing_reason ?? 'missing'})` : formatWithCi(r.value, r.lower_ci_95, r.upper_ci_95),
          formatValue(r.england.value), r.england.computed + (r.england.agrees === false ? ' *' : ''),
          formatValue(r.parent.value), r.parent.computed + (r.parent.agrees === false ? ' *' : ''),
          r.trend.computed + (r.trend.agrees === false ? ' *' : ''),
        ];
      }),
    ));
  }
  if (notes.length > 0) parts.push('\\* differs from the judgement Fingertips published:', '', ...notes.map((n) => `- ${n}`), '');
  parts.push('## Notes on method and sources', '',
    "- Comparisons and trends are recomputed by Fingertips' methods (compared with England: the England value inside the area's 95% CI is Similar; recent trend: chi-squared test for trend over the last five points). Inequality gaps: `marmot gaps` or `marmot report --format md`.",
    `- Sources: ${env.inputs.map((i) => `${i.file} (${i.dialect}, ${i.rows_read} rows)`).join('; ')}. Data: Fingertips (OHID), Open Government Licence v3.0.`,
    `- marmot ${env.marmot.version}, catalogue ${env.marmot.catalogue}.`, '');
  return parts.join('\n');
}

/** Renders a baseline envelope in one of the formats. */
export function renderBaseline(env: BaselineEnvelope, format: Format, groups: Group[], chalk: ChalkInstance): string {
  switch (format) {
    case 'json': return `${JSON.stringify(env, null, 2)}\n`;
    case 'csv': return toCsv(env.rows as unknown as Record<string, unknown>[], env.rows.length === 0 ? CSV_COLUMNS : undefined);
    case 'md': return renderMarkdown(env, groups);
    case 'table': return renderTable(env, groups, chalk);
  }
}

/**
 * The flattened CSV header (the row schema's fields, nested ones as parent_child), used when there
 * is no row to take it from. Written out so that rendering does not load zod (~50 ms of start-up);
 * test/render/baseline-csv.test.ts holds it equal to BaselineRowSchema.
 */
export const CSV_COLUMNS = [
  'principle', 'indicator_id', 'indicator_name', 'mapped', 'area_code', 'area_name', 'area_type', 'period', 'period_sortable', 'sex', 'age',
  'value', 'lower_ci_95', 'upper_ci_95', 'lower_ci_99_8', 'upper_ci_99_8', 'count', 'denominator', 'value_note', 'missing_reason', 'polarity',
  'polarity_source', 'value_type', 'unit', 'comparison_method', 'comparison_confidence', 'comparison_source', 'matched_by', 'derived_ci',
  'england_area_code', 'england_area_name', 'england_value', 'england_lower_ci_95', 'england_upper_ci_95', 'england_computed',
  'england_computed_outcome', 'england_published', 'england_agrees', 'england_status', 'england_derived', 'parent_area_code',
  'parent_area_name', 'parent_value', 'parent_lower_ci_95', 'parent_upper_ci_95', 'parent_computed', 'parent_computed_outcome',
  'parent_published', 'parent_agrees', 'parent_status', 'parent_derived', 'trend_computed', 'trend_published', 'trend_agrees', 'trend_status',
  'trend_derived', 'trend_method', 'trend_points', 'trend_chi_square', 'trend_slope', 'trend_reason', 'source_file', 'source_line',
];
