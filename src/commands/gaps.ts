import { Command, Option } from 'commander';
import { collect, formatOption, looksLikeAreaCode, outputOption, withColorOptions, withDataOptions } from './options.js';
import type { Io } from './io.js';
import type { run } from './gaps-run.js';

type Run = Parameters<typeof run>;

/** The `gaps` command's definition; its work is in gaps-run.ts, loaded when it runs. */
export function gapsCommand(io: Io, setExit: (code: number) => void): Command {
  return withDataOptions(withColorOptions(new Command('gaps')
    .summary('inequality gaps: deprivation (SII/RII), sex, ethnicity, age, and geography')
    .argument('<file...>', 'Fingertips extracts (.csv, .csv.gz, or - for standard input)')
    .option('--area <area>', 'area code or name; repeatable; "all" (default: the one local area); England is always included', collect(looksLikeAreaCode))
    .option('--by <kind>', 'deprivation, sex, ethnicity, age, geography (or england, parent, rank, within-area); repeatable; default all', collect((s) => /^[a-z-]+$/.test(s)))
    .option('--period <period>', 'latest, or a period label', 'latest')
    .option('--principle <id>', 'only this principle (id, number or wording); repeatable', collect((s) => /^[a-z-]+$|^\d$/.test(s)))
    .option('--areas <file>', 'sub-area lookup CSV: area_code, parent_code[, deprivation_decile] (wards or MSOAs of the area)')
    .option('--derive-ci', 'compute missing CIs from count and denominator first (marked derived)')
    .option('--seed <n>', 'seed of the SII simulation', '1')
    .option('--repetitions <n>', 'draws of the SII simulation', '100000')
    .addOption(formatOption())
    .addOption(outputOption())
    .addOption(new Option('--fail-on <level>', 'exit 1 on a finding at this level').choices(['never', 'error', 'widening']).default('never'))
    .option('-q, --quiet', 'no summary on standard error'),
  )).action(async (files: Run[2], flags: Run[3]) => (await import('./gaps-run.js')).run(io, setExit, files, flags));
}
