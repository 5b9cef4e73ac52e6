import { loadCatalogue } from '../io/load-catalogue.js';
import { profilesFor } from '../compute/indicator-profile.js';
import { verifyJudgements } from '../compute/verify.js';
import type { VerifyEnvelope } from '../compute/verify-schema.js';
import { EXIT } from '../exit-codes.js';
import { VERSION } from '../io/version.js';
import { renderVerify } from '../render/verify.js';
import { loadContext } from './context.js';
import type { Io } from './io.js';
import { emit, readInputs, stdoutChalk, summaryLines, type OutputOptions } from './shared.js';

interface VerifyFlags extends Omit<OutputOptions, 'format'> {
  format: 'table' | 'json';
  failOn: 'never' | 'error' | 'mismatch';
}

/** Recomputes every judgement Fingertips published in the extracts and reports what it reproduces. */
/** The verify command's work (loaded only when the command runs). */
export async function run(io: Io, setExit: (code: number) => void, files: string[], flags: VerifyFlags & { config?: string; metadata?: string }): Promise<void> {
  const catalogue = loadCatalogue();
    const ctx = await loadContext(io, catalogue, flags);
    const read = await readInputs(files, io, undefined, false, ctx);
    const profileOf = profilesFor(read.rows, catalogue, ctx.knowledge);
    const result = verifyJudgements(read.rows, profileOf);
    const env: VerifyEnvelope = {
      schema: 'marmot/verify@1',
      marmot: { version: VERSION, catalogue: catalogue.version },
      inputs: read.inputs,
      ...result,
      diagnostics: read.diagnostics,
    };
    await emit(io, { ...flags, format: flags.format === 'json' ? 'json' : 'table' }, renderVerify(env, flags.format, stdoutChalk(io, { ...flags, format: 'table' })), summaryLines(read.inputs, read.diagnostics));
    const failed = (flags.failOn === 'mismatch' && result.disagreements.length > 0)
      || (flags.failOn === 'error' && read.diagnostics.some((d) => d.severity === 'error'));
    setExit(failed ? EXIT.FINDINGS : EXIT.OK);
}

