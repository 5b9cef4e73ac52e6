import type { Expectation } from '../compute/check.js';
import { InputError } from '../errors.js';
import { canonicalKey } from '../ingest/headers.js';
import { openInput } from './open-input.js';
import { csvParseReader } from './read-records.js';

/** Reads `--expect FILE`: a CSV of expected data points with any of indicator_id, area_code, period. */
export async function readExpectations(path: string, stdin: NodeJS.ReadableStream): Promise<Expectation[]> {
  const input = await openInput(path, stdin);
  const out: Expectation[] = [];
  let cols: { id: number; area: number; period: number } | null = null;
  for await (const rec of csvParseReader(input.text, (s) => { throw new InputError(`${input.name}:${s.line}: ${s.message}`); })) {
    if (!cols) {
      const keys = rec.fields.map(canonicalKey);
      cols = { id: keys.indexOf('indicatorid'), area: keys.indexOf('areacode'), period: Math.max(keys.indexOf('period'), keys.indexOf('timeperiod')) };
      if (cols.id < 0 && cols.area < 0 && cols.period < 0) {
        throw new InputError(`${input.name}:1: expected columns indicator_id, area_code and/or period`);
      }
      continue;
    }
    const get = (i: number) => (i < 0 ? null : rec.fields[i]?.trim() || null);
    out.push({ indicatorId: get(cols.id), areaCode: get(cols.area), period: get(cols.period), line: rec.line });
  }
  return out;
}
