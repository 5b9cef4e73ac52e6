import { isUtf8 } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import type { CsvRecord } from './read-records.js';
import { blockRecords, toRecord } from './needle-reader.js';
import { FallBack, newRangeStats, scanBuffers, scanRange } from './scan-range.js';
import { splitRecord } from './split-record.js';

/**
 * Reading a plain UTF-8 CSV file in blocks that two threads can read at once. A block is the
 * records that start in its byte range. Its nominal start is the byte after the first newline at
 * or after a multiple of the block size, which is a record start unless that newline is inside
 * quotes. A reader cannot know that from where it stands, so the thread that reads the block
 * before finishes its last record past the range and says where it truly ended: a block whose
 * nominal start differs from that end was read from a wrong start and is read again from the true
 * one (read-in-two.ts).
 */

/** Read size when looking for a newline or the end of a record. */
const WINDOW = 64 << 10;
/** Size of the scan's reads inside a block (a block is a few of them). */
const CHUNK = 1 << 20;

/** Where a record that starts in quote state `inQuote` at `data[0]` ends: the index of its newline (-1: not in `data`) and the quote state at the end of `data`. */
function firstRecordEnd(data: Buffer, inQuote: boolean): { newline: number; inQuote: boolean } {
  let quote = data.indexOf(34);
  for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, nl + 1)) {
    for (; quote >= 0 && quote < nl; quote = data.indexOf(34, quote + 1)) inQuote = !inQuote;
    if (!inQuote) return { newline: nl, inQuote };
  }
  for (; quote >= 0; quote = data.indexOf(34, quote + 1)) inQuote = !inQuote;
  return { newline: -1, inQuote };
}

const newlinesIn = (data: Buffer): number => {
  let n = 0;
  for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) n++;
  return n;
};

/**
 * The buffers readBlock scans into, for a reader of many blocks to reuse: 1 MB blocks with 64 KB
 * in front for the record carried from one to the next (a longer record is joined by a copy).
 */
export const blockBuffers = (): Buffer[] => scanBuffers(CHUNK, 64 << 10);

/** A record's bytes (no newline) as text, without a final CR; FallBack when not UTF-8. */
function recordText(bytes: Buffer): string {
  if (!isUtf8(bytes)) throw new FallBack('not UTF-8');
  const stop = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
  return bytes.toString('utf8', 0, stop);
}

/**
 * The rest of a record begun in `carried` (its bytes up to `at`): read from `at` to its newline
 * outside quotes, or to the end of the file. Returns its text, the byte after it, and the newlines
 * in it (its own newline included). FallBack when the file ends inside quotes.
 */
async function finishRecord(fh: FileHandle, at: number, carried: Buffer, size: number): Promise<{ text: string; end: number; newlines: number }> {
  const parts = [Buffer.from(carried)];
  let { inQuote } = firstRecordEnd(carried, false);
  let newlines = newlinesIn(carried);
  const window = Buffer.allocUnsafe(WINDOW);
  for (let position = at; ;) {
    const { bytesRead } = await fh.read(window, 0, Math.min(WINDOW, size - position), position);
    if (bytesRead === 0) {
      if (inQuote) throw new FallBack('unbalanced quotes');
      return { text: recordText(Buffer.concat(parts)), end: position, newlines };
    }
    const data = window.subarray(0, bytesRead);
    const found = firstRecordEnd(data, inQuote);
    if (found.newline >= 0) {
      parts.push(Buffer.from(data.subarray(0, found.newline)));
      return { text: recordText(Buffer.concat(parts)), end: position + found.newline + 1, newlines: newlines + newlinesIn(data.subarray(0, found.newline + 1)) };
    }
    parts.push(Buffer.from(data));
    newlines += newlinesIn(data);
    inQuote = found.inQuote;
    position += bytesRead;
  }
}

/**
 * The header: the first record that is not blank, from byte `from` (after a BOM), read within its
 * first MB. Returns its fields, the byte after it, and the newlines up to there (so the first data
 * line is `1 + newlines`); null when it is not in the first MB, is not UTF-8 or cannot be split.
 *
 * @example await headerRecord(fh, 0, size) // { fields: ['Indicator ID', ...], end: 312, newlines: 1 }
 */
export async function headerRecord(fh: FileHandle, from: number, size: number): Promise<{ fields: string[]; end: number; newlines: number } | null> {
  const window = Buffer.allocUnsafe(1 << 20);
  const { bytesRead } = await fh.read(window, 0, Math.min(window.length, size - from), from);
  const data = window.subarray(0, bytesRead);
  let newlines = 0;
  for (let start = 0; start < data.length;) {
    const { newline } = firstRecordEnd(data.subarray(start), false);
    if (newline < 0 && from + bytesRead < size) return null;
    const stop = newline < 0 ? data.length : start + newline;
    const bytes = data.subarray(start, stop);
    newlines += newlinesIn(bytes) + (newline < 0 ? 0 : 1);
    if (!isUtf8(bytes)) return null;
    const text = recordText(bytes);
    if (text !== '') {
      const fields = splitRecord(text);
      return fields ? { fields, end: from + (newline < 0 ? data.length : stop + 1), newlines } : null;
    }
    start = stop + 1;
  }
  return null;
}

/**
 * The nominal starts of a file's blocks of about `blockBytes` from `from` (the first data record):
 * `from`, then the byte after the first newline at or after each multiple of the block size, then
 * the file's size; strictly increasing.
 *
 * @example await blockStarts(fh, 312, 10_000_000, 4 << 20) // [312, 4194399, 8388701, 10000000]
 */
export async function blockStarts(fh: FileHandle, from: number, size: number, blockBytes: number): Promise<number[]> {
  const starts = [from];
  const window = Buffer.allocUnsafe(WINDOW);
  for (let b = from + blockBytes; b < size; b += blockBytes) {
    let start = size;
    for (let position = b - 1; position < size; position += WINDOW) {
      const { bytesRead } = await fh.read(window, 0, Math.min(WINDOW, size - position), position);
      const nl = window.subarray(0, bytesRead).indexOf(10);
      if (nl >= 0) {
        start = position + nl + 1;
        break;
      }
    }
    if (start > starts[starts.length - 1]! && start < size) starts.push(start);
  }
  starts.push(size);
  return starts;
}

/**
 * Reads the records that start in bytes [start, to) of a plain UTF-8 CSV file (`start` must be a
 * record start) and gives them, a block of the scan at a time, to `take`, with their lines counted
 * from the range's first line (1). The last one is read to its end past `to`. Returns the byte
 * after the last record (where the next record truly starts) and the newlines from `start` to
 * there. Throws FallBack on invalid UTF-8, malformed quoting, or a file that ends inside quotes.
 * A reader of many blocks passes `buffers` (blockBuffers()) so that each block does not allocate its own.
 *
 * @example await readBlock(fh, 312, 4194399, size, (records) => consumer.take(records)) // { end: 4194399, newlines: 14766 }
 */
export async function readBlock(
  fh: FileHandle, start: number, to: number, size: number, take: (records: Iterable<CsvRecord>) => void, buffers?: Buffer[],
): Promise<{ end: number; newlines: number }> {
  if (start >= to) return { end: start, newlines: 0 };
  const stats = newRangeStats();
  for await (const hits of scanRange(fh, start, to, [], { header: false, final: to === size, every: true, chunk: CHUNK, buffers }, stats)) take(blockRecords(hits));
  if (stats.carried.length === 0) return { end: to, newlines: stats.newlines };
  const line = 1 + stats.newlines;
  const rest = await finishRecord(fh, to, stats.carried, size);
  if (rest.text !== '') take([toRecord(line, rest.text)]);
  return { end: rest.end, newlines: stats.newlines + rest.newlines };
}
