/* The second core's part of a whole-file read: reads and validates the file, posts the rows in packed batches. */
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { MarmotError, InputError } from '../errors.js';
import { readExtract, type Extract } from './read-extract.js';
import type { RowBatch } from './row-codec.js';

export interface IngestJob {
  path: string;
  digest: boolean;
  /** The main thread can start again after a fall-back (it has a restart). */
  restart: boolean;
  /** One Int32: batches the main thread has taken; the reader stays at most WINDOW batches ahead. */
  taken: SharedArrayBuffer;
  batchRows?: number;
}

export type IngestMessage =
  | { kind: 'rows'; batch: RowBatch }
  | { kind: 'progress'; bytes: number; total: number }
  | { kind: 'restart' }
  | { kind: 'done'; extract: Extract }
  | { kind: 'error'; input: boolean; message: string; hint?: string };

/** Batches posted and not yet taken (~9 MB): room to read on while the main thread verifies an indicator, and no more. */
const WINDOW = 16;

const job = workerData as IngestJob;
const taken = new Int32Array(job.taken);
const post = (m: IngestMessage, transfer: ArrayBuffer[] = []): void => parentPort!.postMessage(m, transfer);
let posted = 0;
const send = (batch: RowBatch): void => {
  for (let seen = Atomics.load(taken, 0); posted - seen >= WINDOW; seen = Atomics.load(taken, 0)) Atomics.wait(taken, 0, seen);
  posted++;
  post({ kind: 'rows', batch }, [batch.ints.buffer as ArrayBuffer, batch.numbers.buffer as ArrayBuffer]);
};

try {
  const extract = await readExtract(job.path, {
    stdin: Readable.from([]),
    digest: job.digest,
    batches: send,
    batchRows: job.batchRows,
    restart: job.restart ? () => post({ kind: 'restart' }) : undefined,
    progress: (bytes, total) => post({ kind: 'progress', bytes, total }),
  });
  post({ kind: 'done', extract });
} catch (e) {
  const err = e as Error;
  post({ kind: 'error', input: e instanceof InputError, message: err.message, hint: e instanceof MarmotError ? e.hint : undefined });
}
