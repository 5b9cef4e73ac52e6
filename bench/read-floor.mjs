// The floor under `marmot check`'s time: the whole-file read as check does it (two reading threads
// scan, validate and pack alternate blocks; this thread merges their batches, unpacks each row and
// gives it to the sink), with a sink
// that keeps nothing. With a second argument, the sink also spends that many microseconds a row on
// arithmetic that allocates nothing, to stand for a check whose rows die at once (no row kept to
// the end of its indicator, so no collector work for them). Needs the build (`npm run build`).
//
//   node bench/read-floor.mjs bench/data/fingertips-1GB.csv        # reading alone
//   node bench/read-floor.mjs bench/data/fingertips-1GB.csv 1.1    # and 1.1 µs a row of compute
//
// Prints the rows, wall time, user CPU and peak RSS. Read the file once first (`cat FILE > /dev/null`),
// as `npm run bench` does: a cold page cache made a 100 MB run take 5.7 s instead of 1.35 s.
// docs/performance.md gives the figures.
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const { readExtract } = await import(fileURLToPath(new URL('../dist/ingest/read-extract.js', import.meta.url)));
const [file, perRow = '0'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/read-floor.mjs FILE [microseconds of compute a row]');
  process.exit(2);
}
const micros = Number(perRow);

let sum = 0;
/** k steps of a multiply-add chain: no allocation, not foldable. */
const work = (k) => {
  let x = 1.0001;
  for (let i = 0; i < k; i++) x = x * 1.0000001 + 1e-9;
  return x;
};
/** Steps of `work` a microsecond on this machine, now (the first measure over 5 µs a call). */
function stepsPerMicrosecond() {
  const calls = 1000;
  for (let k = 1000; ; k *= 2) {
    const t = performance.now();
    for (let j = 0; j < calls; j++) sum += work(k);
    const microsEach = ((performance.now() - t) * 1000) / calls;
    if (microsEach > 5) return k / microsEach;
  }
}
const steps = micros > 0 ? Math.round(stepsPerMicrosecond() * micros) : 0;

const start = performance.now();
let rows = 0;
await readExtract(file, {
  stdin: Readable.from([]),
  sink: (row) => {
    rows++;
    sum += steps > 0 ? work(steps) + row.line : row.line;
  },
  restart: () => {
    rows = 0;
  },
});
const wall = (performance.now() - start) / 1000;
const usage = process.resourceUsage();
console.log(
  `${micros} µs a row (${steps} steps): ${rows} rows, ${wall.toFixed(2)} s wall, ${(usage.userCPUTime / 1e6).toFixed(2)} s user CPU, ` +
    `${(usage.maxRSS / 1024).toFixed(0)} MiB peak RSS${sum > 0 ? '' : ' (!)'}`,
);
