import type { SubArea } from '../compute/gaps.js';
import { InputError } from '../errors.js';
import { canonicalKey } from '../ingest/headers.js';
import { openInput } from './open-input.js';
import { csvParseReader } from './read-records.js';

const CODE = ['areacode', 'code', 'subareacode', 'wardcode', 'msoacode', 'lsoacode'];
const NAME = ['areaname', 'name', 'wardname', 'msoaname'];
const PARENT = ['parentcode', 'parent', 'parentareacode', 'lacode', 'ladcode', 'utlacode'];
const DECILE = ['deprivationdecile', 'imddecile', 'decile', 'imd2019decile', 'imd2025decile'];

export interface AreaLookup {
  /** Areas with a parent (wards, MSOAs), by code, with their decile when given. */
  subAreas: Map<string, SubArea>;
  /** Area codes by name, lower case: for tables that give names only. */
  codeByName: Map<string, string>;
}

/**
 * Reads an areas lookup (`--areas FILE`, or `areas.lookup` in the config): a CSV with an area code
 * and optionally its name, its parent area's code and its deprivation decile (1 = most deprived …
 * 10), matched by header name.
 */
export async function readAreaLookup(path: string, stdin: NodeJS.ReadableStream): Promise<AreaLookup> {
  const input = await openInput(path, stdin);
  const subAreas = new Map<string, SubArea>();
  const codeByName = new Map<string, string>();
  let columns: { code: number; name: number; parent: number; decile: number } | null = null;
  for await (const rec of csvParseReader(input.text, (skip) => {
    throw new InputError(`${input.name}:${skip.line}: ${skip.message}`);
  })) {
    if (!columns) {
      const keys = rec.fields.map(canonicalKey);
      const find = (names: string[]) => keys.findIndex((k) => names.includes(k));
      columns = { code: find(CODE), name: find(NAME), parent: find(PARENT), decile: find(DECILE) };
      if (columns.code < 0 || (columns.parent < 0 && columns.name < 0)) {
        throw new InputError(`${input.name}:1: the lookup needs an area code column and a parent code or area name column`, 'expected columns: area_code, area_name, parent_code, deprivation_decile (1 = most deprived)');
      }
      continue;
    }
    const cell = (i: number) => (i < 0 ? '' : rec.fields[i]?.trim() ?? '');
    const code = cell(columns.code);
    const rawDecile = cell(columns.decile);
    const decile = rawDecile === '' ? null : Number(rawDecile);
    if (!code) throw new InputError(`${input.name}:${rec.line}: expected an area code`);
    if (decile !== null && !(Number.isInteger(decile) && decile >= 1 && decile <= 10)) {
      throw new InputError(`${input.name}:${rec.line}: deprivation decile: expected a whole number from 1 to 10, got "${rawDecile}"`);
    }
    if (cell(columns.name)) codeByName.set(cell(columns.name).toLowerCase(), code);
    if (cell(columns.parent)) subAreas.set(code, { parent: cell(columns.parent), decile });
  }
  if (!columns) throw new InputError(`${input.name}: the lookup is empty`);
  return { subAreas, codeByName };
}
