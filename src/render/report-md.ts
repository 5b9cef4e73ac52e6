import { groupHeading } from '../catalogue/lookup.js';
import { formatValue, formatWithCi } from './format.js';
import type { ReportDocument } from './html/report.js';
import { markdownTable } from './markdown.js';

/** The report as a Markdown document for an evaluation report: a table per principle, the gaps, notes on method and sources. */
export function renderReportMarkdown(doc: ReportDocument): string {
  const parts = [`# Marmot baseline: ${doc.area.name} (${doc.area.code})`, '', `Latest period ${doc.period}.${doc.since ? ` Change since ${doc.since.period}.` : ''}`, ''];
  for (const g of doc.groups) {
    const list = doc.indicators.filter((i) => i.row.principle === g.id);
    if (list.length === 0) continue;
    parts.push(`## ${groupHeading(g)}`, '', markdownTable(
      ['Indicator', 'Sex · age', 'Period', 'Value (95% CI)', 'England', 'vs England', 'Trend', ...(doc.since ? ['Since baseline'] : [])],
      list.map(({ row: r, change }) => [`${r.indicator_id} ${r.indicator_name}`, `${r.sex} · ${r.age}`, r.period,
        r.value === null ? `– (${r.missing_reason ?? 'missing'})` : formatWithCi(r.value, r.lower_ci_95, r.upper_ci_95),
        formatValue(r.england.value), r.england.computed, r.trend.computed, ...(doc.since ? [change ? change.direction : '–'] : [])]),
    ));
  }
  const gaps = doc.gaps.filter((g) => g.area_code === doc.area.code && (g.kind === 'deprivation' || g.kind === 'sex' || g.kind === 'within-area' || g.kind === 'age'));
  if (gaps.length) {
    parts.push('## Inequality gaps', '', markdownTable(['Indicator', 'Gap', 'Period', 'Value', 'Direction'], gaps.map((g) => [
      `${g.indicator_id} ${g.indicator_name}`, `${g.group_a.label} vs ${g.group_b?.label ?? ''}`, g.period,
      g.sii ? `SII ${formatValue(g.sii.sii)}` : formatValue(g.difference), g.direction])));
  }
  parts.push('## Notes on method and sources', '',
    "- Data: Fingertips (OHID), Open Government Licence v3.0, and local tables as described in marmot.config.json.",
    "- Compared with England: Fingertips' method (the England value inside the area's 95% confidence interval is similar), judged by polarity.",
    '- Recent trend: the chi-squared test for trend over the last five points (Fingertips), 99.8% significance.',
    '- Inequality: slope index of inequality by PHEindicatormethods\' method with simulated confidence limits; differences between groups use SE = (upper − lower)/3.92 (derived by marmot).',
    `- marmot ${doc.marmot.version}, catalogue ${doc.marmot.catalogue}. Inputs: ${doc.inputs.map((i) => `${i.file} (SHA-256 ${i.sha256})`).join('; ')}.`, '');
  return parts.join('\n');
}
