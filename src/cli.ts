import { CommanderError } from 'commander';
import type { Io } from './commands/io.js';
import { MarmotError } from './errors.js';
import { EXIT } from './exit-codes.js';
import { createProgram } from './program.js';

/** Commander's own successful exits (help, version); every other CommanderError is a usage error. */
const COMMANDER_OK = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help', 'commander.executeSubCommandAsync']);

/**
 * Runs marmot with the given argv and streams and returns the exit code. The only place that
 * turns errors into exit codes: MarmotError and usage errors → 2 with a one- or two-line message,
 * anything unexpected → 2 with "internal error" (a stack trace only with --debug).
 */
export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.OK;
  const debug = argv.includes('--debug');
  try {
    const program = createProgram(io, (code) => { exitCode = code; });
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return COMMANDER_OK.has(e.code) ? EXIT.OK : EXIT.ERROR;
    if (e instanceof MarmotError) {
      io.stderr.write(`marmot: ${e.message}\n${e.hint ? `  ${e.hint}\n` : ''}`);
      if (debug) io.stderr.write(`${e.stack}\n`);
      return EXIT.ERROR;
    }
    const err = e as Error;
    io.stderr.write(`marmot: internal error: ${err.message} (re-run with --debug for a stack trace)\n`);
    if (debug) io.stderr.write(`${err.stack}\n`);
    return EXIT.ERROR;
  }
}

/** The process entry: `bin/marmot.js` calls this. A closed stdout (`marmot … | head`) ends quietly. */
export async function main(argv: string[]): Promise<number> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.OK);
  });
  return run(argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() });
}
