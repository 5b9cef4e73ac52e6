import { Command } from 'commander';
import { formatOption, outputOption, withColorOptions, withDataOptions } from './options.js';
import type { Io } from './io.js';
import type { run } from './progress-run.js';

type Run = Parameters<typeof run>;

/** The `progress` command's definition; its work is in progress-run.ts, loaded when it runs. */
export function progressCommand(io: Io, setExit: (code: number) => void): Command {
  return withDataOptions(withColorOptions(new Command('progress')
    .summary('what has changed since the baseline snapshot: per indicator and per gap, summarised by principle')
    .requiredOption('--since <baseline.json>', 'the baseline snapshot (from marmot snapshot)')
    .argument('<current...>', 'a current snapshot (.json), or Fingertips extracts to evaluate with the baseline\'s options')
    .addOption(formatOption())
    .addOption(outputOption())
    .option('-q, --quiet', 'no summary on standard error'),
  )).action(async (inputs: Run[2], flags: Run[3]) => (await import('./progress-run.js')).run(io, setExit, inputs, flags));
}
