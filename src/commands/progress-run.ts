import { loadCatalogue } from '../io/load-catalogue.js';
import { readFile } from 'node:fs/promises';
import { groupsOf } from '../catalogue/lookup.js';
import { computeProgress } from '../compute/progress.js';
import type { ProgressEnvelope } from '../compute/progress-schema.js';
import type { Snapshot } from '../compute/snapshot-schema.js';
import { EXIT } from '../exit-codes.js';
import { loadSnapshot } from '../io/load-snapshot.js';
import { VERSION } from '../io/version.js';
import { renderProgress } from '../render/progress.js';
import { loadContext } from './context.js';
import type { Io } from './io.js';
import { emit, readInputs, stdoutChalk, summaryLines, type OutputOptions } from './shared.js';
import { buildSnapshot } from './snapshot-run.js';

/** True when the one input is a JSON document (a snapshot) rather than a CSV extract. */
async function isJson(path: string): Promise<boolean> {
  if (path === '-') return false;
  try {
    const head = (await readFile(path, 'utf8')).slice(0, 200).trimStart();
    return head.startsWith('{');
  } catch {
    return false;
  }
}

/** The progress command's work (loaded only when the command runs). */
export async function run(io: Io, setExit: (code: number) => void, inputs: string[], flags: OutputOptions & { since: string; config?: string; metadata?: string }): Promise<void> {
  const catalogue = loadCatalogue();
    const base = await loadSnapshot(flags.since);
    let current: Snapshot;
    let source: 'snapshot' | 'files' = 'files';
    let summary: string[] = [];
    if (inputs.length === 1 && (await isJson(inputs[0]!))) {
      current = await loadSnapshot(inputs[0]!);
      source = 'snapshot';
    } else {
      const ctx = await loadContext(io, catalogue, flags);
      const read = await readInputs(inputs, io, undefined, true, ctx);
      current = buildSnapshot(read, ctx, {
        area: base.options.areas, deriveCi: base.options.derive_ci, seed: String(base.options.seed), repetitions: String(base.options.repetitions),
      }, null);
      summary = summaryLines(read.inputs, read.diagnostics);
    }
    const env: ProgressEnvelope = {
      schema: 'marmot/progress@1',
      marmot: { version: VERSION, catalogue: catalogue.version },
      since: { file: flags.since, latest_period: base.latest_period, stamp: base.stamp },
      current: { source, files: inputs, latest_period: current.latest_period },
      ...computeProgress(base, current),
    };
    await emit(io, flags, renderProgress(env, flags.format, groupsOf(catalogue), stdoutChalk(io, flags)), summary);
    setExit(EXIT.OK);
}

