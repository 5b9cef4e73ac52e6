import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Worker, isMainThread } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { IngestJob, IngestMessage } from './ingest-worker.js';
import type { Extract, ReadOptions } from './read-extract.js';
import { rowDecoder } from './row-codec.js';

const WORKER = new URL('./ingest-worker.js', import.meta.url);

/**
 * Whether a whole-file read with a sink or batches can run on a second thread: from the main thread, a file
 * (not stdin, no custom reader) of Fingertips' columns (no config source, whose resolvers are
 * functions), every row wanted (no filter), and the built worker present (tests run the sources).
 */
export function canReadInWorker(path: string, options: ReadOptions, size: number, min: number): boolean {
  return isMainThread && path !== '-' && !options.reader && (!!options.sink || !!options.batches) && !options.keep && !options.source && !options.needles?.length && size >= min && existsSync(fileURLToPath(WORKER));
}

/**
 * On a machine of two cores or fewer, turns V8's parallel young-generation collection off for the
 * rest of the process (a process-wide flag). With two cores, the reading and the main threads fill
 * them, and V8's parallel collections (one every ~1,000 rows on a reading thread) wait for helpers
 * that can only run by taking a core from another thread. Collected on their own thread, check on
 * 1 GB took a median 10.76 s against 11.60 s over 11 interleaved pairs (docs/performance.md). V8
 * reads the flag as each collection starts (ScavengerCollector::NumberOfScavengeTasks), so setting
 * it while threads run is safe.
 */
export function collectScavengesOnOneThread(): void {
  if (availableParallelism() <= 2) v8.setFlagsFromString('--no-parallel-scavenge');
}

/**
 * readExtract on a second thread: the worker reads, validates and packs the rows (row-codec), this
 * thread unpacks them and gives them to the sink in file order, so the two halves of the work —
 * reading and whatever the sink does — run at once. The worker stays at most 16 batches ahead.
 * The result (summary, diagnostics, digest) is the worker's readExtract's; a fall-back to csv-parse
 * after rows were given calls `restart` here, as it would on one thread. If the thread cannot run
 * (it cannot start, or stops), the file is read by `oneThread` instead (after `restart`, when rows
 * were given). On a machine of two cores or fewer it turns V8's parallel scavenging off for the rest
 * of the process (collectScavengesOnOneThread). With a digest, or on one core, it is the whole-file
 * read; otherwise readInTwo is, and this is its fall-back.
 */
export async function readInWorker(path: string, options: ReadOptions, oneThread: () => Promise<Extract>, batchRows?: number): Promise<Extract> {
  collectScavengesOnOneThread();
  const taken = new SharedArrayBuffer(4);
  const counter = new Int32Array(taken);
  const job: IngestJob = { path, digest: !!options.digest, restart: !!options.restart, taken, batchRows };
  // Its garbage is short-lived (record text, raw cells): a small young generation keeps its memory down.
  const worker = new Worker(WORKER, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  const decode = rowDecoder(path);
  const sink = options.sink;
  const batches = options.batches;
  let given = 0;
  try {
    return await new Promise<Extract>((resolve, reject) => {
      let settled = false;
      const settle = (f: () => void): void => {
        if (settled) return;
        settled = true;
        f();
      };
      const stopped = (reason: string): void =>
        settle(() => {
          if (given > 0 && !options.restart) {
            reject(new InputError(`${path}: the reading thread stopped after ${given} rows (${reason})`, 'read the file from standard input (-) instead'));
            return;
          }
          try {
            if (given > 0) options.restart!();
          } catch (e) {
            reject(e);
            return;
          }
          oneThread().then(resolve, reject);
        });
      worker.on('message', (m: IngestMessage) => {
        if (settled) return;
        try {
          switch (m.kind) {
            case 'rows':
              if (batches) batches(m.batch);
              else decode(m.batch, sink!);
              given += m.batch.rows;
              Atomics.add(counter, 0, 1);
              Atomics.notify(counter, 0);
              break;
            case 'progress':
              options.progress?.(m.bytes, m.total);
              break;
            case 'restart':
              options.restart!();
              given = 0;
              break;
            case 'done':
              settle(() => resolve(m.extract));
              break;
            case 'error':
              settle(() => reject(m.input ? new InputError(m.message, m.hint) : new Error(m.message)));
              break;
          }
        } catch (e) {
          settle(() => reject(e));
        }
      });
      worker.on('error', (e) => stopped(e.message));
      worker.on('exit', (code) => stopped(`exit ${code}`));
    });
  } finally {
    // A worker waiting for room (after the sink threw) is let go before it is stopped.
    Atomics.store(counter, 0, 1 << 30);
    Atomics.notify(counter, 0);
    await worker.terminate();
  }
}
