import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, pipeline, PassThrough } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';

export interface OpenedInput {
  /** The name used in messages: the path, or `<stdin>`. */
  name: string;
  /** Size in bytes on disk (compressed size for .gz), when known. */
  size: number | null;
  gzip: boolean;
  /** UTF-8 text in chunks, BOM included (the CSV parser strips it). */
  text: AsyncIterable<string>;
  /** With `digest`: SHA-256 and size of the bytes as given (before gunzip), known once `text` is read. */
  digest: () => { sha256: string; bytes: number } | null;
}

const WINDOWS_1252_HINT =
  "it looks like Windows-1252 (Excel's plain 'CSV'): save it as 'CSV UTF-8', or convert it with `iconv -f windows-1252 -t utf-8`";

function isUtf16(head: Buffer): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return true;
  const sample = head.subarray(0, 200);
  let zeros = 0;
  for (const b of sample) if (b === 0) zeros++;
  return sample.length > 10 && zeros > sample.length / 4;
}

async function* decodeUtf8(name: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let line = 1;
  let first = true;
  for await (const chunk of chunks) {
    if (first && isUtf16(chunk)) {
      throw new InputError(`${name}: the file is UTF-16, not UTF-8`, "save it as 'CSV UTF-8' (Excel) or convert it with `iconv -f utf-16 -t utf-8`");
    }
    first = false;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const lossy = new TextDecoder('utf-8').decode(chunk);
      const at = lossy.indexOf('\uFFFD');
      const before = at < 0 ? lossy : lossy.slice(0, at);
      const lineOfError = line + (before.match(/\n/g)?.length ?? 0);
      throw new InputError(`${name}:${lineOfError}: the file is not valid UTF-8`, WINDOWS_1252_HINT);
    }
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
    yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new InputError(`${name}:${line}: the file ends inside a UTF-8 character`, WINDOWS_1252_HINT);
  }
}

/** Yields the first chunk and then the rest, so the first bytes can be looked at. */
async function* withHead(head: Buffer | undefined, rest: AsyncIterator<Buffer>, hash: Hash | null, count: { bytes: number }): AsyncGenerator<Buffer> {
  if (head) {
    hash?.update(head);
    count.bytes += head.length;
    yield head;
  }
  for (let r = await rest.next(); !r.done; r = await rest.next()) {
    hash?.update(r.value);
    count.bytes += r.value.length;
    yield r.value;
  }
}

/**
 * Opens a path, or `-` for standard input, as UTF-8 text. Gzip is recognised by its magic bytes
 * (1f 8b), whatever the name; UTF-16 and invalid UTF-8 are refused with the line where they show.
 */
export async function openInput(path: string, stdin: NodeJS.ReadableStream, options: { digest?: boolean } = {}): Promise<OpenedInput> {
  const name = path === '-' ? '<stdin>' : path;
  let source: NodeJS.ReadableStream;
  let size: number | null = null;
  if (path === '-') source = stdin;
  else {
    try {
      const s = await stat(path);
      if (s.isDirectory()) throw new InputError(`${path}: is a directory, expected a CSV file`);
      size = s.size;
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    source = createReadStream(path, { highWaterMark: 1 << 20 });
  }
  const iterator = (source as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let first: IteratorResult<Buffer>;
  try {
    first = await iterator.next();
  } catch (e) {
    throw new InputError(`${name}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const head = first.done ? undefined : Buffer.from(first.value);
  const gzip = !!head && head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  const hash = options.digest ? createHash('sha256') : null;
  const count = { bytes: 0 };
  let done = false;
  let bytes: AsyncIterable<Buffer> = (async function* () {
    yield* withHead(head, iterator, hash, count);
    done = true;
  })();
  if (gzip) {
    const out = new PassThrough();
    pipeline(Readable.from(bytes), createGunzip(), out, () => {});
    bytes = gunzipErrors(name, out);
  }
  const digest = () => (hash && done ? { sha256: hash.copy().digest('hex'), bytes: count.bytes } : null);
  return { name, size, gzip, text: decodeUtf8(name, bytes), digest };
}

async function* gunzipErrors(name: string, stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk;
  } catch (e) {
    throw new InputError(`${name}: the gzip data is damaged (${(e as Error).message})`);
  }
}
