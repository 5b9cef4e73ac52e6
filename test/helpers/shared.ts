import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = resolve(ROOT, '..', 'shared');
export const REALDATA = join(SHARED, 'realdata');
export const VECTORS = join(SHARED, 'vectors', 'vectors.json');

export const hasRealData = existsSync(REALDATA);
export const hasVectors = existsSync(VECTORS);

if (!hasRealData) console.warn(`SKIPPED: real-data tests — ${REALDATA} does not exist`);
if (!hasVectors) console.warn(`SKIPPED: reference-vector tests — ${VECTORS} does not exist`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadVectors(): any {
  return JSON.parse(readFileSync(VECTORS, 'utf8'));
}

/** |a − b| within `rel` of |b| (or within `rel` absolutely when b is 0). */
export function closeTo(actual: number | null, expected: number | null, rel: number): boolean {
  if (expected === null || actual === null) return actual === expected;
  return Math.abs(actual - expected) <= rel * Math.max(Math.abs(expected), 1e-300) || Math.abs(actual - expected) <= rel;
}
