import { FallBack, needleRecords, type NeedleStats } from '../io/needle-reader.js';
import { matchHeader } from './headers.js';

/** How far into a file the parents of the chosen areas are looked for. */
const PEEK_BYTES = 64 << 20;

/**
 * The parent codes the first rows of the chosen areas name (their region or county), from the start
 * of a plain Fingertips file, where an extract lists them within its first indicator. A baseline
 * then looks for those parents' rows by their code, as it does for the areas and England, instead of
 * parsing every region's rows; a parent that appears only later is read in a second pass. Empty when
 * the file is not plain UTF-8 or the areas are not near its start.
 *
 * @example await peekParents('luton.csv', ['E06000032']) // ['E12000006']
 */
export async function peekParents(path: string, codes: string[]): Promise<string[]> {
  const stats: NeedleStats = { records: 0, yielded: 0, bytes: 0 };
  let columns: { area: number; parent: number } | null = null;
  const parents = new Map<string, string>();
  try {
    for await (const record of needleRecords(path, codes, stats, { column: (names) => matchHeader(names).columns.areaCode ?? -1, areas: codes, limit: PEEK_BYTES })) {
      if (!columns) {
        const { areaCode, parentCode } = matchHeader(record.fields).columns;
        if (areaCode === undefined || parentCode === undefined) return [];
        columns = { area: areaCode, parent: parentCode };
        continue;
      }
      const area = record.fields[columns.area]?.trim() ?? '';
      const parent = record.fields[columns.parent]?.trim() ?? '';
      if (parent && codes.includes(area) && !parents.has(area)) parents.set(area, parent);
      if (parents.size === codes.length) break;
    }
  } catch (e) {
    if (!(e instanceof FallBack)) throw e;
  }
  return [...new Set(parents.values())].sort();
}
