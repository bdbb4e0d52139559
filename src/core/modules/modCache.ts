// The module cache against go.sum, as `go mod verify` checks it: for each module version the
// project needs that is in GOMODCACHE, the extracted directory's h1: (and the zip's, when kept)
// against the cached .ziphash and go.sum. Reading only: nothing in the cache is changed here.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as yauzl from 'yauzl';
import { errorCode, errorMessage } from '../errors';
import { escapeModulePath } from '../go/goproxy';
import { hashZip, openZipRaw, rawEntryName, hash1FromDigests, type FileDigest } from '../sumdb/dirhash';
import { dirDigests } from './dirHash';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

export interface CachedModule {
  module: string;
  version: string;
  /** The h1: go.sum gives for the module zip, when it has one. */
  goSumHash?: string | undefined;
}

export interface ModulePaths {
  dir: string;
  zip: string;
  ziphash: string;
}

export interface CorruptModule extends CachedModule {
  paths: ModulePaths;
  /** What is wrong, in one sentence. */
  problem: string;
  /** `problem` as a catalog Message. */
  problemText: Message;
  /** Files that differ from the zip, when the zip could tell. */
  altered: string[];
  missing: string[];
  extra: string[];
}

export interface ModCacheVerification {
  /** Module versions of the project present in the cache (and so verified). */
  present: number;
  /** Module versions of the project not in the cache (nothing to verify). */
  absent: number;
  corrupt: CorruptModule[];
}

export interface ModCacheOptions {
  gomodcache: string;
  modules: readonly CachedModule[];
  signal?: AbortSignal | undefined;
  /** Called after each module version. */
  onProgress?: (done: number, total: number) => void;
  concurrency?: number;
}

export function modulePaths(gomodcache: string, module: string, version: string): ModulePaths {
  const esc = escapeModulePath(module).split('/');
  const ver = escapeModulePath(version);
  const dl = path.join(gomodcache, 'cache', 'download', ...esc, '@v', ver);
  return { dir: `${path.join(gomodcache, ...esc)}@${ver}`, zip: `${dl}.zip`, ziphash: `${dl}.ziphash` };
}

export async function verifyModuleCache(o: ModCacheOptions): Promise<ModCacheVerification> {
  const result: ModCacheVerification = { present: 0, absent: 0, corrupt: [] };
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < o.modules.length) {
      o.signal?.throwIfAborted();
      const m = o.modules[next++]!;
      const verdict = await verifyOne(o.gomodcache, m, o.signal);
      if (verdict === 'absent') result.absent++;
      else {
        result.present++;
        if (verdict !== 'ok') result.corrupt.push(verdict);
      }
      o.onProgress?.(++done, o.modules.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 4, o.modules.length) }, worker));
  result.corrupt.sort((a, b) => a.module.localeCompare(b.module) || a.version.localeCompare(b.version));
  return result;
}

async function verifyOne(
  gomodcache: string,
  m: CachedModule,
  signal: AbortSignal | undefined,
): Promise<'ok' | 'absent' | CorruptModule> {
  const paths = modulePaths(gomodcache, m.module, m.version);
  const prefix = `${m.module}@${m.version}`;
  // The directory is hashed straight away: it is there for almost every module go has built, and
  // a missing one shows as ENOENT without a stat of its own.
  const [ziphashText, dir] = await Promise.all([
    fs.readFile(paths.ziphash, 'utf8').catch(() => undefined),
    dirDigests(paths.dir, prefix, signal).then(
      (digests) => ({ digests }),
      (err: unknown) => {
        if (signal?.aborted) throw err;
        return errorCode(err) === 'ENOENT' ? undefined : { error: errorMessage(err) };
      },
    ),
  ]);
  const zipThere = dir ? () => exists(paths.zip) : undefined;
  if (!dir && !(await exists(paths.zip))) return 'absent';
  const corrupt = (problem: Message, diff?: Pick<CorruptModule, 'altered' | 'missing' | 'extra'>): CorruptModule => ({
    ...m,
    paths,
    problem: render(problem, 'en'),
    problemText: problem,
    altered: diff?.altered ?? [],
    missing: diff?.missing ?? [],
    extra: diff?.extra ?? [],
  });
  const expected = ziphashText?.trim();
  if (!expected) return corrupt(msg('modules.corrupt.noZiphash', { path: paths.ziphash }));
  if (m.goSumHash && m.goSumHash !== expected)
    return corrupt(msg('modules.corrupt.ziphashDiffers', { cached: expected, goSum: m.goSumHash }));
  // The zip is hashed only when go would use it (no extracted directory) or to name the files
  // that differ: hashing every zip would double the work for what go builds from, the directory.
  const zipMatches = async (): Promise<boolean | Message> => {
    try {
      return (await hashZip(paths.zip, signal ? { signal } : {})) === expected;
    } catch (err) {
      if (signal?.aborted) throw err;
      return msg('modules.corrupt.zipUnreadable', { error: errorMessage(err) });
    }
  };
  if (!dir) {
    const z = await zipMatches();
    if (z === true) return 'ok';
    return corrupt(z === false ? msg('modules.corrupt.zipHash', { hash: expected }) : z);
  }
  if ('error' in dir) return corrupt(msg('modules.corrupt.dirUnreadable', { error: dir.error }));
  if (hash1FromDigests(dir.digests) !== expected) {
    const diff =
      (await zipThere?.()) && (await zipMatches()) === true
        ? await diffAgainstZip(paths.zip, dir.digests, `${prefix}/`).catch(() => undefined)
        : undefined;
    return corrupt(msg('modules.corrupt.dirHash', { hash: expected }), diff);
  }
  return 'ok';
}

/** Which files of the directory differ from the (verified) zip. */
async function diffAgainstZip(
  zipPath: string,
  dir: readonly FileDigest[],
  prefix: string,
): Promise<Pick<CorruptModule, 'altered' | 'missing' | 'extra'>> {
  const want = new Map<string, Buffer>();
  const zip: yauzl.ZipFile = await openZipRaw(zipPath);
  for await (const entry of zip.eachEntry()) {
    const h = createHash('sha256');
    for await (const chunk of await zip.openReadStreamPromise(entry)) h.update(chunk as Buffer);
    want.set(rawEntryName(entry).toString('utf8'), h.digest());
  }
  const have = new Map(dir.map((d) => [d.name.toString('utf8'), d.sha256]));
  const strip = (n: string) => (n.startsWith(prefix) ? n.slice(prefix.length) : n);
  const altered: string[] = [];
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [name, digest] of want) {
    const got = have.get(name);
    if (!got) missing.push(strip(name));
    else if (!got.equals(digest)) altered.push(strip(name));
  }
  for (const name of have.keys()) if (!want.has(name)) extra.push(strip(name));
  return { altered: altered.sort(), missing: missing.sort(), extra: extra.sort() };
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}
