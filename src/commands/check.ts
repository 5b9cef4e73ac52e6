import { Command, Option } from 'commander';
import { formatOption, outputOption, withColorOptions, withDataOptions } from './options.js';
import type { Io } from './io.js';
import type { run } from './check-run.js';

type Run = Parameters<typeof run>;

/** The `check` command's definition; its work is in check-run.ts, loaded when it runs. */
export function checkCommand(io: Io, setExit: (code: number) => void): Command {
  return withDataOptions(withColorOptions(new Command('check')
    .summary('check a data refresh: unreadable or inconsistent rows, coverage and revisions against a snapshot, unreproduced judgements')
    .argument('<file...>', 'Fingertips extracts (.csv, .csv.gz, or - for standard input)')
    .option('--against <snapshot.json>', 'the last snapshot: header, coverage and revisions are checked against it')
    .option('--expect <file>', 'a CSV of expected data points (indicator_id, area_code and/or period)')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding reaches this level').choices(['error', 'warning', 'never']).default('error'))
    .option('--strict', 'revisions and unreproduced judgements are errors, not warnings')
    .option('--max-findings <n>', 'list at most n findings of each code (all are counted; 0 lists every one)', '1000')
    .addOption(formatOption(['table', 'json']))
    .addOption(outputOption())
    .option('-q, --quiet', 'no summary on standard error'),
  )).action(async (files: Run[2], flags: Run[3]) => (await import('./check-run.js')).run(io, setExit, files, flags));
}
