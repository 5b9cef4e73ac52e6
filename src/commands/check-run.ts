import { loadCatalogue } from '../io/load-catalogue.js';
import { expectationFindings, headerFindings, ingestFindings, judgementFindings, rowFindings, snapshotFindings } from '../compute/check.js';
import type { CheckEnvelope, Finding } from '../compute/check-schema.js';
import { profilesFor } from '../compute/indicator-profile.js';
import { verifyJudgements } from '../compute/verify.js';
import { EXIT } from '../exit-codes.js';
import { loadSnapshot } from '../io/load-snapshot.js';
import { readExpectations } from '../io/read-expectations.js';
import { VERSION } from '../io/version.js';
import { renderCheck } from '../render/check.js';
import { loadContext } from './context.js';
import type { Io } from './io.js';
import { emit, readInputs, stdoutChalk } from './shared.js';

interface CheckFlags {
  against?: string;
  expect?: string;
  failOn: 'error' | 'warning' | 'never';
  strict?: boolean;
  format: 'table' | 'json';
  output?: string;
  quiet?: boolean;
  color?: boolean;
}

const ORDER = (f: Finding): string => `${f.severity === 'error' ? 0 : 1}\u0001${f.file}\u0001${String(f.line ?? 0).padStart(12, '0')}\u0001${f.code}`;

/** The gate a CI job runs on every data refresh. */
/** The check command's work (loaded only when the command runs). */
export async function run(io: Io, setExit: (code: number) => void, files: string[], flags: CheckFlags & { config?: string; metadata?: string }): Promise<void> {
  const catalogue = loadCatalogue();
    const snapshot = flags.against ? await loadSnapshot(flags.against) : null;
    const expected = flags.expect ? await readExpectations(flags.expect, io.stdin) : null;
    const ctx = await loadContext(io, catalogue, flags);
    const read = await readInputs(files, io, undefined, false, ctx);
    const profileOf = profilesFor(read.rows, catalogue, ctx.knowledge);
    const strict = !!flags.strict;
    const findings: Finding[] = [
      ...ingestFindings(read.diagnostics),
      ...rowFindings(read.rows, profileOf),
      ...judgementFindings(verifyJudgements(read.rows, profileOf).disagreements, strict),
    ];
    if (snapshot) {
      const columns = snapshot.provenance.inputs[0]?.columns ?? [];
      for (const e of read.extracts) findings.push(...headerFindings(e.summary.file, e.summary.columns, columns));
      findings.push(...snapshotFindings(read.rows, snapshot, files.join(', '), strict));
    }
    if (expected) findings.push(...expectationFindings(read.rows, expected, flags.expect!));
    findings.sort((a, b) => (ORDER(a) < ORDER(b) ? -1 : ORDER(a) > ORDER(b) ? 1 : 0));
    const counts = { error: findings.filter((f) => f.severity === 'error').length, warning: findings.filter((f) => f.severity === 'warning').length };
    const env: CheckEnvelope = {
      schema: 'marmot/check@1', marmot: { version: VERSION, catalogue: catalogue.version }, against: flags.against ?? null,
      expect: flags.expect ?? null, strict, inputs: read.inputs, counts, findings,
    };
    await emit(io, { ...flags, format: flags.format }, renderCheck(env, flags.format, stdoutChalk(io, { ...flags, format: 'table' })), []);
    const failed = flags.failOn === 'error' ? counts.error > 0 : flags.failOn === 'warning' ? counts.error + counts.warning > 0 : false;
    setExit(failed ? EXIT.FINDINGS : EXIT.OK);
}

