import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './shared.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `marmot` command with only PATH and NO_COLOR=1 in its environment. */
export function marmot(args: string[], options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'marmot.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
