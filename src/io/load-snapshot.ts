import { readFile } from 'node:fs/promises';
import { SnapshotSchema, type Snapshot } from '../compute/snapshot-schema.js';
import { InputError } from '../errors.js';

/** Reads and validates a snapshot written by `marmot snapshot`; exit 2 with the key path when it is not one. */
export async function loadSnapshot(path: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(`${path}: cannot read the snapshot (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path}: the snapshot is not JSON (${(e as Error).message})`);
  }
  const parsed = SnapshotSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${path}: not a marmot/snapshot@1 document: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}
