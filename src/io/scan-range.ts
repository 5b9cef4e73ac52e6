import { isUtf8 } from 'node:buffer';
import type { Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { areaMatcher } from './area-matcher.js';

/** Why the fast path gave up: the caller reads the file the ordinary way instead. */
export class FallBack extends Error {}

/**
 * A block's records that hold a needle (or the header): the k-th is bytes [at[3k], at[3k+1]) of
 * `data`, and its first line within the range is `line + at[3k+2]`. `data` is the scanner's own
 * buffer, valid only until the scan goes on: each record's text is made when it is asked for, so a
 * block's records are never all alive at once (2 MB of strings that every young-generation
 * collection copied: ~20% of the reading thread's time).
 */
export interface Hits {
  data: Buffer;
  at: number[];
  line: number;
}

/** How many records a block's hits hold. */
export const hitCount = (hits: Hits): number => hits.at.length / 3;

/** The first line, within the range, of a block's k-th hit. */
export const hitLine = (hits: Hits, k: number): number => hits.line + hits.at[3 * k + 2]!;

/** The text of a block's k-th hit (UTF-8 decoded; the block was checked to be valid UTF-8). */
export const hitText = (hits: Hits, k: number): string => hits.data.toString('utf8', hits.at[3 * k]!, hits.at[3 * k + 1]!);

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

/** The two buffers a scan of `chunk`-byte blocks reads into (one read while the other is scanned). */
export const scanBuffers = (chunk = CHUNK, room = ROOM): Buffer[] => [Buffer.allocUnsafe(room + chunk), Buffer.allocUnsafe(room + chunk)];

export const newRangeStats = (): RangeStats => ({ records: 0, newlines: 0, carried: Buffer.alloc(0) });

/**
 * Scans bytes [from, to) of a plain UTF-8 CSV file for the records that hold a needle (yielded a
 * block's at a time, as Hits), in 8 MB
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
  options: {
    header: boolean; final: boolean; prefix?: Buffer; column?: number; areas?: Set<string>; every?: boolean; onBlock?: (position: number) => void; hash?: Hash; chunk?: number;
    /** Two buffers of scanBuffers(chunk, room), reused from range to range (a scan allocates its own otherwise). */
    buffers?: Buffer[];
  }, stats: RangeStats,
): AsyncGenerator<Hits> {
  const chunk = options.chunk ?? CHUNK;
  const buffers = options.buffers ?? scanBuffers(chunk);
  /** Room in front of each block for the record carried over (a longer one is joined to the block by a copy). */
  const room = buffers[0]!.length - chunk;
  let position = from;
  const readInto = (buffer: Buffer) => {
    const length = Math.min(chunk, to - position);
    const read = fh.read(buffer, room, length, position);
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
    options.hash?.update(buffer.subarray(room, room + bytesRead));
    // The carried record (a view into the other buffer) moves in front of this block before the
    // next read may overwrite it.
    let data: Buffer;
    if (carried.length <= room) {
      carried.copy(buffer, room - carried.length);
      data = buffer.subarray(room - carried.length, room + bytesRead);
    } else data = Buffer.concat([carried, buffer.subarray(room, room + bytesRead)]);
    if (!last) pending = readInto(buffers[1 - which]!);
    const eof = last && options.final;
    // Record ends are newlines outside quotes; each record is tested as its end is found, and the
    // wanted ones noted as (start, stop, newlines before it) for decoding once the block is checked.
    const found: number[] = [];
    let records = 0;
    let start = 0;
    let newlines = 0;
    let linesBefore = 0;
    const next = options.every || areaOf ? [] : needles.map((needle) => data.indexOf(needle));
    const wanted = (end: number): boolean => {
      if (options.every) return true;
      if (areaOf) return areaOf(data, start, end);
      let hit = false;
      for (let j = 0; j < needles.length; j++) {
        let p = next[j]!;
        if (p >= start && p < end) hit = true;
        while (p >= 0 && p < end) p = data.indexOf(needles[j]!, p + needles[j]!.length);
        next[j] = p;
      }
      return hit;
    };
    const recordEnd = (end: number): void => {
      const stop = end > start && data[end - 1] === 13 ? end - 1 : end;
      if (stop > start) {
        if (header) {
          header = false;
          found.push(start, stop, linesBefore);
        } else {
          records++;
          if (wanted(end)) found.push(start, stop, linesBefore);
        }
      }
      start = end + 1;
      linesBefore = newlines;
    };
    let inQuote = false;
    let nextQuote = data.indexOf(34);
    for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, nl + 1)) {
      newlines++;
      while (nextQuote >= 0 && nextQuote < nl) {
        inQuote = !inQuote;
        nextQuote = data.indexOf(34, nextQuote + 1);
      }
      if (!inQuote) recordEnd(nl);
    }
    if (eof) {
      // Quotes after the last record end decide whether the file ends inside a quoted field.
      let open = false;
      for (let q = data.indexOf(34, start); q >= 0; q = data.indexOf(34, q + 1)) open = !open;
      if (open) throw new FallBack('unbalanced quotes');
      if (start < data.length) recordEnd(data.length);
    }
    if (!isUtf8(data.subarray(0, start))) throw new FallBack('not UTF-8');
    options.onBlock?.(position);
    // A block's hits go together: one step of the generator a record cost ~0.15 µs.
    if (found.length > 0) yield { data, at: found, line: 1 + stats.newlines };
    stats.records += records;
    stats.newlines += linesBefore;
    carried = start < data.length ? data.subarray(start) : Buffer.alloc(0);
    if (last) {
      stats.carried = carried;
      return;
    }
    which = 1 - which;
  }
}
