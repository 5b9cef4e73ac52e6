import { Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndicatorProfile } from '../../src/compute/indicator-profile.js';
import { benchmarkStatus, indexRows, judgeBenchmark, judgeTrend, mergeAndIndexRows, seriesPoints, trendPoints } from '../../src/compute/judgements.js';
import { mergeExtracts } from '../../src/ingest/merge.js';
import { readExtract } from '../../src/ingest/read-extract.js';
import type { IndicatorRow } from '../../src/ingest/row.js';
import { ENGLAND_CODE } from '../../src/normalise/area.js';
import { COMPARISON_METHODS, POLARITIES, seededUniform } from '../../src/stats/index.js';
import { ROOT } from '../helpers/shared.js';

describe('mergeAndIndexRows', () => {
  it('property: the same rows, duplicates, warnings and index as mergeExtracts then indexRows, on the real sample with points repeated', async () => {
    const { rows } = await readExtract(join(ROOT, 'fixtures', 'luton.csv'), { stdin: Readable.from([]) });
    const rand = seededUniform(11);
    for (let k = 0; k < 5; k++) {
      const input: IndicatorRow[] = [];
      for (const r of rows) {
        input.push(r);
        const u = rand();
        // Listed again (as a unitary authority under two area types), with other figures, or with
        // the same period label but another sortable (a different point).
        if (u < 0.05) input.push({ ...r, line: r.line + 100_000 });
        else if (u < 0.07) input.push({ ...r, line: r.line + 100_000, value: (r.value ?? 0) + 1 });
        else if (u < 0.08) input.push({ ...r, line: r.line + 100_000, period: { ...r.period, sortable: r.period.sortable + 1 } });
      }
      // Repeats later in the block, not only next to the first.
      const shuffled = input.map((r) => [rand(), r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
      const tally = { rows: shuffled, summary: { rows_duplicate: 0, rows_used: shuffled.length } };
      const merged = mergeExtracts([tally]);
      const index = indexRows(merged.rows);
      const fused = mergeAndIndexRows(shuffled);
      expect(fused.rows.length).toBe(merged.rows.length);
      fused.rows.forEach((r, i) => expect(r).toBe(merged.rows[i]));
      expect(fused.duplicates).toBe(tally.summary.rows_duplicate);
      expect(fused.duplicates).toBeGreaterThan(0);
      expect(fused.diagnostics).toEqual(merged.diagnostics);
      expect(fused.diagnostics.length).toBeGreaterThan(0);
      expect(fused.index.series).toEqual(index.series);
      for (const r of merged.rows) {
        expect(fused.index.at(r, ENGLAND_CODE)).toBe(index.at(r, ENGLAND_CODE));
        expect(fused.index.at(r, r.parentCode)).toBe(index.at(r, r.parentCode));
        expect(fused.index.seriesOf(r)).toEqual(index.seriesOf(r));
      }
    }
  });
});

describe('indexRows', () => {
  it('property: at and seriesOf find what a plain search of the rows finds, on the real sample with cohorts, repeats and missing areas', async () => {
    const { rows } = await readExtract(join(ROOT, 'fixtures', 'luton.csv'), { stdin: Readable.from([]) });
    const rand = seededUniform(12);
    const input = rows.filter(() => rand() < 0.8).map((r) => (rand() < 0.05 ? { ...r, categoryType: 'Sex', category: r.sex } : r));
    input.push(...input.filter(() => rand() < 0.05).map((r) => ({ ...r, line: r.line + 100_000 })));
    const sameSeries = (a: IndicatorRow, b: IndicatorRow, area: string, headline: boolean): boolean =>
      a.indicatorId === b.indicatorId && a.areaCode === area && a.sex === b.sex && a.age === b.age
      && (headline ? a.categoryType === null && a.category === null : a.categoryType === b.categoryType && a.category === b.category);
    const index = indexRows(input);
    let found = 0;
    for (const r of input) {
      for (const area of [ENGLAND_CODE, r.parentCode, r.areaCode, 'E99999999']) {
        for (const headline of [true, false]) {
          // The last row of the point is the one indexed.
          const expected = area === null ? undefined : input.filter((p) => sameSeries(p, r, area, headline) && p.period.label === r.period.label).at(-1);
          expect(index.at(r, area, headline)).toBe(expected);
          if (expected) found++;
        }
      }
      const series = input.filter((p) => sameSeries(p, r, r.areaCode, false));
      expect(index.seriesOf(r)).toEqual([...series].sort((a, b) => a.period.sortable - b.period.sortable || a.period.label.localeCompare(b.period.label)));
    }
    expect(found).toBeGreaterThan(input.length);
    expect(index.series.flat().length).toBe(input.length);
  });
});

describe('benchmarkStatus', () => {
  it("property: judgeBenchmark's status, for every row of the real sample against England and its parent, by every method, confidence and polarity", async () => {
    const { rows } = await readExtract(join(ROOT, 'fixtures', 'luton.csv'), { stdin: Readable.from([]) });
    const rand = seededUniform(13);
    // Some benchmarks and CIs missing, so that "inputs-missing" and "not-published" come up too.
    const input = rows.map((r) => (rand() < 0.1 ? { ...r, lower95: null } : rand() < 0.05 ? { ...r, comparedToEngland: null } : r));
    const index = indexRows(input.filter(() => rand() < 0.9));
    const seen = new Set<string>();
    for (const method of COMPARISON_METHODS) {
      for (const confidence of [0.95, 0.998] as const) {
        for (const polarity of POLARITIES) {
          const profile = { method, confidence, polarity, multiplier: method === 5 ? 100 : null } as IndicatorProfile;
          for (const r of input) {
            for (const [code, published] of [[ENGLAND_CODE, r.comparedToEngland], [r.parentCode, r.comparedToParent]] as const) {
              const bench = index.at(r, code);
              const status = benchmarkStatus(r, bench, published, profile);
              expect(status).toBe(judgeBenchmark(r, bench, code, published, profile).status);
              seen.add(status);
            }
          }
        }
      }
    }
    expect([...seen].sort()).toEqual(['agrees', 'differs', 'inputs-missing', 'not-published']);
  });
});

describe('trendPoints', () => {
  it("property: with a series' points made once, each row's points and trend are those made afresh", async () => {
    const { rows } = await readExtract(join(ROOT, 'fixtures', 'luton.csv'), { stdin: Readable.from([]) });
    const index = indexRows(rows);
    const profile = { method: 1, confidence: 0.95, polarity: 'low-is-good', multiplier: null } as IndicatorProfile;
    let judged = 0;
    for (const series of index.series) {
      const points = seriesPoints(series);
      for (const r of series) {
        const fresh = series.filter((p) => p.period.sortable <= r.period.sortable).map((p) => ({
          period: p.period.sortable, value: p.value, lower95: p.lower95, upper95: p.upper95, count: p.count, denominator: p.denominator, derived: !!p.derivedCi,
        }));
        expect(trendPoints(series, r, points)).toEqual(fresh);
        expect(trendPoints(series, r)).toEqual(fresh);
        const trend = judgeTrend(series, r, profile, points);
        expect(trend).toEqual(judgeTrend(series, r, profile));
        if (trend.chi_square !== null) judged++;
      }
    }
    expect(judged).toBeGreaterThan(10);
  });
});
