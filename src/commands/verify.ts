import { Command, Option } from 'commander';
import { formatOption, outputOption, withColorOptions, withDataOptions } from './options.js';
import type { Io } from './io.js';
import type { run } from './verify-run.js';

type Run = Parameters<typeof run>;

/** The `verify` command's definition; its work is in verify-run.ts, loaded when it runs. */
export function verifyCommand(io: Io, setExit: (code: number) => void): Command {
  return withDataOptions(withColorOptions(new Command('verify')
    .summary("recompute every judgement Fingertips published in an extract and report the ones marmot cannot reproduce")
    .argument('<file...>', 'Fingertips extracts (.csv, .csv.gz, or - for standard input)')
    .addOption(formatOption(['table', 'json']))
    .addOption(outputOption())
    .addOption(new Option('--fail-on <level>', 'exit 1 when a published judgement is not reproduced (mismatch) or a row is rejected (error)').choices(['never', 'error', 'mismatch']).default('never'))
    .option('-q, --quiet', 'no summary on standard error'),
  )).action(async (files: Run[2], flags: Run[3]) => (await import('./verify-run.js')).run(io, setExit, files, flags));
}
