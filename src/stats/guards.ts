/** Throws unless `x` is a finite number at least `min` (null is not 0 here: it is refused). */
export function requireAtLeast(fn: string, name: string, x: unknown, min: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < min) {
    throw new RangeError(`${fn}: ${name} must be a number >= ${min}, got ${String(x)}`);
  }
  return x;
}

/** Throws unless `x` is a finite number greater than 0. */
export function requirePositive(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0) {
    throw new RangeError(`${fn}: ${name} must be a number > 0, got ${String(x)}`);
  }
  return x;
}
