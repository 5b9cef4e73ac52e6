import type { ChalkInstance } from 'chalk';
import { groupHeading, type Group } from '../catalogue/lookup.js';
import type { Gap, GapsEnvelope } from '../compute/gaps-schema.js';
import { toCsv } from './csv.js';
import { wrap } from './format.js';
import { markdownTable } from './markdown.js';
import { plainTable } from './table.js';

function gapLabel(g: Gap): string {
  switch (g.kind) {
    case 'deprivation': return g.measure === 'sii' ? `Deprivation: SII (${g.sii!.quantiles} groups)` : 'Deprivation: most − least';
    case 'sex': return 'Male − Female';
    case 'ethnicity': return g.measure === 'range' ? 'Ethnic groups: range' : `${g.group_a.label} − all`;
    case 'age': return `${g.group_a.label} − ${g.group_b?.label}`;
    case 'england': return 'vs England';
    case 'parent': return `vs ${g.group_b?.label ?? 'parent'}`;
    case 'rank': return 'Rank among areas';
    case 'within-area': return 'Within the area: range';
  }
}

/** A gap with its CI, every number to the same decimals (fewer for large values). */
function withCi(v: number | null, lo: number | null, hi: number | null): string {
  if (v === null) return '–';
  const largest = Math.max(...[v, lo, hi].filter((x): x is number => x !== null).map(Math.abs));
  const digits = largest >= 100 ? 0 : largest >= 1 ? 1 : largest >= 0.1 ? 2 : 3;
  const f = (x: number) => (Object.is(Number(x.toFixed(digits)), -0) ? 0 : x).toFixed(digits).replace('-', '−');
  return lo === null || hi === null ? f(v) : `${f(v)} (${f(lo)} to ${f(hi)})`;
}

function valueCell(g: Gap): string {
  if (g.measure === 'sii' && g.sii) return withCi(g.sii.sii, g.sii.sii_lower_ci_95, g.sii.sii_upper_ci_95);
  if (g.measure === 'rank' && g.rank) return `${g.rank.rank} of ${g.rank.of}`;
  return withCi(g.difference, g.difference_lower_ci_95, g.difference_upper_ci_95);
}

const overTime = (g: Gap): string => (g.over_time ? `${g.over_time.movement} since ${g.over_time.earliest_period}` : '–');

function paint(chalk: ChalkInstance, text: string): string {
  if (/^worse|\bworse\b/.test(text)) return chalk.red(text);
  if (/^better|\bbetter\b/.test(text)) return chalk.green(text);
  return text;
}


/** Renders the gaps envelope: a table per principle (one line per gap), JSON, CSV or Markdown. */
export function renderGaps(env: GapsEnvelope, format: 'table' | 'json' | 'csv' | 'md', groups: Group[], chalk: ChalkInstance): string {
  if (format === 'json') return `${JSON.stringify(env, null, 2)}\n`;
  if (format === 'csv') return toCsv(env.gaps.map(({ sources, ...g }) => ({ ...g, sources: sources.map((s) => `${s.file}:${s.line}`).join(' ') })));
  const parts: string[] = [];
  for (const group of groups) {
    const list = env.gaps.filter((g) => g.principle === group.id);
    if (list.length === 0) continue;
    const who = (g: Gap) => `${g.indicator_id} ${g.indicator_name}`;
    const sub = (g: Gap) => `${g.area_name} · ${g.sex} · ${g.age}`;
    if (format === 'md') {
      parts.push(`## ${groupHeading(group)}\n`, markdownTable(['Indicator', 'Area · sex · age', 'Gap', 'Period', 'Value (95% CI)', 'Direction', 'Over time'],
        list.map((g) => [who(g), sub(g), gapLabel(g), g.period, valueCell(g), g.direction, overTime(g)])));
      continue;
    }
    parts.push(chalk.bold(wrap(groupHeading(group), 100)));
    const t = plainTable(['Indicator', 'Gap', 'Value (95% CI)', 'Direction', 'Over time'], [28, 20, 17, 20, 12]);
    for (const g of list) t.push([`${who(g)}\n${chalk.dim(sub(g))}`, `${gapLabel(g)}\n${chalk.dim(g.period)}`, valueCell(g), paint(chalk, g.direction), overTime(g)]);
    parts.push(t.toString().split('\n').map((l) => l.trimEnd()).join('\n'), '');
  }
  if (env.gaps.length === 0) parts.push('No gap can be measured from these rows.');
  if (format === 'md') parts.push("Differences of independent estimates use SE = (upper − lower)/3.92 (derived by marmot); SII and RII by PHEindicatormethods' method with simulated limits.\n");
  else parts.push(chalk.dim(wrap('Value: the SII (slope index of inequality), the difference group A − group B, or the rank; CIs of differences are derived by marmot.', 100)));
  return `${parts.join('\n')}\n`;
}
