import { Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profilesFor } from '../../src/compute/indicator-profile.js';
import { indexRows, judgeTrend } from '../../src/compute/judgements.js';
import { verifyJudgements } from '../../src/compute/verify.js';
import type { IndicatorRow } from '../../src/ingest/row.js';
import { readExtract } from '../../src/ingest/read-extract.js';
import { loadCatalogue } from '../../src/io/load-catalogue.js';
import { seededUniform } from '../../src/stats/index.js';
import { ROOT } from '../helpers/shared.js';

describe('verifyJudgements', () => {
  it('property: rows in any order give the tallies and disagreements of the rows in file order', async () => {
    const { rows } = await readExtract(join(ROOT, 'fixtures', 'luton.csv'), { stdin: Readable.from([]) });
    const profileOf = profilesFor(rows, loadCatalogue());
    const inOrder = verifyJudgements(rows, profileOf);
    expect(inOrder.disagreements.length).toBeGreaterThan(0);
    // By indicator (numerically), then line.
    const keys = inOrder.disagreements.map((d) => [Number(d.indicator_id), d.source.line] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    const rand = seededUniform(14);
    for (let k = 0; k < 3; k++) {
      const shuffled = rows.map((r) => [rand(), r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
      expect(verifyJudgements(shuffled, profileOf)).toEqual(inOrder);
    }
  });

  it("judges each row's trend on its own series' points, whether a series' rows come together or apart", async () => {
    const { rows: read } = await readExtract(join(ROOT, 'fixtures', 'luton.csv'), { stdin: Readable.from([]) });
    // The sample publishes a trend at each series' latest period only: here every row has one, so
    // each series is judged at every period, its rows listed apart (the file goes by period).
    const apart: IndicatorRow[] = read.map((r) => ({ ...r, recentTrend: 'No significant change' }));
    const index = indexRows(apart);
    const byLine = new Map(index.series.flat().map((r, i) => [r, i + 2]));
    // The same rows numbered series by series: each series' rows come together.
    const together = apart.map((r) => ({ ...r, line: byLine.get(r)! }));
    const profileOf = profilesFor(apart, loadCatalogue());
    // The reference: each row's trend judged on its series' points made afresh.
    const expected = { agrees: 0, differs: 0, inputs_missing: 0, not_published: 0 };
    for (const row of apart) {
      const status = judgeTrend(index.seriesOf(row), row, profileOf(row.indicatorId)).status;
      expected[status === 'inputs-missing' ? 'inputs_missing' : status === 'not-published' ? 'not_published' : status]++;
    }
    expect(expected.agrees).toBeGreaterThan(100);
    expect(expected.differs).toBeGreaterThan(100);
    for (const rows of [apart, together]) expect(verifyJudgements(rows, profileOf, { inputs: false }).totals.trend).toEqual(expected);
  });
});
