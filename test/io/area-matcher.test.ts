import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { areaMatcher } from '../../src/io/area-matcher.js';
import { seededUniform } from '../../src/stats/index.js';

const CODES = ['E06000032', 'E92000001'];
const one = (text: string, column: number): boolean => areaMatcher(column, CODES)(Buffer.from(text), 0, Buffer.byteLength(text));

describe('areaMatcher', () => {
  it.each([
    ['1,"a, b",E06000032,x', 2, true],
    ['1,2, E06000032 ,x', 2, true],
    ['1,2,E06000032\r', 2, true],
    ['1,2,E06000033,x', 2, false],
    ['1,2,E0600003,x', 2, false],
    ['a,b', 2, false],
    ['a,"E06000033"', 1, true], // quoted: the caller parses it
    ['"say ""hi"", E06000032",E06000033', 1, false],
    ['"two\nlines",E92000001', 1, true],
    ['a"b,c,E06000033', 2, true], // malformed before the field: parse it
    ['"a"b,c,E06000033', 2, true],
    ['"unclosed,E06000033', 1, true],
  ] as const)('%j field %i → %s', (text, column, expected) => expect(one(text, column)).toBe(expected));

  it('property: over records that share their first fields, never says no to a record whose area is wanted, and reads plain fields exactly', () => {
    const rand = seededUniform(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const quote = (f: string): string => (/[",\r\n]/.test(f) || rand() < 0.1 ? `"${f.replace(/"/g, '""')}"` : f);
    const FIRST = ['90366', 'Life expectancy', 'A, B and "C"', 'two\nlines', '', 'x'];
    const AREAS = ['E06000032', 'E92000001', 'E06000033', ' E06000032 ', 'E0600003', 'E06000032x', ''];
    for (let k = 0; k < 200; k++) {
      const column = 1 + Math.floor(rand() * 4);
      const shared = Array.from({ length: column }, () => pick(FIRST));
      const records: string[] = [];
      for (let i = 0; i < 20; i++) {
        const head = rand() < 0.7 ? shared : Array.from({ length: column }, () => pick(FIRST));
        const fields = [...head.map(quote), rand() < 0.1 ? `"${pick(AREAS)}"` : pick(AREAS), quote(pick(FIRST))];
        if (rand() < 0.1) fields[Math.floor(rand() * column)] = pick(['a"b', '"a"b']);
        records.push(fields.join(',') + (rand() < 0.3 ? '\r' : ''));
      }
      const data = Buffer.from(records.join('\n'));
      const matches = areaMatcher(column, CODES);
      let start = 0;
      for (const record of records) {
        const end = start + Buffer.byteLength(record);
        const said = matches(data, start, end);
        let parsed: string[] | null = null;
        try {
          parsed = (parse(record.replace(/\r$/, ''), { relax_column_count: true }) as string[][])[0]!;
        } catch {
          parsed = null;
        }
        if (parsed === null) {
          // csv-parse refuses it: only a fault after the area field may let it through unparsed.
          const area = record.split(',')[column];
          if (!said) expect(area === undefined || !CODES.includes(area.trim())).toBe(true);
        } else {
          const area = parsed[column]!.trim();
          if (CODES.includes(area)) expect(said, record).toBe(true);
          const plain = !record.includes('"');
          if (plain) expect(said, record).toBe(CODES.includes(area));
        }
        start = end + 1;
      }
    }
  });
});
