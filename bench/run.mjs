#!/usr/bin/env node
// npm run bench [-- SIZE…]: generates Fingertips-shaped files with the project's copy of the
// deterministic generator (bench/gen-fingertips.mjs, from shared/bench), then times marmot's
// commands and the anchors (DuckDB from Node, Python's csv module, Node's raw read; copied from
// shared/bench/anchors) on them, in the same run, and prints wall time, MB/s and peak memory per
// command and size as a Markdown table: the median of RUNS runs (default 3) with a warm page
// cache, /usr/bin/time for each run, runs interleaved across commands. A benchmark, never a test.
// Sizes default to 100MB and 1GB; RUNS=n sets the runs, ONLY=regex the commands (by name).
// DuckDB needs `cd bench && npm install`; a missing anchor is listed as skipped, with the reason.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const sizes = process.argv.slice(2).length ? process.argv.slice(2) : ['100MB', '1GB'];
const runs = Number(process.env.RUNS ?? 3);
const marmot = join(root, 'bin', 'marmot.js');
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) {
  console.error('bench: needs /usr/bin/time (apt-get install -y time)');
  process.exit(2);
}
mkdirSync(join(here, 'data'), { recursive: true });

const node = process.execPath;
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const duckdb = existsSync(join(here, 'node_modules', '@duckdb', 'node-api')) ? null : 'not installed: cd bench && npm install';
const hasPython = spawnSync(python, ['--version']).status === 0 ? null : 'no python3';

// [name, per-file?, argv(file) | null, reason skipped]
const commands = [
  ['node -e ""', false, () => [node, '-e', '']],
  ['marmot --help', false, () => [node, marmot, '--help']],
  ['marmot baseline fixtures/luton.csv --area Luton', false, () => [node, marmot, 'baseline', join(root, 'fixtures', 'luton.csv'), '--area', 'Luton', '-q']],
  ['marmot baseline FILE --area E06000032 --format json', true, (f) => [node, marmot, 'baseline', f, '--area', 'E06000032', '--format', 'json', '-o', '/dev/null', '-q']],
  ['marmot check FILE', true, (f) => [node, marmot, 'check', f, '--format', 'json', '-o', '/dev/null', '--fail-on', 'never', '-q']],
  ['anchor: DuckDB from Node (latest value of every group)', true, (f) => [node, join(here, 'anchors', 'duckdb-baseline.mjs'), f], duckdb],
  ['anchor: Python csv module (the same)', true, (f) => [python, join(here, 'anchors', 'py-csv-baseline.py'), f], hasPython],
  ['anchor: Node raw read', true, (f) => [node, join(here, 'anchors', 'node-read.mjs'), f]],
];

function once(argv) {
  const r = spawnSync(TIME, ['-f', '%e %M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, cwd: here });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const [wall, kb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wall, mib: kb / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
const rows = [];
for (const size of sizes) {
  const file = join(here, 'data', `fingertips-${size}.csv`);
  if (!existsSync(file)) execFileSync(node, [join(here, 'gen-fingertips.mjs'), '--size', size, '--out', file], { stdio: 'inherit' });
  const mb = statSync(file).size / 1e6;
  const chosen = commands.filter(([name, perFile]) => (perFile || size === sizes[0]) && (!only || only.test(name)));
  // Runs are interleaved (run 1 of every command, then run 2…), so that the VM's slow spells fall
  // on all commands alike and the medians compare like with like.
  const measured = new Map(chosen.map(([name]) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, , argv, skipped] of chosen) {
      if (skipped) continue;
      execFileSync('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 }); // warm the cache
      measured.get(name).push(once(argv(file)));
    }
  }
  for (const [name, perFile, , skipped] of chosen) {
    if (skipped) {
      rows.push(`| ${perFile ? size : '–'} | ${name} | skipped (${skipped}) | | |`);
      continue;
    }
    const walls = measured.get(name).map((m) => m.wall);
    const wall = median(walls);
    const mib = median(measured.get(name).map((m) => m.mib));
    const range = runs > 1 ? ` (${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)})` : '';
    rows.push(`| ${perFile ? size : '–'} | ${name} | ${wall.toFixed(2)} s${range} | ${perFile ? `${(mb / wall).toFixed(0)} MB/s` : '–'} | ${mib.toFixed(0)} MiB |`);
    console.error(rows[rows.length - 1]);
  }
}
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${runs} interleaved runs, warm cache\n`);
console.log('| file | command | wall (min–max) | throughput | peak RSS |\n| --- | --- | ---: | ---: | ---: |');
console.log(rows.join('\n'));
