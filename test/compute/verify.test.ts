import { Readable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profilesFor } from '../../src/compute/indicator-profile.js';
import { verifyJudgements } from '../../src/compute/verify.js';
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
});
