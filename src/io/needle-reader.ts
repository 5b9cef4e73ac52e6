import { existsSync } from 'node:fs';
import type { Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { WorkerJob, WorkerMessage } from './needle-worker.js';
import type { CsvRecord } from './read-records.js';
import { FallBack, hitCount, hitLine, hitText, newRangeStats, scanRange, type Hits } from './scan-range.js';
import { splitRecord } from './split-record.js';

export { FallBack } from './scan-range.js';
export { splitRecord } from './split-record.js';

/** What the fast path saw besides the records it yields. */
export interface NeedleStats {
  /** Data records in the file (blank lines not counted), header excluded. */
  records: number;
  /** Data records yielded (they hold a needle). */
  yielded: number;
  /** Bytes of the file read (all of it, once the records are done). */
  bytes: number;
}

/** Files at least this large are scanned in two halves, the second half on a worker thread. */
export const PARALLEL_MIN = 64 << 20;

/**
 * The main thread's share of a split file: it also parses every record found, so it scans less
 * than half (0.42 was the fastest of 0.25–0.5 on the 1 GB bench file; docs/performance.md).
 */
const MAIN_SHARE = 0.42;

/** Block size of a whole-file read: it decodes every record, so the scan is not its cost, and small blocks keep memory down. */
const EVERY_CHUNK = 2 << 20;

const WORKER = new URL('./needle-worker.js', import.meta.url);

/** A record found; malformed quoting sends the whole file to csv-parse, whose recovery is the reference. */
export function toRecord(line: number, text: string): CsvRecord {
  const fields = splitRecord(text);
  if (!fields) throw new FallBack(`malformed quoting on line ${line}`);
  return { line, fields };
}

/** A block's hits as records, each split when it is reached. */
export function* blockRecords(hits: Hits): Generator<CsvRecord> {
  for (let k = 0, n = hitCount(hits); k < n; k++) yield toRecord(hitLine(hits, k), hitText(hits, k));
}

/** The worker's hits as records. */
function* postedRecords(hits: [line: number, text: string][], offset: number): Generator<CsvRecord> {
  for (const [line, text] of hits) yield toRecord(line + offset, text);
}

/** The first record start at or after the main thread's share of the file; the file's size when there is none near. */
async function middle(fh: FileHandle, size: number): Promise<number> {
  const window = Buffer.alloc(1 << 20);
  const at = Math.floor(size * MAIN_SHARE);
  const { bytesRead } = await fh.read(window, 0, window.length, at);
  const nl = window.subarray(0, bytesRead).indexOf(10);
  return nl < 0 ? size : at + nl + 1;
}

/** The column the needles must lie in, from the header line; -1 (any) when the header is not a plain line. */
async function headerColumn(fh: FileHandle, from: number, pick: (header: string[]) => number): Promise<number> {
  const window = Buffer.alloc(64 << 10);
  const { bytesRead } = await fh.read(window, 0, window.length, from);
  const nl = window.subarray(0, bytesRead).indexOf(10);
  if (nl < 0) return -1;
  const text = window.toString('utf8', 0, nl > 0 && window[nl - 1] === 13 ? nl - 1 : nl);
  const fields = text.includes('"') ? null : text.split(',');
  return fields ? pick(fields) : -1;
}

/**
 * The worker's messages in order, as an async iterable; errors and a failed exit become FallBack.
 * `silent` waits for its first word and says whether it stopped without one (it never ran).
 */
function startWorker(job: WorkerJob, onProgress: (bytes: number) => void): { worker: Worker; messages: () => AsyncGenerator<WorkerMessage>; silent: () => Promise<boolean> } {
  const worker = new Worker(WORKER, { workerData: job });
  const queue: (WorkerMessage | Error)[] = [];
  let heard = false;
  let wake: (() => void) | null = null;
  const waitForMore = async (): Promise<void> => {
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  };
  const push = (m: WorkerMessage | Error): void => {
    if (!(m instanceof Error)) heard = true;
    if (!(m instanceof Error) && m.kind === 'progress') onProgress(m.bytes);
    else queue.push(m);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', push);
  worker.on('exit', (code) => push(new Error(`the reading thread stopped (exit ${code})`)));
  async function* messages(): AsyncGenerator<WorkerMessage> {
    for (;;) {
      while (queue.length > 0) {
        const m = queue.shift()!;
        if (m instanceof Error) throw new FallBack(m.message);
        yield m;
      }
      await waitForMore();
    }
  }
  const silent = async (): Promise<boolean> => {
    while (!heard && queue.length === 0) await waitForMore();
    return !heard;
  };
  return { worker, messages, silent };
}

/**
 * The fast reading path for a selection: reads a plain (not gzipped) UTF-8 file in large blocks,
 * finds the record boundaries with a quote-aware scan (newlines inside quotes do not end a record),
 * and parses only the records that concern the caller: with `column` (which picks the Area Code
 * column from the header) and `areas`, those whose Area Code, read in place, is one of `areas`;
 * otherwise those that hold one of the needles (found with Buffer.indexOf).
 * The header is always yielded first. Every other record is counted in `stats.records`, so that
 * nothing is lost: a caller counts the ones not yielded as outside the selection. A file of
 * `parallelMin` bytes or more is scanned in two parts at once, the second (58%) on a worker thread;
 * if the split point turns out to fall inside a quoted field, the worker's part is discarded and the
 * main thread scans on. Throws FallBack for gzip, UTF-16, invalid UTF-8, unbalanced or malformed
 * quotes, where the ordinary csv-parse path must read the file. With `limit`, only the records that end within the
 * first `limit` bytes are read. With `every`, every record is yielded (one thread): the whole-file
 * reader of `check`, about ten times csv-parse's speed.
 */
export async function* needleRecords(...args: Parameters<typeof needleBlocks>): AsyncGenerator<CsvRecord> {
  for await (const block of needleBlocks(...args)) yield* block;
}

/**
 * needleRecords a block at a time: each block's records are split as the caller reaches them, and
 * must all be taken before the next block is asked for. A step of an async generator costs ~0.2 µs
 * (promises), a step of a sync one ~0.03 µs: 3.6 million records in a national file.
 */
export async function* needleBlocks(
  path: string, needles: string[], stats: NeedleStats,
  options: {
    parallelMin?: number; column?: (header: string[]) => number; areas?: string[]; limit?: number; every?: boolean;
    progress?: (bytes: number, total: number) => void;
    /** Hashes every byte of the file as read (with `every`, which reads it in order on one thread). */
    hash?: Hash;
  } = {},
): AsyncGenerator<Iterable<CsvRecord>> {
  const fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    throw new InputError(`${path}: cannot read the file (${e.code ?? 'error'})`);
  });
  let helper: ReturnType<typeof startWorker> | null = null;
  try {
    const fileSize = (await fh.stat()).size;
    const size = Math.min(fileSize, options.limit ?? Infinity);
    const head = Buffer.alloc(3);
    await fh.read(head, 0, 3, 0);
    if ((head[0] === 0x1f && head[1] === 0x8b) || (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) throw new FallBack('not plain UTF-8');
    const from = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    if (from > 0) options.hash?.update(head);
    const wanted = needles.map((n) => Buffer.from(n, 'utf8'));
    const column = options.column ? await headerColumn(fh, from, options.column) : -1;
    const areas = options.areas ? new Set(options.areas) : undefined;
    const mid = !options.every && size === fileSize && size >= (options.parallelMin ?? PARALLEL_MIN) && existsSync(fileURLToPath(WORKER)) ? await middle(fh, size) : size;
    let mainBytes = 0;
    let workerBytes = 0;
    const report = (): void => options.progress?.(mainBytes + workerBytes, size);
    if (mid < size) {
      helper = startWorker({ path, from: mid, to: size, needles, column, areas: options.areas ?? null }, (bytes) => {
        workerBytes = bytes;
        report();
      });
    }
    const onBlock = (position: number): void => {
      mainBytes = position;
      report();
    };
    const range = newRangeStats();
    let header = true;
    for await (const hits of scanRange(fh, from, mid, wanted, { header: true, final: mid === fileSize, column, areas, every: options.every, onBlock, hash: options.hash, chunk: options.limit !== undefined ? 1 << 20 : options.every ? EVERY_CHUNK : undefined }, range)) {
      stats.yielded += hitCount(hits) - (header ? 1 : 0);
      header = false;
      yield blockRecords(hits);
    }
    if (helper && (range.carried.length > 0 || (await helper.silent()))) {
      // The middle fell inside a quoted field (the worker started mid-record), or the worker never
      // ran (a worker refuses some of node's flags, which it inherits): scan on alone.
      await helper.worker.terminate();
      helper = null;
      for await (const hits of scanRange(fh, mid, size, wanted, { header: false, final: true, prefix: range.carried, column, areas, every: options.every, onBlock }, range)) {
        stats.yielded += hitCount(hits);
        yield blockRecords(hits);
      }
    } else if (helper) {
      const offset = range.newlines;
      for await (const m of helper.messages()) {
        if (m.kind === 'fallback') throw new FallBack(m.reason);
        if (m.kind === 'progress') continue;
        if (m.kind === 'done') {
          range.records += m.records;
          break;
        }
        stats.yielded += m.hits.length;
        yield postedRecords(m.hits, offset);
      }
    }
    stats.records = range.records;
    stats.bytes = size;
  } finally {
    if (helper) await helper.worker.terminate();
    await fh.close();
  }
}
