// The official release index (`<dl-base>?mode=json&include=all`, the go.dev/dl JSON format): the
// only source of the SHA-256 an archive must match. Parsed strictly: a document that does not
// have the expected shape is refused as a whole, and the next official base is tried.
import type { Dispatcher } from 'undici';
import { errorMessage } from '../../errors';
import { compareGoVersions, parseGoVersion, type GoVersion } from '../../goVersion';
import { goosGoarch, type Platform } from '../../platform';
import { redact } from '../../redact';
import { toolchainError } from '../errors';
import { msg, type Param } from '../../i18n/message';
import { joinFailures } from '../../i18n/join';
import { describeNetError, type HttpTimeouts } from '../../net/failureWords';
import { netRequest } from '../../net/request';

/** go.dev/dl first; golang.google.cn/dl serves the same index and files and is reachable from mainland China. */
export const DEFAULT_DL_BASES: readonly string[] = ['https://go.dev/dl/', 'https://golang.google.cn/dl/'];

/** The include=all index is a few MB; anything much larger is not the index. */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

export interface ReleaseFile {
  filename: string;
  os: string;
  arch: string;
  version: string;
  /** Lower-case hex; '' for a few ancient releases, which cannot be verified and are never installed. */
  sha256: string;
  size: number;
  kind: string;
}

export interface Release {
  /** As in the index: `go1.22.5`. */
  name: string;
  version: GoVersion;
  stable: boolean;
  files: ReleaseFile[];
}

export interface ReleaseIndex {
  /** The dl base that served it (ends in `/`). */
  base: string;
  /** The URL the index was read from, after redirects (credentials redacted); absent when not fetched. */
  url?: string;
  /** Newest first. */
  releases: Release[];
}

export class IndexFormatError extends Error {}

/** Parses and validates the index JSON; throws IndexFormatError naming the first problem. */
export function parseReleaseIndex(text: string): Release[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new IndexFormatError(`not JSON (${errorMessage(err)})`);
  }
  if (!Array.isArray(doc)) throw new IndexFormatError('not a JSON array of releases');
  if (doc.length === 0) throw new IndexFormatError('the release list is empty');
  const releases: Release[] = [];
  doc.forEach((r: unknown, i) => {
    const where = `release #${i + 1}`;
    if (!isObject(r)) throw new IndexFormatError(`${where} is not an object`);
    const name = str(r, 'version', where);
    const stable = r.stable;
    if (typeof stable !== 'boolean') throw new IndexFormatError(`${where} (${name}): "stable" is not a boolean`);
    if (!Array.isArray(r.files)) throw new IndexFormatError(`${where} (${name}): "files" is not an array`);
    const files = r.files.map((f: unknown, j): ReleaseFile => {
      const at = `${where} (${name}) file #${j + 1}`;
      if (!isObject(f)) throw new IndexFormatError(`${at} is not an object`);
      const file: ReleaseFile = {
        filename: str(f, 'filename', at),
        os: str(f, 'os', at),
        arch: str(f, 'arch', at),
        version: str(f, 'version', at),
        sha256: str(f, 'sha256', at),
        size: 0,
        kind: str(f, 'kind', at),
      };
      const size = f.size;
      if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
        throw new IndexFormatError(`${at}: "size" is not a non-negative integer`);
      file.size = size;
      if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(file.filename))
        throw new IndexFormatError(`${at}: file name ${JSON.stringify(file.filename)} is not a plain file name`);
      if (file.version !== name)
        throw new IndexFormatError(
          `${at}: version ${JSON.stringify(file.version)} differs from its release ${JSON.stringify(name)}`,
        );
      if (file.sha256 !== '' && !/^[0-9a-f]{64}$/.test(file.sha256))
        throw new IndexFormatError(`${at}: "sha256" is not a hex SHA-256`);
      return file;
    });
    const version = parseGoVersion(name);
    // Releases whose names we cannot order are skipped, not fatal: they cannot be asked for anyway.
    if (version && name.startsWith('go')) releases.push({ name, version, stable, files });
  });
  releases.sort((a, b) => compareGoVersions(b.version, a.version));
  return releases;
}

export interface IndexFetchOptions {
  dlBases?: readonly string[];
  dispatcher: Dispatcher;
  signal?: AbortSignal | undefined;
  timeouts: HttpTimeouts & { indexMs: number };
}

/** Fetches the index from the first dl base that serves a valid one. */
export async function fetchReleaseIndex(opts: IndexFetchOptions): Promise<ReleaseIndex> {
  const bases = (opts.dlBases ?? DEFAULT_DL_BASES).map(withSlash);
  const failures: Param[] = [];
  for (const base of bases) {
    const url = `${base}?mode=json&include=all`;
    try {
      const { text, url: answered } = await fetchText(url, opts);
      return { base, url: redact(answered.href), releases: parseReleaseIndex(text) };
    } catch (err) {
      opts.signal?.throwIfAborted();
      const reason: Param =
        err instanceof IndexFormatError
          ? msg('toolchain.notAnIndex', { error: err.message })
          : err instanceof HttpStatusError
            ? err.message
            : describeNetError(err, opts.timeouts).reasonText;
      failures.push(msg('errors.at', { where: redact(url), reason }));
    }
  }
  throw toolchainError(
    'toolchain.indexUnavailable',
    msg('toolchain.indexUnavailable.message', { failures: joinFailures(failures) }),
    msg('toolchain.indexUnavailable.remedy'),
  );
}

export function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

class HttpStatusError extends Error {}

async function fetchText(url: string, opts: IndexFetchOptions): Promise<{ text: string; url: URL }> {
  const timeout = AbortSignal.timeout(opts.timeouts.indexMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    // Every hop stays on https (the policy of netRequest): this index is what downloads are verified against.
    const { res, url: answered } = await netRequest(url, {
      dispatcher: opts.dispatcher,
      signal,
      headersTimeout: opts.timeouts.headersMs,
      bodyTimeout: opts.timeouts.stallMs,
      headers: { accept: 'application/json' },
    });
    if (res.statusCode !== 200) {
      await res.body.dump().catch(() => undefined);
      throw new HttpStatusError(`HTTP ${res.statusCode}`);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_INDEX_BYTES) {
        res.body.destroy();
        throw new IndexFormatError(`larger than ${MAX_INDEX_BYTES} bytes`);
      }
      chunks.push(chunk);
    }
    return { text: Buffer.concat(chunks).toString('utf8'), url: answered };
  } catch (err) {
    if (timeout.aborted && !opts.signal?.aborted)
      throw new HttpStatusError(`no complete answer within ${Math.round(opts.timeouts.indexMs / 1000)} s`);
    throw err;
  }
}

/** The downloadable archive (tar.gz, or zip on Windows) of a release for this platform. */
export function findArchive(release: Release, platform: Pick<Platform, 'os' | 'arch'>): ReleaseFile | undefined {
  const { goos, goarch } = goosGoarch(platform);
  const ext = goos === 'windows' ? '.zip' : '.tar.gz';
  return release.files.find(
    (f) => f.kind === 'archive' && f.os === goos && f.arch === goarch && f.filename.endsWith(ext),
  );
}

export interface ResolvedRelease {
  release: Release;
  file: ReleaseFile;
}

/**
 * `latest` = the newest stable release that has an archive for this platform; otherwise the
 * exact release (`1.22.5` or `go1.22.5`). Throws `toolchain.notFound` with the nearest choices.
 */
export function resolveRelease(
  index: ReleaseIndex,
  wanted: string,
  platform: Pick<Platform, 'os' | 'arch'>,
): ResolvedRelease {
  const { goos, goarch } = goosGoarch(platform);
  const where = `${goos}/${goarch}`;
  const newestStable = index.releases.find((r) => r.stable && findArchive(r, platform));
  if (wanted === 'latest') {
    const file = newestStable && findArchive(newestStable, platform);
    if (!newestStable || !file) {
      throw toolchainError(
        'toolchain.notFound',
        msg('toolchain.noStable.message', { base: redact(index.base), where }),
        msg('toolchain.noStable.remedy'),
      );
    }
    checkVerifiable(newestStable, file);
    return { release: newestStable, file };
  }
  const v = parseGoVersion(wanted);
  const release = v && index.releases.find((r) => r.version.text === v.text);
  const hint = newestStable ? msg('toolchain.hint.newest', { name: newestStable.name }) : '';
  if (!release) {
    const sameLine =
      v &&
      index.releases.filter(
        (r) => r.version.major === v.major && r.version.minor === v.minor && r.stable && findArchive(r, platform),
      );
    const suggest =
      sameLine && sameLine.length > 0
        ? msg('toolchain.hint.sameLine', {
            line: `${v.major}.${v.minor}`,
            names: sameLine
              .slice(0, 5)
              .map((r) => r.name)
              .join(', '),
          })
        : '';
    throw toolchainError(
      'toolchain.notFound',
      msg('toolchain.notInIndex.message', {
        version: v ? v.text : wanted,
        base: redact(index.base),
        hint: suggest || hint,
      }),
      msg('toolchain.notInIndex.remedy'),
    );
  }
  const file = findArchive(release, platform);
  if (!file) {
    throw toolchainError(
      'toolchain.notFound',
      msg('toolchain.noArchive.message', { name: release.name, where, hint }),
      msg('toolchain.noArchive.remedy'),
    );
  }
  checkVerifiable(release, file);
  return { release, file };
}

function checkVerifiable(release: Release, file: ReleaseFile): void {
  if (file.sha256 === '' || file.size === 0) {
    throw toolchainError(
      'toolchain.notFound',
      msg('toolchain.unverifiable.message', { file: file.filename, name: release.name }),
      msg('toolchain.unverifiable.remedy'),
    );
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Record<string, unknown>, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new IndexFormatError(`${where}: "${key}" is not a string`);
  return v;
}
