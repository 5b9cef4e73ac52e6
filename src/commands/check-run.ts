import v8 from 'node:v8';
import type { Catalogue } from '../catalogue/schema.js';
import { expectationTracker, headerFindings, ingestFindings, judgementFindings, snapshotTracker, tableRowFindings, type Expectation } from '../compute/check.js';
import type { CheckEnvelope, Finding } from '../compute/check-schema.js';
import { tableProfiles } from '../compute/indicator-profile.js';
import { mergeTable } from '../compute/judgements.js';
import type { Snapshot } from '../compute/snapshot-schema.js';
import { verifyTable } from '../compute/verify.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../errors.js';
import { readExtract, type InputSummary } from '../ingest/read-extract.js';
import { indicatorBlocks, tableOfRows, type RowTable } from '../ingest/row-table.js';
import { loadCatalogue } from '../io/load-catalogue.js';
import { loadSnapshot } from '../io/load-snapshot.js';
import { progressOn, showsProgress } from '../io/progress.js';
import { readExpectations } from '../io/read-expectations.js';
import { VERSION } from '../io/version.js';
import { renderCheck } from '../render/check.js';
import { loadContext, type Context } from './context.js';
import type { Io } from './io.js';
import { emit, readInputs, readTuning, stdoutChalk } from './shared.js';

interface CheckFlags {
  against?: string;
  expect?: string;
  failOn: 'error' | 'warning' | 'never';
  strict?: boolean;
  maxFindings: string;
  format: 'table' | 'json';
  output?: string;
  quiet?: boolean;
  color?: boolean;
}

const ORDER = (f: Finding): string => `${f.severity === 'error' ? 0 : 1}\u0001${f.file}\u0001${String(f.line ?? 0).padStart(12, '0')}\u0001${f.code}`;

/** Findings as they come, keeping the first `limit` of each code (0: all) and counting every one. */
function findingList(limit: number) {
  const kept: Finding[] = [];
  const perCode = new Map<string, number>();
  const counts = { error: 0, warning: 0 };
  const omitted: Record<string, number> = {};
  const add = (fs: Finding[]): void => {
    for (const f of fs) {
      counts[f.severity]++;
      const n = (perCode.get(f.code) ?? 0) + 1;
      perCode.set(f.code, n);
      if (limit === 0 || n <= limit) kept.push(f);
      else omitted[f.code] = (omitted[f.code] ?? 0) + 1;
    }
  };
  /** How many more findings of a code can be listed. */
  const room = (code: string): number => (limit === 0 ? Infinity : Math.max(0, limit - (perCode.get(code) ?? 0)));
  /** Findings of a code that were counted but never made (beyond the room to list them). */
  const countOnly = (code: string, severity: Finding['severity'], n: number): void => {
    if (n <= 0) return;
    counts[severity] += n;
    perCode.set(code, (perCode.get(code) ?? 0) + n);
    omitted[code] = (omitted[code] ?? 0) + n;
  };
  return { kept, counts, omitted, add, room, countOnly };
}

/** The fast reader gave up after rows were checked: start again the ordinary way. */
class GaveUp extends Error {}

interface Checked {
  inputs: InputSummary[];
  columns: { file: string; columns: string[] }[];
}

/**
 * The checks of one table of rows: the merge's duplicates (returned) and conflicts, the row rules
 * and the verification of published judgements, read as columns; then the snapshot's and the
 * expectations' trackers, which take row objects, when they run.
 */
function checkTable(
  table: RowTable, ctx: Context, catalogue: Catalogue, strict: boolean,
  list: ReturnType<typeof findingList>, snapshot: ReturnType<typeof snapshotTracker> | null, expected: ReturnType<typeof expectationTracker> | null,
): number {
  const merged = mergeTable(table);
  const { index } = merged;
  const profileOf = tableProfiles(table, index, catalogue, ctx.knowledge);
  list.add(ingestFindings(merged.diagnostics));
  list.add(tableRowFindings(table, index.kept, profileOf));
  // A national file can hold millions of unreproduced judgements: only those that can be listed are made.
  const code = 'judgement/not-reproduced';
  const { disagreements, totals } = verifyTable(table, index, profileOf, { inputs: false, keep: list.room(code) });
  list.add(judgementFindings(disagreements, strict));
  list.countOnly(code, strict ? 'error' : 'warning', totals.england.differs + totals.parent.differs + totals.trend.differs - disagreements.length);
  if (snapshot || expected) {
    const rows = index.kept.map((i) => table.row(i));
    snapshot?.add(rows);
    expected?.add(rows);
  }
  return merged.duplicates;
}

/**
 * One file in one pass, an indicator at a time: the rows come in packed batches (no row object is
 * made), each indicator's run of rows is gathered into one table and checked when it ends, then
 * its arrays are reused for the next, so memory holds one indicator (as Fingertips lists them).
 * Returns null when an indicator comes back after its run ended (a file not grouped by indicator),
 * or when the fast reader gave up part-way (unbalanced quotes at the end): the caller then checks
 * the whole file at once, the ordinary way.
 */
async function checkStreaming(
  file: string, io: Io, ctx: Context, catalogue: Catalogue, strict: boolean,
  list: ReturnType<typeof findingList>, snapshot: ReturnType<typeof snapshotTracker> | null, expected: ReturnType<typeof expectationTracker> | null,
  progress: boolean,
): Promise<Checked | null> {
  const done = new Set<string>();
  let grouped = true;
  let duplicates = 0;
  const blocks = indicatorBlocks(file, (table, id) => {
    if (!grouped || done.has(id)) {
      grouped = false;
      return;
    }
    done.add(id);
    duplicates += checkTable(table, ctx, catalogue, strict, list, snapshot, expected);
  });
  const shown = progress ? progressOn(io.stderr, file) : null;
  const extract = await readExtract(file, {
    stdin: io.stdin, source: ctx.sourceFor(file), resolve: ctx.resolvers, progress: shown?.update, ...readTuning(io.env),
    batches: (batch) => {
      if (grouped) blocks.add(batch);
    },
    restart: () => {
      grouped = false;
      throw new GaveUp();
    },
  }).catch((e) => {
    if (e instanceof GaveUp) return null;
    throw e;
  }).finally(() => shown?.done());
  if (!extract || !grouped) return null;
  blocks.end();
  if (!grouped) return null;
  extract.summary.rows_duplicate += duplicates;
  extract.summary.rows_used -= duplicates;
  list.add(ingestFindings(extract.diagnostics));
  return { inputs: [extract.summary], columns: [{ file: extract.summary.file, columns: extract.summary.columns }] };
}

/** Several files (duplicates across them matter), or one not grouped by indicator: all rows at once. */
async function checkAtOnce(
  files: string[], io: Io, ctx: Context, catalogue: Catalogue, strict: boolean,
  list: ReturnType<typeof findingList>, snapshot: ReturnType<typeof snapshotTracker> | null, expected: ReturnType<typeof expectationTracker> | null,
): Promise<Checked> {
  const read = await readInputs(files, io, undefined, false, ctx);
  list.add(ingestFindings(read.diagnostics));
  // The files' rows are merged already: the table's merge finds nothing more.
  checkTable(tableOfRows(read.rows), ctx, catalogue, strict, list, snapshot, expected);
  return { inputs: read.inputs, columns: read.extracts.map((e) => ({ file: e.summary.file, columns: e.summary.columns })) };
}

/** The check command's work (loaded only when the command runs): the gate a CI job runs on every data refresh. */
export async function run(io: Io, setExit: (code: number) => void, files: string[], flags: CheckFlags & { config?: string; metadata?: string }): Promise<void> {
  const catalogue = loadCatalogue();
  const limit = Number(flags.maxFindings);
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--max-findings ${flags.maxFindings}: expected a whole number (0 lists every finding)`);
  const loaded: Snapshot | null = flags.against ? await loadSnapshot(flags.against) : null;
  const expectations: Expectation[] | null = flags.expect ? await readExpectations(flags.expect, io.stdin) : null;
  const ctx = await loadContext(io, catalogue, flags);
  const strict = !!flags.strict;
  const fresh = () => ({
    list: findingList(limit),
    snapshot: loaded ? snapshotTracker(loaded) : null,
    expected: expectations ? expectationTracker(expectations) : null,
  });
  let state = fresh();
  const streaming = files.length === 1 && files[0] !== '-';
  // Memory then follows the largest indicator: V8 is asked to grow its heap by at most 10% beyond
  // what the last full collection kept (by default it lets the heap reach twice that before
  // collecting again; 1 GB bench file: ~500 MiB -> ~245 MiB, no slower within the VM's noise).
  if (streaming) v8.setFlagsFromString('--heap-growing-percent=10');
  let checked = streaming
    ? await checkStreaming(files[0]!, io, ctx, catalogue, strict, state.list, state.snapshot, state.expected, showsProgress(io, flags))
    : null;
  if (!checked) {
    state = fresh();
    checked = await checkAtOnce(files, io, ctx, catalogue, strict, state.list, state.snapshot, state.expected);
  }
  const { list } = state;
  if (loaded) {
    const columns = loaded.provenance.inputs[0]?.columns ?? [];
    for (const c of checked.columns) list.add(headerFindings(c.file, c.columns, columns));
    list.add(state.snapshot!.findings(files.join(', '), strict));
  }
  if (state.expected) list.add(state.expected.findings(flags.expect!));
  const findings = list.kept.sort((a, b) => (ORDER(a) < ORDER(b) ? -1 : ORDER(a) > ORDER(b) ? 1 : 0));
  const env: CheckEnvelope = {
    schema: 'marmot/check@1', marmot: { version: VERSION, catalogue: catalogue.version }, against: flags.against ?? null,
    expect: flags.expect ?? null, strict, inputs: checked.inputs, counts: list.counts, findings,
    ...(Object.keys(list.omitted).length > 0 ? { omitted: list.omitted } : {}),
  };
  await emit(io, { ...flags, format: flags.format }, renderCheck(env, flags.format, stdoutChalk(io, { ...flags, format: 'table' })), []);
  const failed = flags.failOn === 'error' ? list.counts.error > 0 : flags.failOn === 'warning' ? list.counts.error + list.counts.warning > 0 : false;
  setExit(failed ? EXIT.FINDINGS : EXIT.OK);
}
