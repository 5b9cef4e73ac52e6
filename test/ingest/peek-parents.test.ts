/* The parents named by the first rows of the chosen areas. */
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peekParents } from '../../src/ingest/peek-parents.js';
import { HEADER_27, row27, scratch } from '../helpers/temp.js';

describe('peekParents', () => {
  const lines = [HEADER_27,
    row27({ area: 'E12000006', areaName: 'East of England region', parent: 'E92000001' }),
    row27({ area: 'E07000008', areaName: 'Cambridge', parent: 'E10000003' }),
    // A row naming Luton only as a parent is not Luton's.
    row27({ area: 'E05999901', areaName: 'Ward', parent: 'E06000032' }),
    row27({ area: 'E06000032', areaName: 'Luton', parent: 'E12000006' }),
  ];
  const dir = scratch({ 'p.csv': `${lines.join('\n')}\n`, 'p.csv.gz': gzipSync(`${lines.join('\n')}\n`) });
  it('gives the distinct parents of the areas asked for, sorted', async () => {
    expect(await peekParents(join(dir, 'p.csv'), ['E06000032', 'E07000008'])).toEqual(['E10000003', 'E12000006']);
    expect(await peekParents(join(dir, 'p.csv'), ['E06000032'])).toEqual(['E12000006']);
  });
  it('gives none for an area not in the file, or a gzipped file (the ordinary path reads it)', async () => {
    expect(await peekParents(join(dir, 'p.csv'), ['E06000099'])).toEqual([]);
    expect(await peekParents(join(dir, 'p.csv.gz'), ['E06000032'])).toEqual([]);
  });
});
