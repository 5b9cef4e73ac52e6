import { describe, expect, it } from 'vitest';
import type { Gap } from '../../src/compute/gaps-schema.js';
import { decileChart, spineChart, trendChart, valueChart } from '../../src/render/html/charts.js';
import { escapeHtml } from '../../src/render/html/escape.js';

const series = [2018, 2019, 2020, 2021, 2022].map((y, i) => ({ period: String(y), sortable: y * 10000, value: 60 + i, lower: 58 + i, upper: 62 + i }));
const england = series.map((p) => ({ ...p, value: 65, lower: 64.8, upper: 65.2 }));

describe('SVG charts (golden)', () => {
  it('spine chart, high is good: better to the right', async () => {
    await expect(spineChart({ n: 150, min: 50, q25: 60, q75: 70, max: 80, england: 66, area: 58, higherIsBetter: true }, 'Worse', true)).toMatchFileSnapshot('../golden/svg/spine-high-is-good.svg');
  });
  it('spine chart, low is good: the axis is reversed', async () => {
    const svg = spineChart({ n: 150, min: 50, q25: 60, q75: 70, max: 80, england: 66, area: 58, higherIsBetter: false }, 'Better', true);
    await expect(svg).toMatchFileSnapshot('../golden/svg/spine-low-is-good.svg');
    // The area (58, low) is drawn right of England (66) when low is good.
    const cx = Number(svg.match(/<circle cx="([\d.]+)"/)![1]);
    const ex = Number(svg.match(/<line x1="([\d.]+)"/)![1]);
    expect(cx).toBeGreaterThan(ex);
  });
  it('value against England', async () => {
    await expect(valueChart(12.3, 10.1, 14.6, 9.8, 'Worse')).toMatchFileSnapshot('../golden/svg/value.svg');
  });
  it('trend with CI band and England', async () => {
    await expect(trendChart(series, england, 'Luton')).toMatchFileSnapshot('../golden/svg/trend.svg');
  });
  it('deciles with the SII line', async () => {
    const values = Array.from({ length: 10 }, (_, i) => ({ period: '2022', sortable: 20220000, value: 30 - 2 * i, lower: 29 - 2 * i, upper: 31 - 2 * i, rank: i + 1 }));
    const gap = { sii: { sii: -20, intercept: 31, rii: 0.35, sii_lower_ci_95: -21, sii_upper_ci_95: -19, rii_lower_ci_95: 0.3, rii_upper_ci_95: 0.4, quantiles: 10, repetitions: 1000, seed: 1 } } as Gap;
    await expect(decileChart({ where: 'England', values, gap })).toMatchFileSnapshot('../golden/svg/deciles.svg');
  });
  it('shapes carry the comparison as well as colours, and titles describe the chart', () => {
    expect(valueChart(1, 0, 2, 5, 'Better')).toMatch(/<circle /);
    expect(valueChart(1, 0, 2, 5, 'Similar')).toMatch(/<rect /);
    expect(valueChart(1, 0, 2, 5, 'Worse')).toMatch(/<path d="M/);
    expect(valueChart(1, 0, 2, 5, 'Worse')).toMatch(/<title>Value 1\.0 \(95% CI 0\.0–2\.0\), Worse compared with England 5\.0<\/title>/);
  });
  it('escapes text from the data', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(trendChart(series, england, '<img src=x onerror=alert(1)>')).not.toMatch(/<img/);
  });
});
