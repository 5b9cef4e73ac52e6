import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename, so a reader (or a
 * job killed mid-write) never sees a partial file under the final name.
 */
export async function writeFileAtomic(
  path: string,
  text: string,
  fs: { writeFile: typeof writeFile; rename: typeof rename } = { writeFile, rename },
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, text, 'utf8');
    await fs.rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw new InputError(`${path}: cannot write the output (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** Writes to a stream and resolves once the text is handed over (or the stream has gone). */
export function writeToStream(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', resolve);
    stream.once('error', () => resolve());
  });
}
