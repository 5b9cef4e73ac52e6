import type { ReportIndicator, SeriesValue, Spine } from '../../compute/report-model.js';
import { formatValue } from '../format.js';
import { escapeHtml } from './escape.js';
import { extent, linear, px } from './scale.js';

/** Fill colour and marker shape for a comparison: colour is never the only carrier (shape and text too). */
export const LOOK: Record<string, { fill: string; shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'ring' }> = {
  Better: { fill: '#1b7837', shape: 'circle' },
  Similar: { fill: '#e0a800', shape: 'square' },
  Worse: { fill: '#b2182b', shape: 'triangle' },
  Higher: { fill: '#2166ac', shape: 'diamond' },
  Lower: { fill: '#2166ac', shape: 'diamond' },
  'Not compared': { fill: '#ffffff', shape: 'ring' },
};

/** A marker of the comparison's shape, centred on (x, y). */
export function marker(label: string, x: number, y: number, r = 6): string {
  const { fill, shape } = LOOK[label] ?? LOOK['Not compared']!;
  const stroke = 'stroke="#222" stroke-width="1"';
  switch (shape) {
    case 'circle': return `<circle cx="${px(x)}" cy="${px(y)}" r="${r}" fill="${fill}" ${stroke}/>`;
    case 'square': return `<rect x="${px(x - r)}" y="${px(y - r)}" width="${2 * r}" height="${2 * r}" fill="${fill}" ${stroke}/>`;
    case 'triangle': return `<path d="M${px(x)} ${px(y - r - 1)}L${px(x + r + 1)} ${px(y + r)}L${px(x - r - 1)} ${px(y + r)}Z" fill="${fill}" ${stroke}/>`;
    case 'diamond': return `<path d="M${px(x)} ${px(y - r - 1)}L${px(x + r + 1)} ${px(y)}L${px(x)} ${px(y + r + 1)}L${px(x - r - 1)} ${px(y)}Z" fill="${fill}" ${stroke}/>`;
    case 'ring': return `<circle cx="${px(x)}" cy="${px(y)}" r="${r}" fill="#fff" stroke="#222" stroke-width="2"/>`;
  }
}

const svg = (w: number, h: number, label: string, body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title>${body}</svg>`;

const text = (x: number, y: number, s: string, anchor = 'start', size = 10): string =>
  `<text x="${px(x)}" y="${px(y)}" font-size="${size}" text-anchor="${anchor}">${escapeHtml(s)}</text>`;

/**
 * Fingertips' spine chart: the range (light), 25th–75th percentile (dark) of all areas of the level,
 * England (a line), and the area (a marker shaped and coloured by its comparison with England),
 * oriented so that better is on the right for RAG polarities.
 */
export function spineChart(s: Spine, comparison: string, polarityRag: boolean): string {
  const w = 320;
  const h = 48;
  const [left, right] = s.higherIsBetter || !polarityRag ? [s.min, s.max] : [s.max, s.min];
  const x = linear([left, right], [16, w - 16]);
  const box = (a: number, b: number, fill: string, y: number, hh: number) => `<rect x="${px(Math.min(x(a), x(b)))}" y="${y}" width="${px(Math.abs(x(b) - x(a)))}" height="${hh}" fill="${fill}"/>`;
  const body = [
    box(s.min, s.max, '#d9d9d9', 14, 14),
    box(s.q25, s.q75, '#8c8c8c', 14, 14),
    s.england === null ? '' : `<line x1="${px(x(s.england))}" x2="${px(x(s.england))}" y1="8" y2="34" stroke="#000" stroke-width="2"/>`,
    marker(comparison, x(s.area), 21),
    text(16, 44, polarityRag ? 'Worst' : 'Lowest'),
    text(w - 16, 44, polarityRag ? 'Best' : 'Highest', 'end'),
  ].join('');
  const label = `Spine chart: area ${formatValue(s.area)} (${comparison}) among ${s.n} areas from ${formatValue(s.min)} to ${formatValue(s.max)}; middle half ${formatValue(s.q25)}–${formatValue(s.q75)}; England ${formatValue(s.england)}`;
  return svg(w, h, label, body);
}

/** Where there are no peer areas: the area's value and 95% CI against England's value. */
export function valueChart(value: number, lower: number | null, upper: number | null, england: number | null, comparison: string): string {
  const w = 320;
  const h = 48;
  const dom = extent([value, lower, upper, england])!;
  const x = linear(dom, [16, w - 16]);
  const body = [
    `<line x1="16" x2="${w - 16}" y1="21" y2="21" stroke="#bbb"/>`,
    lower !== null && upper !== null ? `<line x1="${px(x(lower))}" x2="${px(x(upper))}" y1="21" y2="21" stroke="#222" stroke-width="2"/>` : '',
    england === null ? '' : `<line x1="${px(x(england))}" x2="${px(x(england))}" y1="8" y2="34" stroke="#000" stroke-width="2"/>${text(x(england), 45, 'England', 'middle')}`,
    marker(comparison, x(value), 21),
  ].join('');
  return svg(w, h, `Value ${formatValue(value)}${lower !== null && upper !== null ? ` (95% CI ${formatValue(lower)}–${formatValue(upper)})` : ''}, ${comparison} compared with England ${formatValue(england)}`, body);
}

/** The trend over the periods: the area's values with a 95% CI band, and England's as a dashed line. */
export function trendChart(area: SeriesValue[], england: SeriesValue[], areaName: string): string {
  const w = 320;
  const h = 150;
  const sortable = new Map([...area, ...england].map((p) => [p.period, p.sortable]));
  const xs = [...sortable.keys()].sort((a, b) => sortable.get(a)! - sortable.get(b)! || a.localeCompare(b));
  const dom = extent([...area.flatMap((p) => [p.value, p.lower, p.upper]), ...england.map((p) => p.value)]);
  if (!dom || xs.length === 0) return svg(w, h, 'No values to draw', text(w / 2, h / 2, 'No values', 'middle'));
  const x = linear([0, Math.max(xs.length - 1, 1)], [40, w - 12]);
  const y = linear(dom, [h - 24, 10]);
  const ix = (p: string) => x(xs.indexOf(p));
  const band = area.filter((p) => p.lower !== null && p.upper !== null);
  const path = (pts: SeriesValue[]) => pts.filter((p) => p.value !== null).map((p, i) => `${i ? 'L' : 'M'}${px(ix(p.period))} ${px(y(p.value!))}`).join('');
  const body = [
    `<line x1="40" x2="40" y1="10" y2="${h - 24}" stroke="#999"/><line x1="40" x2="${w - 12}" y1="${h - 24}" y2="${h - 24}" stroke="#999"/>`,
    text(36, 14, formatValue(dom[1]), 'end', 9), text(36, h - 24, formatValue(dom[0]), 'end', 9),
    text(40, h - 8, xs[0]!, 'start', 9), text(w - 12, h - 8, xs[xs.length - 1]!, 'end', 9),
    band.length > 1 ? `<path d="${band.map((p, i) => `${i ? 'L' : 'M'}${px(ix(p.period))} ${px(y(p.upper!))}`).join('')}${band.slice().reverse().map((p) => `L${px(ix(p.period))} ${px(y(p.lower!))}`).join('')}Z" fill="#9ecae1" opacity="0.6"/>` : '',
    `<path d="${path(england)}" fill="none" stroke="#000" stroke-dasharray="4 3"/>`,
    `<path d="${path(area)}" fill="none" stroke="#08519c" stroke-width="2"/>`,
    ...area.filter((p) => p.value !== null).map((p) => `<circle cx="${px(ix(p.period))}" cy="${px(y(p.value!))}" r="3" fill="#08519c"/>`),
  ].join('');
  const first = area.find((p) => p.value !== null);
  const last = [...area].reverse().find((p) => p.value !== null);
  const label = `Trend for ${areaName}: ${first ? `${formatValue(first.value)} in ${first.period}` : 'no value'} to ${last ? `${formatValue(last.value)} in ${last.period}` : 'no value'}; England dashed`;
  return svg(w, h, label, body);
}

/** Values by deprivation decile (most deprived on the left) with 95% CIs, and the SII line where there is one. */
export function decileChart(d: NonNullable<ReportIndicator['deciles']>): string {
  const w = 320;
  const h = 150;
  const vals = d.values;
  const dom = extent([0, ...vals.flatMap((v) => [v.value, v.lower, v.upper])]);
  if (!dom || vals.length === 0) return svg(w, h, 'No decile values', '');
  const n = Math.max(...vals.map((v) => v.rank));
  const band = (w - 52) / n;
  const x = (rank: number) => 40 + (rank - 1) * band;
  const y = linear(dom, [h - 24, 10]);
  const bars = vals.map((v) => [
    v.value === null ? text(x(v.rank) + band / 2, h - 28, '–', 'middle', 9) : `<rect x="${px(x(v.rank) + 2)}" y="${px(y(v.value))}" width="${px(band - 4)}" height="${px(y(dom[0] < 0 ? 0 : dom[0]) - y(v.value))}" fill="#6baed6"/>`,
    v.lower !== null && v.upper !== null ? `<line x1="${px(x(v.rank) + band / 2)}" x2="${px(x(v.rank) + band / 2)}" y1="${px(y(v.lower))}" y2="${px(y(v.upper))}" stroke="#222"/>` : '',
  ].join(''));
  const sii = d.gap?.sii;
  const line = sii ? `<line x1="40" x2="${px(w - 12)}" y1="${px(y(sii.intercept))}" y2="${px(y(sii.intercept + sii.sii))}" stroke="#b2182b" stroke-width="2"/>` : '';
  const body = [
    `<line x1="40" x2="${w - 12}" y1="${h - 24}" y2="${h - 24}" stroke="#999"/>`, ...bars, line,
    text(40, h - 8, 'Most deprived', 'start', 9), text(w - 12, h - 8, 'Least deprived', 'end', 9),
    text(36, 14, formatValue(dom[1]), 'end', 9),
  ].join('');
  const label = `${d.where} by deprivation ${n === 10 ? 'decile' : 'quintile'}: most deprived ${formatValue(vals[0]?.value ?? null)}, least deprived ${formatValue(vals[vals.length - 1]?.value ?? null)}${sii ? `; SII ${formatValue(sii.sii)} (red line)` : ''}`;
  return svg(w, h, label, body);
}
