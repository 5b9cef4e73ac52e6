import { Command, Option } from 'commander';
import { collect, formatOption, looksLikeAreaCode, outputOption, withColorOptions, withDataOptions } from './options.js';
import type { Io } from './io.js';
import type { run } from './baseline-run.js';

type Run = Parameters<typeof run>;

/** The `baseline` command's definition; its work is in baseline-run.ts, loaded when it runs. */
export function baselineCommand(io: Io, setExit: (code: number) => void): Command {
  return withDataOptions(withColorOptions(new Command('baseline')
    .summary('baseline value per indicator for an area, grouped by Marmot principle')
    .description("For each indicator in the extract: the baseline period's value with its 95% CI, the England and parent values, the comparisons with them recomputed by Fingertips' method beside the published ones, and the recent trend.")
    .argument('<file...>', 'Fingertips extracts (.csv, .csv.gz, or - for standard input)')
    .option('--area <area>', 'area code or name; repeat or comma-separate codes; "all" for every area (default: the one local area)', collect(looksLikeAreaCode))
    .option('--period <period>', 'latest, or a period label such as 2019/20', 'latest')
    .option('--principle <id>', 'only this principle (id, number or wording); repeatable', collect((s) => /^[a-z-]+$|^\d$/.test(s)))
    .option('--red-red', 'only the red flags: significantly worse than England and getting worse by the recent trend')
    .option('--derive-ci', 'where an extract lacks CIs but has count and denominator, compute them (Wilson; exact/Byars) and mark the judgements that used them as derived')
    .addOption(formatOption())
    .addOption(outputOption())
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding reaches this level').choices(['never', 'error', 'warning', 'mismatch']).default('never'))
    .option('-q, --quiet', 'no summary on standard error')
  )).action(async (files: Run[2], flags: Run[3]) => (await import('./baseline-run.js')).run(io, setExit, files, flags));
}
