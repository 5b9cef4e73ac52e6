import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import type { CsvRecord } from './read-records.js';

/** What the fast path saw besides the records it yields. */
export interface NeedleStats {
  /** Data records in the file (blank lines not counted), header excluded. */
  records: number;
  /** Data records yielded (they hold a needle). */
  yielded: number;
}

/** Why the fast path gave up: the caller reads the file the ordinary way instead. */
export class FallBack extends Error {}

/**
 * Splits one CSV record (RFC 4180, no line end) into fields; quoted fields may hold commas, doubled
 * quotes and newlines. Null when the record is malformed (the caller then asks csv-parse).
 *
 * @example splitRecord('a,"b, ""c""",d') // ['a', 'b, "c"', 'd']
 */
export function splitRecord(s: string): string[] | null {
  if (s.indexOf('"') < 0) return s.split(',');
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  for (;;) {
    if (s.charCodeAt(i) === 34) {
      let v = '';
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) return null;
        v += s.slice(i, q);
        if (s.charCodeAt(q + 1) === 34) {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(v);
      if (i >= n) return out;
      if (s.charCodeAt(i) !== 44) return null;
      i++;
      if (i === n) {
        out.push('');
        return out;
      }
    } else {
      const c = s.indexOf(',', i);
      if (c < 0) {
        out.push(s.slice(i));
        return out;
      }
      const field = s.slice(i, c);
      if (field.indexOf('"') >= 0) return null;
      out.push(field);
      i = c + 1;
      if (i === n) {
        out.push('');
        return out;
      }
    }
  }
}

const CHUNK = 8 << 20;

/**
 * The fast reading path for a selection: reads a plain (not gzipped) UTF-8 file in large blocks,
 * finds the record boundaries with a quote-aware scan (newlines inside quotes do not end a record),
 * finds the needles (area codes) with Buffer.indexOf, and parses only the records that hold one.
 * The header is always yielded first. Every other record is counted in `stats.records`, so that
 * nothing is lost: a caller counts the ones not yielded as outside the selection. Throws FallBack
 * for gzip, UTF-16 or unbalanced quotes, where the ordinary csv-parse path must read the file.
 */
export async function* needleRecords(path: string, needles: string[], stats: NeedleStats): AsyncGenerator<CsvRecord> {
  const fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    throw new InputError(`${path}: cannot read the file (${e.code ?? 'error'})`);
  });
  const wanted = needles.map((n) => Buffer.from(n, 'utf8'));
  try {
    // One buffer, reused: the unfinished record of a block moves to the front, the next block follows it.
    let buffer = Buffer.allocUnsafe(2 * CHUNK);
    let carried = 0;
    let line = 1;
    let header = true;
    let first = true;
    let position = 0;
    for (;;) {
      if (buffer.length - carried < CHUNK) {
        const bigger = Buffer.allocUnsafe(carried + 2 * CHUNK);
        buffer.copy(bigger, 0, 0, carried);
        buffer = bigger;
      }
      const { bytesRead } = await fh.read(buffer, carried, CHUNK, position);
      position += bytesRead;
      const eof = bytesRead === 0;
      let data = buffer.subarray(0, carried + bytesRead);
      if (first) {
        first = false;
        if (data.length >= 2 && ((data[0] === 0x1f && data[1] === 0x8b) || (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) throw new FallBack('not plain UTF-8');
        if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
      }
      // Record ends: newlines outside quotes.
      const ends: number[] = [];
      /** Newlines in the block up to and including each record's end. */
      const linesTo: number[] = [];
      let inQuote = false;
      let nextQuote = data.indexOf(34);
      let lastEnd = -1;
      let newlines = 0;
      for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, nl + 1)) {
        newlines++;
        while (nextQuote >= 0 && nextQuote < nl) {
          inQuote = !inQuote;
          nextQuote = data.indexOf(34, nextQuote + 1);
        }
        if (!inQuote) {
          ends.push(nl);
          linesTo.push(newlines);
          lastEnd = nl;
        }
      }
      if (eof) {
        // Quotes after the last record end decide whether the file ends inside a quoted field.
        let open = false;
        for (let q = data.indexOf(34, lastEnd + 1); q >= 0; q = data.indexOf(34, q + 1)) open = !open;
        if (open) throw new FallBack('unbalanced quotes');
        if (lastEnd < data.length - 1) {
          ends.push(data.length);
          linesTo.push(newlines);
        }
      }
      const complete = ends.length ? ends[ends.length - 1]! : -1;
      if (!isUtf8(data.subarray(0, complete + 1))) throw new FallBack('not UTF-8');
      // Records that hold a needle.
      const hit = new Uint8Array(ends.length);
      for (const needle of wanted) {
        for (let p = data.indexOf(needle); p >= 0 && p < complete; p = data.indexOf(needle, p + needle.length)) {
          let lo = 0;
          let hi = ends.length - 1;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (ends[mid]! < p) lo = mid + 1;
            else hi = mid;
          }
          hit[lo] = 1;
        }
      }
      let start = 0;
      for (let k = 0; k < ends.length; k++) {
        const end = ends[k]!;
        const stop = end > start && data[end - 1] === 13 ? end - 1 : end;
        const blank = stop <= start;
        const startLine = line + (k === 0 ? 0 : linesTo[k - 1]!);
        if (!blank) {
          if (header || hit[k]) {
            const text = data.toString('utf8', start, stop);
            const fields = splitRecord(text) ?? (parse(text, { relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? [];
            if (!header) stats.yielded++;
            if (header) header = false;
            else stats.records++;
            yield { line: startLine, fields };
          } else stats.records++;
        }
        start = end + 1;
      }
      if (ends.length) line += linesTo[ends.length - 1]!;
      carried = Math.max(0, data.length - start);
      if (carried > 0) data.copy(buffer, 0, start, data.length);
      if (eof) break;
    }
  } finally {
    await fh.close();
  }
}
