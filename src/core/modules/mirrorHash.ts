// What the first GOPROXY mirror serves for a go.sum line whose hash the checksum database
// disputes: its h1: hash tells "go.sum was edited or the tag moved" (the mirror agrees with the
// database) from "the mirror is wrong" (it serves what go.sum says, which the database never logged).
import { createHash } from 'node:crypto';
import * as yauzl from 'yauzl';
import { errorMessageText } from '../errors';
import { escapeModulePath, parseGoproxy, proxyResource } from '../go/goproxy';
import { goModHash1 } from '../proxyRewrite/goModHash';
import { redact } from '../redact';
import { hash1FromDigests, rawEntryName, type FileDigest } from '../sumdb/dirhash';
import type { HttpGet } from '../net/httpGet';
import type { GoSumLine } from './goSum';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

/** cmd/go's limit on a module zip (modfetch/zip.go MaxZipFile). */
const MAX_ZIP_BYTES = 500 << 20;
const MAX_MOD_BYTES = 16 << 20;

/** `problemText` is `problem` as a catalog Message. */
export type MirrorHash = { mirror: string; hash: string } | { mirror?: string; problem: string; problemText: Message };

export async function mirrorHash(
  line: Pick<GoSumLine, 'module' | 'version' | 'goMod'>,
  goproxy: string,
  get: HttpGet,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<MirrorHash> {
  const entry = parseGoproxy(goproxy).find((e) => e.kind === 'url');
  if (!entry || entry.kind !== 'url') return problem(undefined, msg('modules.problem.noMirror'));
  const mirror = redact(entry.url.href);
  const file = `${escapeModulePath(line.module)}/@v/${escapeModulePath(line.version)}.${line.goMod ? 'mod' : 'zip'}`;
  try {
    const res = await get(proxyResource(entry.url, file), {
      signal,
      timeoutMs,
      maxBytes: line.goMod ? MAX_MOD_BYTES : MAX_ZIP_BYTES,
    });
    if (res.status !== 200) return problem(mirror, msg('modules.problem.mirrorStatus', { status: res.status }));
    return { mirror, hash: line.goMod ? goModHash1(res.body) : await zipHash(res.body) };
  } catch (err) {
    if (signal?.aborted) throw err;
    return problem(mirror, errorMessageText(err));
  }
}

/** dirhash.HashZip over a zip held in memory. */
async function zipHash(zip: Buffer): Promise<string> {
  const z = await yauzl.fromBufferPromise(zip, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
  const files: FileDigest[] = [];
  for await (const entry of z.eachEntry()) {
    const h = createHash('sha256');
    for await (const chunk of await z.openReadStreamPromise(entry)) h.update(chunk as Buffer);
    files.push({ name: rawEntryName(entry), sha256: h.digest() });
  }
  return hash1FromDigests(files);
}

function problem(mirror: string | undefined, text: Message): MirrorHash {
  return { ...(mirror === undefined ? {} : { mirror }), problem: redact(render(text, 'en')), problemText: text };
}
