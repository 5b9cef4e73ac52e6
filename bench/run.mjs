#!/usr/bin/env node
// npm run bench [-- SIZE…]: generates Fingertips-shaped files with the project's copy of the
// deterministic generator (bench/gen-fingertips.mjs, from shared/bench) and times marmot's commands on
// them, printing wall time, MB/s and peak memory per command and size as a Markdown table. A
// benchmark, never a test. Sizes default to 100MB; pass 1GB too for the full table (slow today).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const sizes = process.argv.slice(2).length ? process.argv.slice(2) : ['100MB'];
const marmot = join(root, 'bin', 'marmot.js');
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) {
  console.error('bench: needs /usr/bin/time (apt-get install -y time)');
  process.exit(2);
}
mkdirSync(join(here, 'data'), { recursive: true });

const commands = [
  ['node -e ""', (_f) => [process.execPath, '-e', '']],
  ['marmot --help', (_f) => [process.execPath, marmot, '--help']],
  ['baseline fixtures/luton.csv', (_f) => [process.execPath, marmot, 'baseline', join(root, 'fixtures', 'luton.csv'), '--area', 'Luton', '-q']],
  ['baseline --area E06000032 --format json', (f) => [process.execPath, marmot, 'baseline', f, '--area', 'E06000032', '--format', 'json', '-o', '/dev/null', '-q']],
  ['check', (f) => [process.execPath, marmot, 'check', f, '--format', 'json', '-o', '/dev/null', '--fail-on', 'never', '-q']],
];

function measure(argv) {
  const r = spawnSync(TIME, ['-f', '%e %M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const line = r.stderr.trim().split('\n').pop() ?? '';
  const [wall, kb] = line.split(' ').map(Number);
  return { wall, mib: kb / 1024, status: r.status };
}

const rows = [];
for (const size of sizes) {
  const file = join(here, 'data', `fingertips-${size}.csv`);
  if (!existsSync(file)) execFileSync(process.execPath, [join(here, 'gen-fingertips.mjs'), '--size', size, '--out', file], { stdio: 'inherit' });
  const mb = statSync(file).size / 1e6;
  execFileSync('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 }); // warm the cache
  for (const [name, argv] of commands) {
    if (!name.startsWith('baseline --area') && !name.startsWith('check') && size !== sizes[0]) continue;
    const m = measure(argv(file));
    const perFile = name.startsWith('baseline --area') || name.startsWith('check');
    rows.push(`| ${perFile ? size : '–'} | ${name} | ${m.wall.toFixed(2)} s | ${perFile ? `${(mb / m.wall).toFixed(1)} MB/s` : '–'} | ${m.mib.toFixed(0)} MiB |`);
    console.error(rows[rows.length - 1]);
  }
}
console.log(`machine: ${execFileSync('nproc').toString().trim()} cores, ${process.version}\n`);
console.log('| file | command | wall | throughput | peak RSS |\n| --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
