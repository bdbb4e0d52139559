// The go.sum `h1:` hash (golang.org/x/mod/sumdb/dirhash Hash1): SHA-256 over the lines
// "<sha256 hex of file>  <file name>\n" of every file, sorted by name (bytewise, as Go's
// sort.Strings), base64, prefixed `h1:`. For a module zip the names are the entry names as
// stored (raw bytes, no code-page decoding), directories included, exactly as HashZip does.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';

export class DirhashError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DirhashError';
  }
}

export interface FileDigest {
  /** The name exactly as hashed (a zip entry name's raw bytes). */
  name: Buffer;
  /** SHA-256 of the file content. */
  sha256: Buffer;
}

const NEWLINE = 0x0a;

/**
 * Hash1 from per-file digests given in any order. A name that occurs twice is hashed twice
 * with the content of its last occurrence, which is what HashZip does with duplicate entries.
 */
export function hash1FromDigests(files: readonly FileDigest[]): string {
  const last = new Map<string, Buffer>();
  for (const f of files) {
    if (f.name.includes(NEWLINE)) throw new DirhashError('dirhash: filenames with newlines are not supported');
    last.set(f.name.toString('latin1'), f.sha256);
  }
  const names = files.map((f) => f.name).sort(Buffer.compare);
  const h = createHash('sha256');
  for (const name of names) {
    const digest = last.get(name.toString('latin1'))!;
    h.update(`${digest.toString('hex')}  `);
    h.update(name);
    h.update('\n');
  }
  return `h1:${h.digest('base64')}`;
}

/** Opens a zip for reading with raw (undecoded) names, entries one at a time. */
export function openZipRaw(zipPath: string, opts: { autoClose?: boolean } = {}): Promise<yauzl.ZipFile> {
  return yauzl.openPromise(zipPath, {
    lazyEntries: true,
    decodeStrings: false,
    validateEntrySizes: true,
    autoClose: opts.autoClose ?? true,
  });
}

/** An entry's name as raw bytes (yauzl gives a Buffer when decodeStrings is false). */
export function rawEntryName(entry: yauzl.Entry): Buffer {
  const name = entry.fileName as unknown;
  return Buffer.isBuffer(name) ? name : Buffer.from(String(name), 'utf8');
}

/** Hash1 of the zip at `zipPath` (dirhash.HashZip), reading it as a stream, entry by entry. */
export async function hashZip(zipPath: string, opts: { signal?: AbortSignal } = {}): Promise<string> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZipRaw(zipPath);
  } catch (err) {
    throw new DirhashError(`cannot read ${zipPath} as a zip file: ${(err as Error).message}`, { cause: err });
  }
  const files: FileDigest[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      opts.signal?.throwIfAborted();
      const stream = await zip.openReadStreamPromise(entry);
      files.push({ name: rawEntryName(entry), sha256: await sha256OfStream(stream, opts.signal) });
    }
  } catch (err) {
    zip.close();
    if (err instanceof DirhashError || (err as Error).name === 'AbortError') throw err;
    throw new DirhashError(`cannot read ${zipPath} as a zip file: ${(err as Error).message}`, { cause: err });
  }
  return hash1FromDigests(files);
}

function sha256OfStream(stream: Readable, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    const onAbort = () => stream.destroy(signal!.reason as Error);
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => h.update(chunk));
    stream.once('error', (err) => {
      signal?.removeEventListener('abort', onAbort);
      reject(err);
    });
    stream.once('end', () => {
      signal?.removeEventListener('abort', onAbort);
      resolve(h.digest());
    });
  });
}
