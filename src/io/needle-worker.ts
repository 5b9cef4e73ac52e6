/* The second core's half of a fast-path scan: posts the hits of bytes [from, to) in batches, then its counts. */
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { FallBack, hitCount, hitLine, hitText, newRangeStats, scanRange } from './scan-range.js';

export interface WorkerJob {
  path: string;
  from: number;
  to: number;
  needles: string[];
  /** The Area Code column (-1: unknown) and the codes a hit must have there (all hits when null). */
  column: number;
  areas: string[] | null;
}

export type WorkerMessage =
  | { kind: 'hits'; hits: [line: number, text: string][] }
  | { kind: 'progress'; bytes: number }
  | { kind: 'done'; records: number; newlines: number }
  | { kind: 'fallback'; reason: string };

const job = workerData as WorkerJob;
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
const fh = await open(job.path, 'r');
try {
  const stats = newRangeStats();
  let batch: [number, string][] = [];
  for await (const hits of scanRange(fh, job.from, job.to, job.needles.map((n) => Buffer.from(n, 'utf8')), { header: false, final: true, column: job.column, areas: job.areas ? new Set(job.areas) : undefined, onBlock: (p) => post({ kind: 'progress', bytes: p - job.from }) }, stats)) {
    for (let k = 0, n = hitCount(hits); k < n; k++) batch.push([hitLine(hits, k), hitText(hits, k)]);
    if (batch.length >= 2048) {
      post({ kind: 'hits', hits: batch });
      batch = [];
    }
  }
  post({ kind: 'hits', hits: batch });
  post({ kind: 'done', records: stats.records, newlines: stats.newlines });
} catch (e) {
  if (!(e instanceof FallBack)) throw e;
  post({ kind: 'fallback', reason: e.message });
} finally {
  await fh.close();
}
