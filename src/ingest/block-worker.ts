/* One of the two reading threads of a whole-file read: reads every other block of the file, validates and packs its rows, and accounts for each block. */
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { blockBuffers, readBlock } from '../io/file-blocks.js';
import { FallBack } from '../io/scan-range.js';
import { recordConsumer, type Tally } from './record-consumer.js';
import { rowEncoder, type RowBatch } from './row-codec.js';

export interface BlockJob {
  path: string;
  size: number;
  /** The header's fields (every block is read against them). */
  header: string[];
  /** The blocks' nominal starts, then the file's size (file-blocks.ts). */
  starts: number[];
  /** This thread reads blocks first, first + 2, first + 4, … */
  first: number;
  /** One Int32: batches the main thread has taken; the reader stays at most WINDOW batches ahead. */
  taken: SharedArrayBuffer;
  batchRows?: number;
}

/**
 * A block's batches come first, then its `block` message: where it truly ended, its newlines and
 * its counts, or why it could not be read (`failed`; it may have begun at a wrong start).
 */
export type BlockMessage =
  | { kind: 'rows'; batch: RowBatch }
  | { kind: 'block'; block: number; end: number; newlines: number; tally: Tally }
  | { kind: 'failed'; block: number; reason: string }
  | { kind: 'error'; message: string }
  | { kind: 'done' };

/**
 * Batches in shared memory (~0.6 MB each), written in turn: one being written and the rest posted
 * and not yet taken. The main thread reads a batch in place, so none is copied or collected. 16
 * (65,000 rows a thread) lets the readers go on while the main thread checks a large indicator:
 * on 1 GB, medians 9.9 s against 11.0 s with 8, peak RSS 227–248 MiB against 227–239 MiB
 * (docs/performance.md).
 */
const WINDOW = 16;

const job = workerData as BlockJob;
const taken = new Int32Array(job.taken);
const post = (m: BlockMessage): void => parentPort!.postMessage(m);
let posted = 0;
const encoder = rowEncoder(job.batchRows, undefined, WINDOW);
/** Posts the batch so far, then waits until the main thread has taken the batch whose arrays the next one reuses. */
const send = (): void => {
  const batch = encoder.take();
  if (!batch) return;
  post({ kind: 'rows', batch });
  posted++;
  for (let seen = Atomics.load(taken, 0); posted - seen >= WINDOW; seen = Atomics.load(taken, 0)) Atomics.wait(taken, 0, seen);
};

try {
  const fh = await open(job.path, 'r');
  try {
    const consumer = recordConsumer(job.path, { pack: { build: encoder.build, full: send } });
    consumer.take([{ line: 1, fields: job.header }]);
    const { starts } = job;
    const buffers = blockBuffers();
    for (let k = job.first; k < starts.length - 1; k += 2) {
      try {
        const read = await readBlock(fh, starts[k]!, starts[k + 1]!, job.size, consumer.take, buffers);
        send();
        post({ kind: 'block', block: k, end: read.end, newlines: read.newlines, tally: consumer.tally() });
      } catch (e) {
        if (!(e instanceof FallBack)) throw e;
        // The partial batch goes too: its strings are in this thread's table, which the main thread follows.
        send();
        consumer.tally();
        post({ kind: 'failed', block: k, reason: e.message });
      }
    }
    post({ kind: 'done' });
  } finally {
    await fh.close();
  }
} catch (e) {
  post({ kind: 'error', message: (e as Error).message });
}
