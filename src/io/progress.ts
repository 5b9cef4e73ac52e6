/**
 * The progress line of a long read: bytes read of the total, the share and the rate.
 *
 * @example progressLine('big.csv', 512e6, 1e9, 2) // 'big.csv: 512 of 1,000 MB (51%), 256 MB/s'
 */
export function progressLine(name: string, bytes: number, total: number, seconds: number): string {
  const mb = (n: number): string => Math.round(n / 1e6).toLocaleString('en-GB');
  const share = total > 0 ? Math.floor((100 * bytes) / total) : 100;
  return `${name}: ${mb(bytes)} of ${mb(total)} MB (${share}%), ${seconds > 0 ? mb(bytes / seconds) : '–'} MB/s`;
}

/**
 * Whether a run shows progress on stderr: only for a person watching — stderr a terminal, not in CI
 * (the CI variable), not --quiet, and not when the output is JSON or stdout is piped.
 */
export function showsProgress(io: { stdout: { isTTY?: boolean }; stderr: { isTTY?: boolean }; env: Record<string, string | undefined> }, opts: { format?: string; output?: string; quiet?: boolean }): boolean {
  if (!io.stderr.isTTY || io.env.CI || opts.quiet || opts.format === 'json') return false;
  return !!opts.output || !!io.stdout.isTTY;
}

/** A progress line on `stream`, redrawn at most ten times a second and cleared at the end. */
export function progressOn(stream: NodeJS.WritableStream, name: string): { update: (bytes: number, total: number) => void; done: () => void } {
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update: (bytes, total) => {
      const now = performance.now();
      if (now - last < 100 && bytes < total) return;
      last = now;
      shown = true;
      stream.write(`\r${progressLine(name, bytes, total, (now - started) / 1000)}\x1b[K`);
    },
    done: () => {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
