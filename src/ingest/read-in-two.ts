import { existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { blockStarts, headerRecord, readBlock } from '../io/file-blocks.js';
import { FallBack } from '../io/scan-range.js';
import { adapterFor } from './adapt.js';
import type { HeaderMatch } from './headers.js';
import { batchMerger } from './batch-merge.js';
import type { BlockJob, BlockMessage } from './block-worker.js';
import type { Extract, ReadOptions } from './read-extract.js';
import { collectScavengesOnOneThread } from './read-in-worker.js';
import { addTally, emptyTally, extractOf, recordConsumer } from './record-consumer.js';
import { rowDecoder, rowEncoder, type RowBatch } from './row-codec.js';

const WORKER = new URL('./block-worker.js', import.meta.url);

/** Block size of a read on two threads: a thread's 16 batch slots (~65,000 rows, ~18 MB of file) hold several blocks. */
export const BLOCK_BYTES = 4 << 20;

/** Whether a whole-file read that could run on a second thread (canReadInWorker) can run on two: no digest (it needs the bytes in order), two cores or more, the built worker present. */
export const canReadInTwo = (options: ReadOptions): boolean => !options.digest && availableParallelism() >= 2 && existsSync(fileURLToPath(WORKER));

/**
 * Why the read on two threads stopped: the file is read again (after `restart`, when rows were
 * given), by csv-parse when the fast reader cannot read it (`fastReaderFails`), on one thread otherwise.
 */
class Stop extends Error {
  constructor(message: string, readonly fastReaderFails = false) {
    super(message);
  }
}

/**
 * readExtract on two reading threads (block-worker.ts), for a plain UTF-8 file: each reads,
 * validates and packs every other block of about `blockBytes` (file-blocks.ts), and this thread
 * takes their batches in file order, merges their string tables into one (batch-merge.ts) and
 * moves their lines on by the lines before each block, then gives them to `batches` or the sink,
 * as readInWorker would. A block whose nominal start turns out to lie inside a quoted field is
 * read again, here, from where the block before truly ended. The result is readExtract's, its
 * counts and diagnostics gathered block by block. When the fast reader cannot read a block from
 * its true start (malformed quoting, not UTF-8), the file goes to `readAgain` for csv-parse;
 * anything else (gzip, UTF-16, a header past the first MB, a thread that stops) to `readAgain`
 * on one thread; either after `restart` when rows were given (or an InputError without one), as
 * a fall-back of the fast reader on one thread does. `tuning` sets the block and batch sizes
 * (tests use small ones) and counts the blocks and the blocks read again.
 */
export async function readInTwo(
  path: string, options: ReadOptions, readAgain: (by: 'one-thread' | 'csv-parse') => Promise<Extract>,
  tuning: { blockBytes?: number; batchRows?: number; seen?: { blocks: number; rereads: number } } = {},
): Promise<Extract> {
  let given = 0;
  const workers: Worker[] = [];
  const counters = [0, 1].map(() => new Int32Array(new SharedArrayBuffer(4)));
  let fh: FileHandle | null = null;
  try {
    fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
      throw new Stop(`cannot open the file (${e.code ?? 'error'})`);
    });
    const size = (await fh.stat()).size;
    const plan = await planOf(fh, path, size, tuning.blockBytes ?? BLOCK_BYTES);
    if (!plan) throw new Stop('not a plain file of blocks');
    collectScavengesOnOneThread();
    const { header, match, starts } = plan;
    const blocks = starts.length - 1;
    if (tuning.seen) tuning.seen.blocks = blocks;
    const merger = batchMerger(3);
    const decode = options.batches ? null : rowDecoder(path);
    const give = (batch: RowBatch): void => {
      if (options.batches) options.batches(batch);
      else decode!(batch, options.sink!);
      given += batch.rows;
    };
    const tally = emptyTally();
    /** The lines before the block being taken (its line 1 is the file's `lines + 1`), and where it truly starts (where the block before ended). */
    let lines = header.newlines;
    let expected = starts[0]!;
    const queues: Exclude<BlockMessage, { kind: 'done' }>[][] = [[], []];
    let block = 0;
    let busy = false;
    const handle = fh;
    /** This thread's reader of blocks read again (one encoder for them all: the merger follows its tables). */
    let again: { consumer: ReturnType<typeof recordConsumer>; flush: () => void } | null = null;
    const readerAgain = () => {
      const encoder = rowEncoder(tuning.batchRows);
      const flush = (): void => {
        const batch = encoder.take();
        if (batch) give(merger.merge(2, batch, lines));
      };
      const consumer = recordConsumer(path, { pack: { build: encoder.build, full: flush } });
      consumer.take([{ line: 1, fields: header.fields }]);
      return { consumer, flush };
    };
    /** Reads block k again, on this thread, from its true start. */
    const reread = async (k: number): Promise<void> => {
      if (tuning.seen) tuning.seen.rereads++;
      again ??= readerAgain();
      const { consumer, flush } = again;
      const read = await readBlock(handle, expected, starts[k + 1]!, size, consumer.take).catch((e: unknown) => {
        throw e instanceof FallBack ? new Stop(e.message, true) : e;
      });
      flush();
      addTally(tally, consumer.tally(), lines);
      lines += read.newlines;
      expected = read.end;
    };
    return await new Promise<Extract>((resolve, reject) => {
      /** Settled: later messages are not taken. */
      let over = false;
      const fail = (e: unknown): void => {
        over = true;
        reject(e);
      };
      const pump = (): void => {
        while (!busy && !over && block < blocks) {
          const which = block % 2;
          const m = queues[which]!.shift();
          if (!m) return;
          const fromTrueStart = starts[block] === expected;
          if (m.kind === 'rows') {
            if (fromTrueStart) give(merger.merge(which, m.batch, lines));
            else merger.skip(which, m.batch);
            Atomics.add(counters[which]!, 0, 1);
            Atomics.notify(counters[which]!, 0);
          } else if (m.kind === 'error') throw new Stop(m.message);
          else if (fromTrueStart) {
            if (m.kind === 'failed') throw new Stop(m.reason, true);
            addTally(tally, m.tally, lines);
            lines += m.newlines;
            expected = m.end;
            block++;
            options.progress?.(expected, size);
          } else {
            busy = true;
            reread(block).then(() => {
              busy = false;
              block++;
              options.progress?.(expected, size);
              pump();
            }).catch(fail);
            return;
          }
        }
        if (block === blocks && !over) {
          over = true;
          resolve(extractOf({ name: path, gzip: false, digest: () => null }, match, [], tally));
        }
      };
      const done = [false, false];
      for (const first of [0, 1]) {
        const job: BlockJob = { path, size, header: header.fields, starts, first, taken: counters[first]!.buffer as SharedArrayBuffer, batchRows: tuning.batchRows };
        const worker = new Worker(WORKER, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
        workers.push(worker);
        worker.on('message', (m: BlockMessage) => {
          if (m.kind === 'done') {
            done[first] = true;
            return;
          }
          queues[first]!.push(m);
          try {
            pump();
          } catch (e) {
            fail(e);
          }
        });
        worker.on('error', (e) => fail(new Stop(e.message)));
        worker.on('exit', (code) => {
          if (!done[first]) fail(new Stop(`the reading thread stopped (exit ${code})`));
        });
      }
    });
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    await stopAll(workers, counters);
    if (given > 0) {
      if (!options.restart) throw new InputError(`${path}: the fast reader gave up after ${given} rows (${e.message})`, 'read the file from standard input (-) instead');
      options.restart();
    }
    return readAgain(e.fastReaderFails ? 'csv-parse' : 'one-thread');
  } finally {
    await stopAll(workers, counters);
    await fh?.close();
  }
}

/** Lets the reading threads go (one may be waiting for room) and stops them. */
async function stopAll(workers: Worker[], counters: Int32Array[]): Promise<void> {
  for (const counter of counters) {
    Atomics.store(counter, 0, 1 << 30);
    Atomics.notify(counter, 0);
  }
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
}

/** The header (its record and its match) and the blocks' starts of a plain UTF-8 file whose header is in its first MB; null otherwise. */
async function planOf(fh: FileHandle, path: string, size: number, blockBytes: number) {
  const head = Buffer.alloc(3);
  await fh.read(head, 0, 3, 0);
  if ((head[0] === 0x1f && head[1] === 0x8b) || (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return null;
  const from = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const header = await headerRecord(fh, from, size);
  if (!header) return null;
  let match: HeaderMatch;
  try {
    match = adapterFor(path, header.fields, null).header;
  } catch {
    return null;
  }
  return { header, match, starts: await blockStarts(fh, header.end, size, blockBytes) };
}
