import { Command, Option } from 'commander';
import type { Catalogue } from '../catalogue/schema.js';
import { profilesFor } from '../compute/indicator-profile.js';
import { verifyJudgements } from '../compute/verify.js';
import type { VerifyEnvelope } from '../compute/verify-schema.js';
import { EXIT } from '../exit-codes.js';
import { VERSION } from '../io/version.js';
import { renderVerify } from '../render/verify.js';
import { loadContext, withDataOptions, type Context } from './context.js';
import type { Io } from './io.js';
import { emit, outputOption, readInputs, stdoutChalk, summaryLines, withColorOptions, type OutputOptions } from './shared.js';

interface VerifyFlags extends Omit<OutputOptions, 'format'> {
  format: 'table' | 'json';
  failOn: 'never' | 'error' | 'mismatch';
}

/** Recomputes every judgement Fingertips published in the extracts and reports what it reproduces. */
export function verifyCommand(io: Io, catalogue: Catalogue, setExit: (code: number) => void): Command {
  return withDataOptions(withColorOptions(new Command('verify')
    .summary("recompute every judgement Fingertips published in an extract and report the ones marmot cannot reproduce")
    .argument('<file...>', 'Fingertips extracts (.csv, .csv.gz, or - for standard input)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(outputOption())
    .addOption(new Option('--fail-on <level>', 'exit 1 when a published judgement is not reproduced (mismatch) or a row is rejected (error)').choices(['never', 'error', 'mismatch']).default('never'))
    .option('-q, --quiet', 'no summary on standard error'),
  )).action(async (files: string[], flags: VerifyFlags & { config?: string; metadata?: string }) => {
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
  });
}
