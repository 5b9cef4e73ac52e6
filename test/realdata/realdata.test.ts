/*
 * Tests on the real Fingertips downloads in ../shared/realdata (not copied into the repository;
 * skipped, with a message, where the folder is absent).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { resolveAreas } from '../../src/compute/areas.js';
import { computeBaseline } from '../../src/compute/baseline.js';
import { profilesFor } from '../../src/compute/indicator-profile.js';
import { headlineAreaFilter } from '../../src/compute/selection.js';
import { mergeExtracts } from '../../src/ingest/merge.js';
import { readExtract } from '../../src/ingest/read-extract.js';
import { loadCatalogue } from '../../src/io/load-catalogue.js';
import { REALDATA, hasRealData } from '../helpers/shared.js';

const files = hasRealData ? readdirSync(REALDATA).filter((f) => f.endsWith('.csv') && !f.includes('lookup')).sort() : [];
const suite = hasRealData ? describe : describe.skip;
const catalogue = loadCatalogue();

suite('real Fingertips extracts (../shared/realdata)', () => {
  it('finds the four real extracts', () => expect(files).toHaveLength(4));

  it.each(files)('%s: every data row is used or reported', async (file) => {
    const path = join(REALDATA, file);
    const independent = parse(readFileSync(path, 'utf8'), { bom: true, relax_column_count: true, skip_empty_lines: true }).length - 1;
    const e = await readExtract(path, { stdin: Readable.from([]) });
    const merged = mergeExtracts([e]);
    const s = e.summary;
    expect(s.rows_read).toBe(independent);
    expect(s.rows_used + s.rows_rejected + s.rows_duplicate + s.rows_outside_selection).toBe(s.rows_read);
    expect(s.rows_rejected).toBe(e.diagnostics.length);
    expect(merged.rows).toHaveLength(s.rows_used);
    expect(s.rows_rejected).toBe(0);
  });

  it.each(files)("%s: the published judgements are reproduced wherever the extract holds the inputs", async (file) => {
    const filter = headlineAreaFilter(['all']);
    const e = await readExtract(join(REALDATA, file), { stdin: Readable.from([]), keep: filter.keep });
    const { rows } = mergeExtracts([e]);
    const areas = resolveAreas(['all'], rows, new Map());
    const baseline = computeBaseline(rows, profilesFor(rows, catalogue), { areas, period: 'latest', groups: null });
    const tally = (k: 'england' | 'parent' | 'trend') => {
      const t: Record<string, number> = {};
      for (const r of baseline.rows) t[r[k].status] = (t[r[k].status] ?? 0) + 1;
      return t;
    };
    const differs = baseline.rows.filter((r) => r.england.status === 'differs' || r.parent.status === 'differs' || r.trend.status === 'differs');
    expect(differs.map((r) => `${r.indicator_id} ${r.area_code} ${r.sex} ${r.england.computed}/${r.england.published} ${r.trend.computed}/${r.trend.published}`)).toEqual([]);
    expect(tally('england').agrees).toBeGreaterThan(40);
    console.info(`${file}: england ${JSON.stringify(tally('england'))} parent ${JSON.stringify(tally('parent'))} trend ${JSON.stringify(tally('trend'))}`);
  });

  it('reproduces "Better"/"Worse" and "Increasing and getting worse" style labels in a real file (adult obesity 93088)', async () => {
    const filter = headlineAreaFilter(['all']);
    const path = join(REALDATA, 'MarinosIoannides_BikePoint_Analysis__adult_obesity.csv');
    const e = await readExtract(path, { stdin: Readable.from([]), keep: filter.keep });
    const { rows } = mergeExtracts([e]);
    const baseline = computeBaseline(rows, profilesFor(rows, catalogue), { areas: resolveAreas(['all'], rows, new Map()), period: 'latest', groups: null });
    const labels = new Set(baseline.rows.map((r) => r.england.computed));
    expect(labels).toEqual(new Set(['Better', 'Similar', 'Worse']));
    // No counts in this file: Fingertips publishes "Cannot be calculated", and so does marmot.
    expect(new Set(baseline.rows.map((r) => r.trend.computed))).toEqual(new Set(['Cannot be calculated']));
  });
});
