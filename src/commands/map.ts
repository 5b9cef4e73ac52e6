import { Command } from 'commander';
import { formatOption, outputOption, withColorOptions, withDataOptions } from './options.js';
import type { Io } from './io.js';
import type { run } from './map-run.js';

type Run = Parameters<typeof run>;

/** The `map` command's definition; its work is in map-run.ts, loaded when it runs. */
export function mapCommand(io: Io, setExit: (code: number) => void): Command {
  return withDataOptions(withColorOptions(new Command('map')
    .summary("show how an extract's indicators map to the Marmot principles")
    .argument('<file...>', 'Fingertips extracts (.csv, .csv.gz, or - for standard input)')
    .addOption(formatOption())
    .addOption(outputOption())
    .option('-q, --quiet', 'no summary on standard error')
  )).action(async (files: Run[2], flags: Run[3]) => (await import('./map-run.js')).run(io, setExit, files, flags));
}
