import type { ChalkInstance } from 'chalk';
import type { Tally, VerifyEnvelope } from '../compute/verify-schema.js';
import { formatValue } from './format.js';
import { plainTable } from './table.js';

const checked = (t: Tally): number => t.agrees + t.differs;
const cell = (t: Tally): string => (checked(t) === 0 && t.inputs_missing === 0 ? '–' : `${t.agrees}/${checked(t)}${t.inputs_missing ? ` (+${t.inputs_missing}?)` : ''}`);

/** The verify report: per indicator, reproduced/checked for each judgement; then every disagreement. */
export function renderVerify(env: VerifyEnvelope, format: 'table' | 'json', chalk: ChalkInstance): string {
  if (format === 'json') return `${JSON.stringify(env, null, 2)}\n`;
  const t = plainTable(['Indicator', 'Method', 'England', 'Parent', 'Trend'], [44, 14, 13, 13, 13]);
  for (const i of env.indicators) {
    t.push([`${i.indicator_id} ${i.indicator_name}`, `${i.comparison_method} at ${i.comparison_confidence === 0.95 ? '95' : '99.8'}%\n${chalk.dim(i.comparison_source)}`,
      cell(i.england), cell(i.parent), cell(i.trend)]);
  }
  const lines = [t.toString().split('\n').map((l) => l.trimEnd()).join('\n'), ''];
  const { england, parent, trend } = env.totals;
  const all = [england, parent, trend];
  const agreed = all.reduce((s, x) => s + x.agrees, 0);
  const total = all.reduce((s, x) => s + checked(x), 0);
  const missing = all.reduce((s, x) => s + x.inputs_missing, 0);
  lines.push(`Reproduced ${agreed.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} published judgements `
    + `(England ${england.agrees}/${checked(england)}, parent ${parent.agrees}/${checked(parent)}, trend ${trend.agrees}/${checked(trend)}).`);
  if (missing > 0) lines.push(`${missing.toLocaleString('en-GB')} (shown as +N?) could not be checked: the extract lacks their inputs (benchmark rows, CIs, or earlier periods).`);
  if (env.disagreements.length > 0) {
    lines.push('', chalk.bold(`Disagreements (${env.disagreements.length}):`));
    for (const d of env.disagreements) {
      const cohort = d.category ? `, ${d.category}` : '';
      const what = d.judgement === 'trend'
        ? `χ² ${d.inputs.chi_square === null ? '–' : formatValue(d.inputs.chi_square as number)}, slope ${d.inputs.slope === null ? '–' : formatValue(d.inputs.slope as number)}, ${d.inputs.method} method`
        : `value ${formatValue(d.inputs.value as number | null)} (95% CI ${formatValue(d.inputs.lower_ci_95 as number | null)}–${formatValue(d.inputs.upper_ci_95 as number | null)}), benchmark ${formatValue(d.inputs.benchmark_value as number | null)}, method ${d.inputs.method}, ${d.inputs.polarity}`;
      lines.push(`${d.source.file}:${d.source.line}: ${d.indicator_id} ${d.area_code} ${d.sex}, ${d.age}${cohort}, ${d.period}: ${d.judgement}: marmot ${chalk.red(d.computed)}, published ${d.published} — ${what}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
