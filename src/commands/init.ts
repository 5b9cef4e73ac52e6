import { Command } from 'commander';
import type { Io } from './io.js';
import type { run } from './init-run.js';

type Run = Parameters<typeof run>;

/** The `init` command's definition; its work is in init-run.ts, loaded when it runs. */
export function initCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('init')
    .summary('write a starting marmot.config.json for an area')
    .requiredOption('--area <code>', 'the area code, e.g. E06000032')
    .option('-o, --output <file>', 'where to write it', 'marmot.config.json')
    .option('--force', 'replace an existing file')
    .action(async (flags: Run[2]) => (await import('./init-run.js')).run(io, setExit, flags));
}
