import { Command, Option } from 'commander';
import { collect, looksLikeAreaCode, withDataOptions } from './options.js';
import type { Io } from './io.js';
import type { run } from './report-run.js';

type Run = Parameters<typeof run>;

/** The `report` command's definition; its work is in report-run.ts, loaded when it runs. */
export function reportCommand(io: Io, setExit: (code: number) => void): Command {
  return withDataOptions(new Command('report')
    .summary('a self-contained HTML report (spine, trend and decile charts) or a Markdown document')
    .argument('<file...>', 'Fingertips extracts (.csv, .csv.gz, or - for standard input)')
    .option('--area <area>', 'area code or name (default: the one local area, or the config\'s)', collect(looksLikeAreaCode))
    .option('-o, --output <file>', 'the report file (required for html)')
    .option('--since <baseline.json>', 'show the change since a baseline snapshot')
    .addOption(new Option('--format <format>', 'html or md').choices(['html', 'md']).default('html'))
    .option('--seed <n>', 'seed of the SII simulation', '1')
    .option('--repetitions <n>', 'draws of the SII simulation', '100000')
    .option('-q, --quiet', 'no summary on standard error'))
    .action(async (files: Run[2], flags: Run[3]) => (await import('./report-run.js')).run(io, setExit, files, flags));
}
