import { isUtf8 } from 'node:buffer';
import type { Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { areaMatcher } from './area-matcher.js';

/** Why the fast path gave up: the caller reads the file the ordinary way instead. */
export class FallBack extends Error {}

/** A record that holds a needle (or the header): its first line within the range, and its text. */
export interface Hit {
  line: number;
  text: string;
}

/** What a scan of a range saw besides its hits; `carried` is the unfinished record at its end. */
export interface RangeStats {
  /** Data records seen (blank lines and the header not counted). */
  records: number;
  /** Newlines inside the records completed so far: a record's line is 1 + the newlines before it. */
  newlines: number;
  carried: Buffer;
}

const CHUNK = 8 << 20;
/** Room in front of each block for the unfinished record carried over from the block before. */
const ROOM = 1 << 20;

export const newRangeStats = (): RangeStats => ({ records: 0, newlines: 0, carried: Buffer.alloc(0) });

/**
 * Scans bytes [from, to) of a plain UTF-8 CSV file for the records that hold a needle, in 8 MB
 * blocks (or `chunk` bytes) read one ahead (the next read runs while this block is scanned).
 * Record ends are newlines outside quotes: newline positions come from Buffer.indexOf and the quote parity from the quotes
 * between them. The range must start at a record start (or continue `prefix`, the unfinished
 * record of the range before). With `final`, the end of the range is the end of the file (a last
 * record without a newline counts, unbalanced quotes throw FallBack); otherwise the unfinished
 * record is left in `stats.carried`. With `header`, the first record is yielded and not counted.
 * With `column` and `areas`, the needles are not searched for: a record is a hit when that field (the
 * Area Code), read in place (areaMatcher), is one of `areas`, or cannot be read in place (quoted):
 * the caller parses it and decides.
 * With `every`, every record is a hit (a whole-file read); `onBlock` hears the position read to,
 * and `hash` is given every byte read, in order. Throws FallBack on invalid UTF-8.
 */
export async function* scanRange(
  fh: FileHandle, from: number, to: number, needles: Buffer[],
  options: { header: boolean; final: boolean; prefix?: Buffer; column?: number; areas?: Set<string>; every?: boolean; onBlock?: (position: number) => void; hash?: Hash; chunk?: number }, stats: RangeStats,
): AsyncGenerator<Hit> {
  const chunk = options.chunk ?? CHUNK;
  const buffers = [Buffer.allocUnsafe(ROOM + chunk), Buffer.allocUnsafe(ROOM + chunk)];
  let position = from;
  const readInto = (buffer: Buffer) => {
    const length = Math.min(chunk, to - position);
    const read = fh.read(buffer, ROOM, length, position);
    position += length;
    return read;
  };
  let which = 0;
  let pending = readInto(buffers[0]!);
  let carried = options.prefix ?? Buffer.alloc(0);
  let header = options.header;
  const column = options.column ?? -1;
  const areaOf = column >= 0 && options.areas !== undefined ? areaMatcher(column, [...options.areas]) : null;
  for (;;) {
    const { bytesRead } = await pending;
    const buffer = buffers[which]!;
    const last = bytesRead === 0 || position >= to;
    options.hash?.update(buffer.subarray(ROOM, ROOM + bytesRead));
    // The carried record (a view into the other buffer) moves in front of this block before the
    // next read may overwrite it.
    let data: Buffer;
    if (carried.length <= ROOM) {
      carried.copy(buffer, ROOM - carried.length);
      data = buffer.subarray(ROOM - carried.length, ROOM + bytesRead);
    } else data = Buffer.concat([carried, buffer.subarray(ROOM, ROOM + bytesRead)]);
    if (!last) pending = readInto(buffers[1 - which]!);
    const eof = last && options.final;
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
    options.onBlock?.(position);
    // Records that hold a needle (in the given column, when there is one).
    const hit = new Uint8Array(ends.length);
    if (options.every) hit.fill(1);
    else if (areaOf) {
      let start = 0;
      for (let k = 0; k < ends.length; k++) {
        if (areaOf(data, start, ends[k]!)) hit[k] = 1;
        start = ends[k]! + 1;
      }
    } else {
      for (const needle of needles) {
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
    }
    let start = 0;
    for (let k = 0; k < ends.length; k++) {
      const end = ends[k]!;
      const stop = end > start && data[end - 1] === 13 ? end - 1 : end;
      if (stop > start) {
        if (header) {
          header = false;
          yield { line: 1 + stats.newlines + (k === 0 ? 0 : linesTo[k - 1]!), text: data.toString('utf8', start, stop) };
        } else {
          stats.records++;
          if (hit[k]) yield { line: 1 + stats.newlines + (k === 0 ? 0 : linesTo[k - 1]!), text: data.toString('utf8', start, stop) };
        }
      }
      start = end + 1;
    }
    if (ends.length) stats.newlines += linesTo[ends.length - 1]!;
    carried = start < data.length ? data.subarray(start) : Buffer.alloc(0);
    if (last) {
      stats.carried = carried;
      return;
    }
    which = 1 - which;
  }
}
