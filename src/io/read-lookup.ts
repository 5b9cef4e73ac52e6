import type { SubArea } from '../compute/gaps.js';
import { InputError } from '../errors.js';
import { canonicalKey } from '../ingest/headers.js';
import { openInput } from './open-input.js';
import { csvParseReader } from './read-records.js';

const CODE = ['areacode', 'code', 'subareacode', 'wardcode', 'msoacode', 'lsoacode'];
const PARENT = ['parentcode', 'parent', 'parentareacode', 'lacode', 'ladcode', 'utlacode'];
const DECILE = ['deprivationdecile', 'imddecile', 'decile', 'imd2019decile', 'imd2025decile'];

/**
 * Reads a sub-area lookup (`--areas FILE`): a CSV with a sub-area code, its parent area's code,
 * and optionally its deprivation decile (1 = most deprived … 10), matched by header name.
 */
export async function readSubAreaLookup(path: string, stdin: NodeJS.ReadableStream): Promise<Map<string, SubArea>> {
  const input = await openInput(path, stdin);
  const out = new Map<string, SubArea>();
  let columns: { code: number; parent: number; decile: number } | null = null;
  for await (const rec of csvParseReader(input.text, (skip) => {
    throw new InputError(`${input.name}:${skip.line}: ${skip.message}`);
  })) {
    if (!columns) {
      const keys = rec.fields.map(canonicalKey);
      const find = (names: string[]) => keys.findIndex((k) => names.includes(k));
      columns = { code: find(CODE), parent: find(PARENT), decile: find(DECILE) };
      if (columns.code < 0 || columns.parent < 0) {
        throw new InputError(`${input.name}:1: the lookup needs a sub-area code and a parent code column`, 'expected columns: area_code, parent_code (and optionally deprivation_decile, 1 = most deprived)');
      }
      continue;
    }
    const code = rec.fields[columns.code]?.trim() ?? '';
    const parent = rec.fields[columns.parent]?.trim() ?? '';
    const rawDecile = columns.decile >= 0 ? rec.fields[columns.decile]?.trim() ?? '' : '';
    const decile = rawDecile === '' ? null : Number(rawDecile);
    if (!code || !parent) throw new InputError(`${input.name}:${rec.line}: expected a sub-area code and a parent code`);
    if (decile !== null && !(Number.isInteger(decile) && decile >= 1 && decile <= 10)) {
      throw new InputError(`${input.name}:${rec.line}: deprivation decile: expected a whole number from 1 to 10, got "${rawDecile}"`);
    }
    out.set(code, { parent, decile });
  }
  if (!columns) throw new InputError(`${input.name}: the lookup is empty`);
  return out;
}
