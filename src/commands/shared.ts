export { collect, formatOption, looksLikeAreaCode, outputOption, withColorOptions } from './options.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { InputError, UsageError } from '../errors.js';
import { mergeExtracts } from '../ingest/merge.js';
import { readExtract, type Extract, type InputSummary, type RowFilter } from '../ingest/read-extract.js';
import type { IndicatorRow } from '../ingest/row.js';
import { ENGLAND_CODE } from '../normalise/area.js';
import { chalkFor, colorLevel } from '../io/terminal.js';
import { progressOn } from '../io/progress.js';
import { writeFileAtomic, writeToStream } from '../io/write-output.js';
import type { Context } from './context.js';
import type { Io } from './io.js';





/**
 * The whole-file read's tuning from the environment: MARMOT_PARALLEL_MIN (bytes: a file at least
 * this large is read on other threads; 64 MB by default) and MARMOT_BLOCK_BYTES (the blocks the
 * two reading threads take in turn; 4 MB by default). Tests set them to run the threads on small
 * files; a user can set MARMOT_PARALLEL_MIN very high to read on one thread.
 *
 * @example readTuning({ MARMOT_BLOCK_BYTES: '65536' }) // { blockBytes: 65536 }
 */
export function readTuning(env: Record<string, string | undefined>): { parallelMin?: number; blockBytes?: number } {
  const bytes = (name: string, min: number): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${name}: expected a whole number of bytes of at least ${min}, got "${raw}"`);
    return n;
  };
  const parallelMin = bytes('MARMOT_PARALLEL_MIN', 0);
  const blockBytes = bytes('MARMOT_BLOCK_BYTES', 1);
  return { ...(parallelMin !== undefined ? { parallelMin } : {}), ...(blockBytes !== undefined ? { blockBytes } : {}) };
}

export interface ReadResult {
  rows: IndicatorRow[];
  inputs: InputSummary[];
  diagnostics: Diagnostic[];
  extracts: Extract[];
}

/**
 * Reads and merges every input; refuses a run with no usable row (exit 2). `needles` turns on the
 * fast path: the codes searched for, and the Area Codes a record found must have. `progress` shows
 * a progress line on stderr (see showsProgress).
 */
export async function readInputs(files: string[], io: Io, keep?: RowFilter, digest = false, context?: Context, needles?: { find: string[]; areas: string[] }, progress = false): Promise<ReadResult> {
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  const extracts: Extract[] = [];
  for (const file of files) {
    const source = context?.sourceFor(file) ?? null;
    const shown = progress ? progressOn(io.stderr, file) : null;
    const extract = await readExtract(file, { stdin: io.stdin, keep, digest, source, resolve: context?.resolvers, needles: source ? undefined : needles?.find, needleAreas: needles?.areas, progress: shown?.update })
      .finally(() => shown?.done());
    if (source && (source.unit || source.value_type)) {
      for (const r of extract.rows) context!.knowledge.sourceUnits!.set(r.indicatorId, { unit: source.unit ?? null, valueType: source.value_type ?? null });
    }
    extracts.push(extract);
  }
  const merged = mergeExtracts(extracts);
  const diagnostics = [...extracts.flatMap((e) => e.diagnostics), ...merged.diagnostics];
  const inputs = extracts.map((e) => e.summary);
  const read = inputs.reduce((s, i) => s + i.rows_read, 0);
  if (merged.rows.length === 0) {
    const rejected = inputs.reduce((s, i) => s + i.rows_rejected, 0);
    const outside = inputs.reduce((s, i) => s + i.rows_outside_selection, 0);
    const first = diagnostics.find((d) => d.severity === 'error');
    throw new InputError(
      `${files.join(', ')}: no usable rows (${read} read, ${rejected} rejected, ${outside} outside the selection)`,
      first ? `first problem: ${formatDiagnostic(first)}` : undefined,
    );
  }
  return { rows: merged.rows, inputs, diagnostics, extracts };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** One summary line per input and the diagnostics, for stderr. */
export function summaryLines(inputs: InputSummary[], diagnostics: Diagnostic[], limit = 20): string[] {
  const lines = inputs.map((i) => {
    const reasons = Object.entries(i.rejected_by_reason).map(([k, v]) => `${k} ${v}`).join(', ');
    return `${i.file}: ${plural(i.rows_read, 'row')} read (${i.dialect}): ${i.rows_used.toLocaleString('en-GB')} used, `
      + `${i.rows_rejected.toLocaleString('en-GB')} rejected${reasons ? ` (${reasons})` : ''}, `
      + `${i.rows_outside_selection.toLocaleString('en-GB')} outside the selection, ${i.rows_duplicate.toLocaleString('en-GB')} duplicate`;
  });
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  for (const d of shown.slice(0, limit)) lines.push(formatDiagnostic(d));
  if (shown.length > limit) lines.push(`… and ${shown.length - limit} more (all are listed with --format json)`);
  return lines;
}

export interface OutputOptions {
  format: 'table' | 'json' | 'csv' | 'md';
  output?: string;
  quiet?: boolean;
  color?: boolean;
}

export function stdoutChalk(io: Io, opts: OutputOptions) {
  const level = opts.format === 'table' && !opts.output ? colorLevel(io.stdout, io.env, opts.color) : 0;
  return chalkFor(level);
}

/** Writes the result to -o (atomically) or stdout, and the summary to stderr unless --quiet. */
export async function emit(io: Io, opts: OutputOptions, text: string, summary: string[]): Promise<void> {
  if (!opts.quiet && summary.length > 0) await writeToStream(io.stderr, `${summary.join('\n')}\n`);
  if (opts.output) await writeFileAtomic(opts.output, text);
  else await writeToStream(io.stdout, text);
}

/**
 * Keeps only what a baseline needs — the chosen areas, England, and the chosen areas' parents — and
 * counts the other benchmark candidates as outside the selection, so that every reading path gives
 * the same rows and counts. A parent the first read missed (a county above a district, found only
 * by the fast path's second pass) or of which rows were dropped early (`dropped`: the filter had
 * already seen other parents named) is read again in full, replacing the rows kept of it.
 */
export async function narrowToBenchmarks(read: ReadResult, chosen: Set<string>, io: Io, keep: RowFilter, context?: Context, dropped: Set<string> = new Set()): Promise<void> {
  const parents = new Set(read.rows.filter((r) => chosen.has(r.areaCode) && r.parentCode).map((r) => r.parentCode!));
  const present = new Set(read.rows.map((r) => r.areaCode));
  const missing = [...parents].filter((p) => !present.has(p) || dropped.has(p));
  const byFile = new Map(read.inputs.map((i) => [i.file, i]));
  const moveOut = (rows: IndicatorRow[]): void => {
    for (const r of rows) {
      const summary = byFile.get(r.file);
      if (!summary) continue;
      summary.rows_used--;
      summary.rows_outside_selection++;
    }
  };
  const files = read.extracts.map((e) => e.summary.file).filter((f) => f !== '<stdin>');
  if (missing.length > 0 && files.length > 0) {
    const wanted = new Set(missing);
    moveOut(read.rows.filter((r) => wanted.has(r.areaCode)));
    read.rows = read.rows.filter((r) => !wanted.has(r.areaCode));
    for (const file of files) {
      const again = await readExtract(file, { stdin: io.stdin, keep: (raw) => wanted.has((raw.areaCode ?? '').trim()) && keep(raw), needles: missing, source: context?.sourceFor(file) ?? null, resolve: context?.resolvers });
      const summary = byFile.get(again.summary.file)!;
      summary.rows_used += again.rows.length;
      summary.rows_outside_selection -= again.rows.length;
      read.rows.push(...again.rows);
    }
  }
  const needed = (r: IndicatorRow) => chosen.has(r.areaCode) || r.areaCode === ENGLAND_CODE || parents.has(r.areaCode);
  moveOut(read.rows.filter((r) => !needed(r)));
  read.rows = read.rows.filter(needed);
}
