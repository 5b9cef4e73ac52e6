import { groupHeading, type Group } from '../../catalogue/lookup.js';
import { isRedRed } from '../../compute/baseline.js';
import type { Gap } from '../../compute/gaps-schema.js';
import type { ReportIndicator } from '../../compute/report-model.js';
import { formatCount, formatValue, formatWithCi } from '../format.js';
import { decileChart, spineChart, trendChart, valueChart } from './charts.js';
import { escapeHtml as e } from './escape.js';

export interface ReportDocument {
  area: { code: string; name: string };
  period: string;
  marmot: { version: string; catalogue: string };
  inputs: { file: string; bytes: number; sha256: string }[];
  groups: Group[];
  indicators: ReportIndicator[];
  gaps: Gap[];
  since: { file: string; period: string } | null;
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;border-bottom:2px solid #333;padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:0 0 6px}
.sub{color:#555;margin:0 0 16px}.summary{display:flex;flex-wrap:wrap;gap:16px}.card{border:1px solid #ccc;border-radius:6px;padding:12px 16px;min-width:220px}
.card strong{font-size:22px;display:block}.indicator{border-top:1px solid #ddd;padding:12px 0;break-inside:avoid}
.charts{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}.charts figure{margin:0}.charts figcaption{font-size:12px;color:#555}
table{border-collapse:collapse;font-size:12px}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}th{background:#f3f3f3}
.num{text-align:right}.Better{color:#1b7837;font-weight:600}.Worse{color:#b2182b;font-weight:600}.Similar{color:#8a6d00;font-weight:600}.Higher,.Lower{color:#2166ac;font-weight:600}
.legend span{margin-right:14px}footer{margin-top:40px;border-top:1px solid #ccc;padding-top:8px;font-size:12px;color:#555}code{font-size:11px}
@page{size:A4;margin:14mm}@media print{body{padding:0;max-width:none}section.principle{break-before:page}.charts svg{max-width:100%}}
`;

const legend = `<p class="legend" aria-label="Legend"><span>● <span class="Better">Better</span></span><span>■ <span class="Similar">Similar</span></span><span>▲ <span class="Worse">Worse</span></span><span>◆ <span class="Higher">Higher/Lower</span></span><span>○ Not compared</span> (compared with England; shapes and words as well as colours)</p>`;

const count = (v: number | null): string => (v !== null && Number.isInteger(v) ? formatCount(v) : formatValue(v));

function numbersTable(i: ReportIndicator): string {
  const r = i.row;
  const rows: [string, string][] = [
    ['Period', r.period],
    ['Value (95% CI)', r.value === null ? `– (${r.missing_reason ?? 'missing'})` : formatWithCi(r.value, r.lower_ci_95, r.upper_ci_95)],
    ['Count / denominator', r.count === null && r.denominator === null ? '–' : `${count(r.count)} / ${count(r.denominator)}`],
    ['England', `${formatValue(r.england.value)} — <span class="${e(r.england.computed.replace(/ .*/, ''))}">${e(r.england.computed)}</span>${r.england.agrees === false ? ` (published: ${e(r.england.published ?? '')})` : ''}`],
    [r.parent.area_name ?? 'Parent', `${formatValue(r.parent.value)} — <span class="${e(r.parent.computed.replace(/ .*/, ''))}">${e(r.parent.computed)}</span>`],
    ['Recent trend', `${e(r.trend.computed)}${r.trend.agrees === false ? ` (published: ${e(r.trend.published ?? '')})` : ''}`],
  ];
  if (i.spine) rows.push(['Among areas', `${i.spine.n} areas, ${formatValue(i.spine.min)}–${formatValue(i.spine.max)}; middle half ${formatValue(i.spine.q25)}–${formatValue(i.spine.q75)}`]);
  if (i.deciles?.gap) {
    const g = i.deciles.gap;
    rows.push([`Deprivation gap (${i.deciles.where})`, `${g.sii ? `SII ${formatValue(g.sii.sii)} (${formatValue(g.sii.sii_lower_ci_95)} to ${formatValue(g.sii.sii_upper_ci_95)}); ` : ''}most − least ${formatValue(g.difference)}; ${e(g.direction)}`]);
  }
  if (i.change) rows.push(['Since the baseline', `${formatValue(i.change.baseline_value)} (${e(i.change.baseline_period ?? '–')}) → ${formatValue(i.change.current_value)}: ${e(i.change.direction)}`]);
  return `<table><caption class="sub">The numbers</caption><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${k === 'England' || k === (r.parent.area_name ?? 'Parent') || k === 'Recent trend' || k.startsWith('Deprivation') || k === 'Since the baseline' ? v : e(v)}</td></tr>`).join('')}</tbody></table>`;
}

function indicatorBlock(i: ReportIndicator): string {
  const r = i.row;
  const rag = r.polarity === 'high-is-good' || r.polarity === 'low-is-good';
  const main = i.spine
    ? `<figure>${spineChart(i.spine, r.england.computed, rag)}<figcaption>Compared with all ${i.spine.n} areas of its level; black line: England</figcaption></figure>`
    : r.value !== null ? `<figure>${valueChart(r.value, r.lower_ci_95, r.upper_ci_95, r.england.value, r.england.computed)}<figcaption>Value and 95% CI; black line: England</figcaption></figure>` : '';
  const trend = i.trend.length > 1 ? `<figure>${trendChart(i.trend, i.englandTrend, r.area_name)}<figcaption>Trend with 95% CI; dashed: England</figcaption></figure>` : '';
  const dec = i.deciles ? `<figure>${decileChart(i.deciles)}<figcaption>${e(i.deciles.where)} by deprivation${i.deciles.gap?.sii ? '; red line: slope index of inequality' : ''}</figcaption></figure>` : '';
  return `<article class="indicator"><h3>${e(String(r.indicator_id))} ${e(r.indicator_name)} <small>· ${e(r.sex)} · ${e(r.age)}</small></h3><div class="charts">${main}${trend}${dec}${numbersTable(i)}</div></article>`;
}


function summary(doc: ReportDocument): string {
  const rows = doc.indicators.map((i) => i.row);
  const count = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
  const red = doc.indicators.filter((i) => isRedRed(i.row));
  const largest = doc.gaps
    .filter((g) => g.significant && g.difference !== null && g.group_b?.value && (g.kind === 'deprivation' || g.kind === 'sex' || g.kind === 'within-area' || g.kind === 'ethnicity'))
    .map((g) => ({ g, rel: Math.abs(g.difference! / g.group_b!.value!) }))
    .sort((a, b) => b.rel - a.rel)
    .slice(0, 5);
  return `<section aria-labelledby="summary"><h2 id="summary">Summary</h2><div class="summary">
<div class="card"><span>Compared with England</span><strong><span class="Better">${count((r) => r.england.computed === 'Better')} better</span> · <span class="Similar">${count((r) => r.england.computed === 'Similar')} similar</span> · <span class="Worse">${count((r) => r.england.computed === 'Worse')} worse</span></strong>${count((r) => r.england.computed === 'Higher' || r.england.computed === 'Lower')} higher or lower (no judgement), ${count((r) => r.england.computed === 'Not compared')} not compared</div>
<div class="card"><span>Recent trend</span><strong><span class="Better">${count((r) => r.trend.computed.endsWith('getting better'))} getting better</span> · <span class="Worse">${count((r) => r.trend.computed.endsWith('getting worse'))} getting worse</span></strong>${count((r) => r.trend.computed === 'No significant change')} no significant change, ${count((r) => r.trend.computed === 'Cannot be calculated')} cannot be calculated</div>
</div>
<h3>Red flags: worse than England and getting worse (${red.length})</h3>${red.length ? `<ul>${red.map((i) => `<li>${e(String(i.row.indicator_id))} ${e(i.row.indicator_name)} (${e(i.row.sex)}, ${e(i.row.age)}): ${formatValue(i.row.value)} against England ${formatValue(i.row.england.value)}</li>`).join('')}</ul>` : '<p>None.</p>'}
<h3>Largest inequality gaps</h3>${largest.length ? `<table><thead><tr><th>Indicator</th><th>Where</th><th>Gap</th><th class="num">Difference</th><th>Direction</th></tr></thead><tbody>${largest.map(({ g }) => `<tr><td>${e(String(g.indicator_id))} ${e(g.indicator_name)}</td><td>${e(g.area_name)} · ${e(g.sex)}</td><td>${e(g.group_a.label)} vs ${e(g.group_b?.label ?? '')}</td><td class="num">${formatValue(g.difference)}</td><td>${e(g.direction)}</td></tr>`).join('')}</tbody></table>` : '<p>No significant gap could be measured.</p>'}
</section>`;
}

/**
 * The report as one self-contained HTML file: inline CSS and SVG, no script, no external request;
 * every text from the data escaped. A summary, a section per principle (A4 page breaks in print)
 * with a spine or value chart, the trend and the deprivation deciles beside the numbers, and a
 * provenance footer.
 */
export function renderReportHtml(doc: ReportDocument): string {
  const sections = doc.groups.map((g) => {
    const list = doc.indicators.filter((i) => i.row.principle === g.id);
    if (list.length === 0) return '';
    return `<section class="principle" aria-labelledby="p-${e(g.id)}"><h2 id="p-${e(g.id)}">${e(groupHeading(g))}</h2>${list.map(indicatorBlock).join('\n')}</section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Marmot baseline: ${e(doc.area.name)} (${e(doc.period)})</title><style>${CSS}</style></head>
<body><header><h1>Marmot baseline: ${e(doc.area.name)}</h1><p class="sub">${e(doc.area.code)} · latest period ${e(doc.period)}${doc.since ? ` · change since ${e(doc.since.period)} (${e(doc.since.file)})` : ''} · grouped by the eight Marmot principles</p>${legend}</header>
${summary(doc)}
${sections}
<footer><p>Comparisons and trends recomputed by Fingertips' methods; SII by PHEindicatormethods' method with simulated limits. marmot ${e(doc.marmot.version)}, catalogue ${e(doc.marmot.catalogue)}.</p>
<p>Inputs: ${doc.inputs.map((i) => `${e(i.file)} (${i.bytes.toLocaleString('en-GB')} bytes, SHA-256 <code>${e(i.sha256)}</code>)`).join('; ')}</p></footer>
</body></html>
`;
}
