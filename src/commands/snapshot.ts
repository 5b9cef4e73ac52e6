import { Command } from 'commander';
import { collect, looksLikeAreaCode, withDataOptions } from './options.js';
import type { Io } from './io.js';
import type { run } from './snapshot-run.js';

type Run = Parameters<typeof run>;

/** The `snapshot` command's definition; its work is in snapshot-run.ts, loaded when it runs. */
export function snapshotCommand(io: Io, setExit: (code: number) => void): Command {
  return withDataOptions(new Command('snapshot')
    .summary('write a versioned evaluation snapshot (baseline, gaps, data points, provenance) for cron')
    .argument('<file...>', 'Fingertips extracts (.csv, .csv.gz, or - for standard input)')
    .requiredOption('-o, --output <path>', 'the snapshot file, or a folder to name it in (<areas>-<latest period>.json)')
    .option('--area <area>', 'area code or name; repeatable (default: the one local area)', collect(looksLikeAreaCode))
    .option('--force', 'replace an existing snapshot')
    .option('--stamp', 'record the time the snapshot was made (otherwise none, so the same data give the same bytes)')
    .option('--derive-ci', 'compute missing CIs from count and denominator (marked derived)')
    .option('--seed <n>', 'seed of the SII simulation', '1')
    .option('--repetitions <n>', 'draws of the SII simulation', '100000')
    .option('-q, --quiet', 'no summary on standard error'))
    .action(async (files: Run[2], flags: Run[3]) => (await import('./snapshot-run.js')).run(io, setExit, files, flags));
}
