import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics.js';
import { InputError } from '../errors.js';
import { openInput } from '../io/open-input.js';
import { FallBack, needleBlocks, PARALLEL_MIN, type NeedleStats } from '../io/needle-reader.js';
import { csvParseReader, type CsvRecord, type RecordReader } from '../io/read-records.js';
import type { SourceSpec } from '../config/schema.js';
import type { Resolvers } from './adapt.js';
import { canReadInTwo, readInTwo } from './read-in-two.js';
import { canReadInWorker, readInWorker } from './read-in-worker.js';
import { matchHeader, type HeaderMatch } from './headers.js';
import { extractOf, recordConsumer } from './record-consumer.js';
import type { IndicatorRow, RowBuilder } from './row.js';
import { rowEncoder, type RowBatch } from './row-codec.js';
import type { RawRow } from './row-schema.js';

/** What a run says about each input file (the JSON envelope's `inputs`). */
export interface InputSummary {
  file: string;
  dialect: string;
  gzip: boolean;
  columns: string[];
  parent_comparison_column: string | null;
  rows_read: number;
  rows_used: number;
  rows_rejected: number;
  rows_outside_selection: number;
  rows_duplicate: number;
  rejected_by_reason: Record<string, number>;
}

export interface Extract {
  summary: InputSummary;
  /** SHA-256 and size of the input as given, when `digest` was asked for. */
  digest: { sha256: string; bytes: number } | null;
  header: HeaderMatch;
  rows: IndicatorRow[];
  diagnostics: Diagnostic[];
}

/** Decides, from the raw cells and before any validation, whether a row concerns the run. */
export type RowFilter = (raw: RawRow) => boolean;

export interface ReadOptions {
  stdin: NodeJS.ReadableStream;
  keep?: RowFilter;
  reader?: RecordReader;
  digest?: boolean;
  /**
   * Area codes: a fast path then parses only the records whose Area Code is one of `needleAreas`
   * (default: the needles), or, when the header has no plain Area Code column, those that hold a
   * needle; it counts the rest as outside the selection. Ignored for stdin, gzip and digests.
   */
  needles?: string[];
  needleAreas?: string[];
  /**
   * Each validated row goes to the sink instead of into `rows` (which stays empty), so a command
   * that works through a file in one pass holds no more than it chooses to.
   */
  sink?: (row: IndicatorRow) => void;
  /**
   * In place of a sink: each valid row's parts go to `build` (the reading thread's row encoder), so
   * no row object is made; `full` is called when it says its batch is full.
   */
  pack?: { build: RowBuilder<boolean>; full: () => void };
  /**
   * In place of a sink: the valid rows in packed batches (row-codec), in order, so no row object
   * is made on either thread; read on other threads as with a sink. A batch's arrays may be
   * written again once the callback returns: it copies what it keeps.
   */
  batches?: (batch: RowBatch) => void;
  /** Rows a batch (row-codec's default when not given). */
  batchRows?: number;
  /** Hears the bytes read of the total (the fast path only). */
  progress?: (bytes: number, total: number) => void;
  /** With a sink: forget the rows given so far, the file is read again from its start (a fall-back). */
  restart?: () => void;
  /**
   * With a sink and no filter, a file of at least this many bytes (default 64 MB) is read and
   * validated on a second thread while the sink works on this one (read-in-worker.ts).
   */
  parallelMin?: number;
  /** The blocks of about this many bytes that two reading threads take in turn (read-in-two.ts; 4 MB by default). */
  blockBytes?: number;
  /** A local table's description from the config; Fingertips' columns otherwise. */
  source?: SourceSpec | null;
  resolve?: Resolvers;
}

/**
 * Reads one extract, streaming: header matched by name, each row validated at the boundary (by
 * createRowValidator, held equal to the zod schema RawRowSchema), rows outside the selection
 * counted but not kept (memory is bounded by what the command keeps), and every rejected row
 * reported with file, line, column and reason.
 */
export async function readExtract(path: string, options: ReadOptions): Promise<Extract> {
  // Plain UTF-8 files are read by the fast record scanner (all records, or with needles only those
  // of the areas asked for); gzip, UTF-16, invalid UTF-8 or malformed quoting fall back to csv-parse.
  const needles = options.needles && options.needles.length > 0 && !options.digest ? options.needles : null;
  const size = path !== '-' && !options.reader ? await stat(path).then((s) => s.size, () => 0) : 0;
  if (canReadInWorker(path, options, size, options.parallelMin ?? PARALLEL_MIN)) {
    const oneThread = () => readExtract(path, { ...options, parallelMin: Infinity });
    const oneReader = () => readInWorker(path, options, oneThread);
    if (!canReadInTwo(options)) return oneReader();
    return readInTwo(path, options, (by) => (by === 'csv-parse' ? readExtract(path, { ...options, reader: csvParseReader }) : oneReader()), { blockBytes: options.blockBytes });
  }
  if (options.batches) return readIntoBatches(path, options, options.batches);
  if (path !== '-' && !options.reader) {
    const stats: NeedleStats = { records: 0, yielded: 0, bytes: 0 };
    const hash = options.digest ? createHash('sha256') : null;
    const records = needles
      ? needleBlocks(path, needles, stats, { column: (names) => matchHeader(names).columns.areaCode ?? -1, areas: options.needleAreas ?? needles, progress: options.progress })
      : needleBlocks(path, [], stats, { every: true, progress: options.progress, hash: hash ?? undefined });
    // A fall-back restarts the file: rows already given to a sink must not be given twice.
    const given = { rows: 0 };
    const digest = () => (hash ? { sha256: hash.copy().digest('hex'), bytes: stats.bytes } : null);
    try {
      return await consume({ name: path, gzip: false, digest }, records, options, stats, {}, given);
    } catch (e) {
      if (!(e instanceof FallBack)) throw e;
      if (given.rows > 0) {
        if (!options.restart) throw new InputError(`${path}: the fast reader gave up after ${given.rows} rows (${e.message})`, 'read the file from standard input (-) instead');
        options.restart();
      }
    }
  }
  const input = await openInput(path, options.stdin, { digest: options.digest });
  const reader = options.reader ?? csvParseReader;
  const onSkip: { reject?: (line: number, message: string) => void } = {};
  const records = reader(input.text, (skip) => onSkip.reject?.(skip.line, skip.message));
  return consume(input, oneByOne(records), options, null, onSkip);
}

/** readExtract with `batches` on this thread: the rows are packed here, as the reading thread packs them. */
async function readIntoBatches(path: string, options: ReadOptions, batches: (batch: RowBatch) => void): Promise<Extract> {
  const encoder = rowEncoder(options.batchRows);
  const send = (): void => {
    const batch = encoder.take();
    if (batch) batches(batch);
  };
  const restart = options.restart;
  const extract = await readExtract(path, {
    ...options, batches: undefined, pack: { build: encoder.build, full: send },
    restart: restart && (() => {
      send();
      restart();
    }),
  });
  send();
  return extract;
}

/** Records as blocks of one (csv-parse's records come one at a time). */
async function* oneByOne(records: AsyncIterable<CsvRecord>): AsyncGenerator<CsvRecord[]> {
  for await (const record of records) yield [record];
}

/**
 * The records of one input, given in blocks, made into an Extract (recordConsumer does the work).
 * Records a fast path saw but did not yield (`stats`) count as read and outside the selection.
 * `given` counts the rows given to a sink or packer.
 */
async function consume(
  input: { name: string; gzip: boolean; digest: () => { sha256: string; bytes: number } | null },
  blocks: AsyncIterable<Iterable<CsvRecord>>,
  options: ReadOptions,
  stats: NeedleStats | null,
  onSkip: { reject?: (line: number, message: string) => void } = {},
  given = { rows: 0 },
): Promise<Extract> {
  const consumer = recordConsumer(input.name, options);
  onSkip.reject = consumer.unreadable;
  try {
    for await (const records of blocks) consumer.take(records);
  } finally {
    given.rows = consumer.given();
  }
  if (stats) consumer.unseen(stats.records - stats.yielded);
  return extractOf(input, consumer.header(), consumer.rows, consumer.tally());
}
