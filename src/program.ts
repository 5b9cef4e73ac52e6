import { Command } from 'commander';
import { baselineCommand } from './commands/baseline.js';
import type { Io } from './commands/io.js';
import { mapCommand } from './commands/map.js';
import { principlesCommand } from './commands/principles.js';
import { verifyCommand } from './commands/verify.js';
import { gapsCommand } from './commands/gaps.js';
import { snapshotCommand } from './commands/snapshot.js';
import { progressCommand } from './commands/progress.js';
import { checkCommand } from './commands/check.js';
import { initCommand } from './commands/init.js';
import { reportCommand } from './commands/report.js';
import { VERSION } from './io/version.js';

const EXIT_HELP = `
Exit codes:
  0  ran (findings, if any, below --fail-on)
  1  ran, with findings at or above --fail-on
  2  could not run: bad flags, unreadable or unrecognised input, no usable rows

Data: Fingertips (https://fingertips.phe.org.uk) extracts, as downloaded; see README.md.`;

/**
 * The marmot program, with no process globals: `io` carries the streams and environment, and
 * the chosen exit code is reported through `setExit`.
 */
export function createProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('marmot')
    .description('Baselines and inequality gaps for Marmot Places, from Fingertips extracts, grouped by the eight Marmot principles.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'print a stack trace on an internal error')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_HELP)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride();
  for (const sub of [baselineCommand(io, setExit), principlesCommand(io, setExit), mapCommand(io, setExit), verifyCommand(io, setExit), gapsCommand(io, setExit), snapshotCommand(io, setExit), progressCommand(io, setExit), checkCommand(io, setExit), initCommand(io, setExit), reportCommand(io, setExit)]) {
    sub.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
    sub.showHelpAfterError('(run with --help for usage)');
    program.addCommand(sub);
  }
  return program;
}
