import { Command } from 'commander';
import { formatOption, outputOption, withColorOptions } from './options.js';
import type { Io } from './io.js';
import type { run } from './principles-run.js';

type Run = Parameters<typeof run>;

/** The `principles` command's definition; its work is in principles-run.ts, loaded when it runs. */
export function principlesCommand(io: Io, setExit: (code: number) => void): Command {
  return withColorOptions(new Command('principles')
    .summary("list the eight Marmot principles and the catalogue's indicators under each")
    .addOption(formatOption())
    .addOption(outputOption())
  ).action(async (flags: Run[2]) => (await import('./principles-run.js')).run(io, setExit, flags));
}
