import { loadCatalogue } from '../io/load-catalogue.js';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isLocal, resolveAreas } from '../compute/areas.js';
import { deriveCis } from '../compute/derive-ci.js';
import { profilesFor } from '../compute/indicator-profile.js';
import { evaluate, snapshotFileName } from '../compute/snapshot.js';
import type { Snapshot } from '../compute/snapshot-schema.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { VERSION } from '../io/version.js';
import { writeFileAtomic, writeToStream } from '../io/write-output.js';
import { loadContext, type Context } from './context.js';
import type { Io } from './io.js';
import { readInputs, summaryLines, type ReadResult } from './shared.js';

export interface SnapshotFlags {
  area?: string[];
  deriveCi?: boolean;
  seed: string;
  repetitions: string;
}

const whole = (name: string, v: string, min: number): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} ${v}: expected a whole number of at least ${min}`);
  return n;
};

/** Builds a snapshot from read inputs (shared by `snapshot` and `progress FILE…`); `stamp` only when asked. */
export function buildSnapshot(read: ReadResult, ctx: Context, flags: SnapshotFlags, stamp: string | null): Snapshot {
  const { catalogue } = ctx;
  const local = new Map(read.rows.filter(isLocal).map((r) => [r.areaCode, r.areaName]));
  const areaSpec = flags.area ?? ctx.defaultAreas;
  const areas = resolveAreas(areaSpec, read.rows, areaSpec ? new Map() : local);
  const seed = whole('--seed', flags.seed, -2147483648);
  const repetitions = whole('--repetitions', flags.repetitions, 1000);
  const profileOf = profilesFor(read.rows, catalogue, ctx.knowledge);
  const rows = flags.deriveCi ? deriveCis(read.rows, (id) => profileOf(id).multiplier) : read.rows;
  return {
    schema: 'marmot/snapshot@1',
    marmot: { version: VERSION, catalogue: catalogue.version },
    stamp,
    options: { areas: areas.map((a) => a.code), derive_ci: !!flags.deriveCi, seed, repetitions },
    provenance: {
      inputs: read.extracts.map((e) => ({
        file: e.summary.file, bytes: e.digest?.bytes ?? 0, sha256: e.digest?.sha256 ?? '', dialect: e.summary.dialect,
        columns: e.summary.columns, rows_read: e.summary.rows_read, rows_rejected: e.summary.rows_rejected,
      })),
    },
    ...evaluate(rows, profileOf, { areas, seed, repetitions }),
    diagnostics: read.diagnostics,
  };
}

/** The time for --stamp: SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
function stampNow(env: Record<string, string | undefined>): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  return new Date(epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now()).toISOString();
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The snapshot command's work (loaded only when the command runs). */
export async function run(io: Io, setExit: (code: number) => void, files: string[], flags: SnapshotFlags & { output: string; force?: boolean; stamp?: boolean; quiet?: boolean; config?: string; metadata?: string }): Promise<void> {
  const catalogue = loadCatalogue();
      const ctx = await loadContext(io, catalogue, flags);
      const read = await readInputs(files, io, undefined, true, ctx);
      const snapshot = buildSnapshot(read, ctx, flags, flags.stamp ? stampNow(io.env) : null);
      const toFolder = flags.output.endsWith('/') || (await isDirectory(flags.output));
      const path = toFolder ? join(flags.output, snapshotFileName(snapshot.options.areas, snapshot.latest_period)) : flags.output;
      if (!flags.force && (await exists(path))) throw new UsageError(`${path}: a snapshot is already there; use --force to replace it`);
      await writeFileAtomic(path, `${JSON.stringify(snapshot, null, 2)}\n`);
      if (!flags.quiet) await writeToStream(io.stderr, `${[...summaryLines(read.inputs, read.diagnostics), `wrote ${path}`].join('\n')}\n`);
      setExit(EXIT.OK);
}

