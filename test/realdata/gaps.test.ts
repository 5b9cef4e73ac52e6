/* Gaps on the real Fingertips extracts' deprivation-decile and ethnic-group rows (skipped without ../shared/realdata). */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { AreaChoice } from '../../src/compute/areas.js';
import { describe, expect, it } from 'vitest';
import { deriveCis } from '../../src/compute/derive-ci.js';
import { computeGaps } from '../../src/compute/gaps.js';
import { profilesFor } from '../../src/compute/indicator-profile.js';
import { mergeExtracts } from '../../src/ingest/merge.js';
import { readExtract } from '../../src/ingest/read-extract.js';
import { loadCatalogue } from '../../src/io/load-catalogue.js';
import { deprivationRank } from '../../src/normalise/cohort.js';
import { sii } from '../../src/stats/index.js';
import { REALDATA, hasRealData } from '../helpers/shared.js';

const suite = hasRealData ? describe : describe.skip;
const catalogue = loadCatalogue();
const load = async (file: string) => mergeExtracts([await readExtract(join(REALDATA, file), { stdin: Readable.from([]) })]).rows;
const opts = { areas: [] as AreaChoice[], period: 'latest', repetitions: 10000, seed: 1 };

suite('gaps on real extracts', () => {
  it('adult obesity (2023): SII and RII on each decile type, equal to the library on the same rows', async () => {
    const rows = await load('MarinosIoannides_BikePoint_Analysis__adult_obesity.csv');
    const { gaps } = computeGaps(rows, profilesFor(rows, catalogue), { ...opts, kinds: ['deprivation'] });
    const persons = gaps.filter((g) => g.indicator_id === 93088 && g.sex === 'Persons' && g.age === '18+ yrs');
    // Each IMD vintage is its own series: the LSOA deciles switch from IMD2015 to IMD2019 in 2019/20.
    expect(persons.map((g) => [g.category_type, g.period]).sort()).toEqual([
      ['County & UA deprivation deciles in England (IMD2019, 4/21 geography)', '2021/22'],
      ['District & UA deprivation deciles in England (IMD2019, 4/21 geography)', '2021/22'],
      ['LSOA11 deprivation deciles in England (IMD2015)', '2018/19'],
      ['LSOA11 deprivation deciles in England (IMD2019)', '2021/22'],
    ]);
    for (const g of persons) {
      expect(g.measure).toBe('sii');
      const source = rows.filter((r) => r.indicatorId === '93088' && r.categoryType === g.category_type && r.period.label === g.period && r.sex === 'Persons');
      const expected = sii(source.map((r) => ({ quantile: deprivationRank(r.category!)!.rank, population: r.denominator!, value: r.value!, se: (r.upper95! - r.lower95!) / (2 * 1.959963984540054) })), { repetitions: 10000, seed: 1 });
      expect(g.sii!.sii).toBe(expected.sii);
      expect(g.sii!.rii).toBe(expected.rii);
      // Overweight is more common in the more deprived: a negative SII, worse in the most deprived.
      expect(g.sii!.sii).toBeLessThan(0);
      expect(g.direction).toBe('worse in the most deprived');
      expect(g.over_time).not.toBeNull();
    }
  });

  it('adult obesity (2023): each ethnic group against the whole population, and the range', async () => {
    const rows = await load('MarinosIoannides_BikePoint_Analysis__adult_obesity.csv');
    const { gaps } = computeGaps(rows, profilesFor(rows, catalogue), { ...opts, kinds: ['ethnicity'] });
    const g = gaps.filter((x) => x.indicator_id === 93088 && x.sex === 'Persons');
    expect(g.filter((x) => x.measure === 'difference').map((x) => x.group_a.label)).toEqual(['Asian', 'Black', 'Chinese', 'Mixed', 'Other', 'White British', 'White Other']);
    const range = g.find((x) => x.measure === 'range')!;
    expect(range.direction).toMatch(/^Black highest, Chinese lowest of 7 groups$/);
    for (const x of g) expect(x.group_b?.value).not.toBeNull();
  });

  it('campylobacter (2020): decile rows without CIs give no SII and say why; --derive-ci computes it, marked derived', async () => {
    const rows = await load('jargonautical_data-dev__indicators-CountyUA.data.csv');
    const profileOf = profilesFor(rows, catalogue);
    const plain = computeGaps(rows, profileOf, { ...opts, kinds: ['deprivation'] }).gaps;
    expect(plain.length).toBeGreaterThan(0);
    for (const g of plain) expect(g.reason).toMatch(/no 95% CIs/);
    const derived = computeGaps(deriveCis(rows, (id) => profileOf(id).multiplier), profileOf, { ...opts, kinds: ['deprivation'] }).gaps;
    for (const g of derived) expect(g).toMatchObject({ measure: 'sii', derived: true });
  });
});
