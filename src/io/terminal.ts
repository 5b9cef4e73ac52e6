import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Colour level for a stream. Precedence: --color/--no-color, then NO_COLOR (any non-empty value
 * turns colour off; chalk itself ignores it), then FORCE_COLOR, then a TTY that is not `dumb`.
 */
export function colorLevel(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined>,
  flag: boolean | undefined,
): 0 | 1 {
  if (flag !== undefined) return flag ? 1 : 0;
  if (env.NO_COLOR) return 0;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? 0 : 1;
  return stream.isTTY && env.TERM !== 'dumb' ? 1 : 0;
}

export function chalkFor(level: 0 | 1): ChalkInstance {
  return new Chalk({ level });
}
