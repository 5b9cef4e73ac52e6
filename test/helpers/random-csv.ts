import { parse } from 'csv-parse/sync';
import { HEADER_27, row27 } from './temp.js';

const NAMES = ['Life expectancy', 'Children in low income families (under 16s), %', 'The "5-a-day" measure', 'Two\nlines', 'A, B and "C"\r\nthree', 'Plain'];
const AREAS = [['E06000032', 'Luton'], ['E06000033', 'Southend-on-Sea'], ['E92000001', 'England'], ['E12000006', 'East of England'], ['E06000034', 'Bristol, City of']];

/**
 * A random Fingertips-format file (27 columns) of `n` rows from `rand` (a seeded uniform): quoted
 * names with commas, quotes and newlines, notes with quotes, blank lines, CRLF and a BOM on request.
 */
export function randomFingertipsFile(rand: () => number, n: number, crlf: boolean, bom: boolean): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const lines = [HEADER_27];
  for (let i = 0; i < n; i++) {
    const [area, areaName] = pick(AREAS);
    lines.push(row27({ id: String(90000 + Math.floor(rand() * 5)), name: pick(NAMES), area, areaName, period: String(2010 + Math.floor(rand() * 10)), value: (rand() * 100).toFixed(3), note: rand() < 0.1 ? 'a "note", with commas' : '' }));
    if (rand() < 0.05) lines.push('');
  }
  return (bom ? '\uFEFF' : '') + lines.join(crlf ? '\r\n' : '\n') + (rand() < 0.5 ? (crlf ? '\r\n' : '\n') : '');
}

/**
 * A plain csv-parse parse of `text` (the reference for the fast paths): each record with the
 * physical line it starts on. csv-parse counts a CR inside quotes as a line and gives the line a
 * record ends on; physical lines are LF-separated.
 */
export function csvParseRecords(text: string): { record: string[]; line: number }[] {
  const records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
  let extra = 0;
  return records.map((r) => {
    const joined = r.record.join('');
    extra += joined.split('\r').length - 1;
    return { record: r.record, line: r.info.lines - extra - (joined.split('\n').length - 1) };
  });
}
