import type { ChalkInstance } from 'chalk';
import { groupHeading, type Group } from '../catalogue/lookup.js';
import type { ProgressEnvelope, ProgressRow } from '../compute/progress-schema.js';
import { toCsv } from './csv.js';
import { formatValue, wrap } from './format.js';
import { markdownTable } from './markdown.js';
import { plainTable } from './table.js';

const at = (period: string | null, value: number | null): string => (period === null ? '–' : `${formatValue(value)}\n${period}`);

function paint(chalk: ChalkInstance, d: ProgressRow['direction'], derived: boolean): string {
  const text = `${d}${derived ? ' ᵈ' : ''}`;
  return d === 'improved' ? chalk.green(text) : d === 'worsened' ? chalk.red(text) : text;
}

/** Renders progress since the baseline: a summary and a table per principle, then the gaps. */
export function renderProgress(env: ProgressEnvelope, format: 'table' | 'json' | 'csv' | 'md', groups: Group[], chalk: ChalkInstance): string {
  if (format === 'json') return `${JSON.stringify(env, null, 2)}\n`;
  if (format === 'csv') return toCsv(env.indicators as unknown as Record<string, unknown>[]);
  const md = format === 'md';
  const parts: string[] = [md ? `# Progress since ${env.since.latest_period} (${env.since.file})\n` : chalk.bold(`Progress since ${env.since.latest_period} (${env.since.file}) to ${env.current.latest_period}`), ''];
  for (const group of groups) {
    const list = env.indicators.filter((r) => r.principle === group.id);
    if (list.length === 0) continue;
    const summary = env.summary.find((s) => s.principle === group.id)!.text;
    const body = list.map((r) => [`${r.indicator_id} ${r.indicator_name}${md ? ` (${r.area_name}, ${r.sex}, ${r.age})` : `\n${chalk.dim(`${r.area_name} · ${r.sex} · ${r.age}`)}`}`,
      md ? `${formatValue(r.baseline_value)} (${r.baseline_period ?? '–'})` : at(r.baseline_period, r.baseline_value),
      md ? `${formatValue(r.current_value)} (${r.current_period ?? '–'})` : at(r.current_period, r.current_value),
      r.change === null ? '–' : formatValue(r.change),
      md ? `${r.direction}${r.derived ? ' (derived CI)' : ''}` : paint(chalk, r.direction, r.derived)]);
    if (md) {
      parts.push(`## ${groupHeading(group)}\n`, `${summary}\n`, markdownTable(['Indicator', 'Baseline', 'Current', 'Change', 'Direction'], body));
      continue;
    }
    parts.push(chalk.bold(wrap(groupHeading(group), 100)), `${summary}`);
    const t = plainTable(['Indicator', 'Baseline', 'Current', 'Change', 'Direction'], [36, 14, 14, 12, 20]);
    for (const b of body) t.push(b);
    parts.push(t.toString().split('\n').map((l) => l.trimEnd()).join('\n'), '');
  }
  const widened = env.gaps.filter((g) => g.movement === 'widened').length;
  const narrowed = env.gaps.filter((g) => g.movement === 'narrowed').length;
  parts.push(`Gaps measured in both: ${env.gaps.length} (${narrowed} narrowed, ${widened} widened, ${env.gaps.length - narrowed - widened} unchanged or no significant change).`);
  parts.push(md ? '\nDirection: the current value against the baseline by overlapping 95% confidence intervals (Fingertips method 12), judged by polarity.\n'
    : chalk.dim(wrap('Direction: the current value against the baseline by overlapping 95% CIs (Fingertips method 12), judged by polarity; ᵈ: a CI derived from count and denominator.', 100)));
  return `${parts.join('\n')}\n`;
}
