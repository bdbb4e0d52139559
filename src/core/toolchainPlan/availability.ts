// Whether the toolchain go will switch to can be had: a `go1.X.Y` binary in PATH, the module
// cache, or `golang.org/toolchain` through the GOPROXY entries go would walk (`.info`), known to
// the checksum database. Each entry's answer is kept, so a failure can name them all.
import { constants as fsc, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { errorMessageText } from '../errors';
import { escapeModulePath, parseGoproxy, proxyResource } from '../go/goproxy';
import { undiciGet, type HttpGet } from '../net/httpGet';
import { TOOLCHAIN_DIRECT_PROXY } from '../toolchain/module/download';
import { lookupToolchainHash, TOOLCHAIN_MODULE, toolchainModuleVersion } from '../toolchain/module/verify';
import { redact } from '../redact';
import { msg, type Message, type Param } from '../i18n/message';

export interface AvailabilityInput {
  /** The toolchain name, `go1.23.4`. */
  name: string;
  goos: string;
  goarch: string;
  pathOnly: boolean;
  /** The PATH go searches. */
  pathEnv: string;
  gomodcache?: string | undefined;
  goproxy: string;
  gosumdb: string;
  gonosumdb?: string | undefined;
  goprivate?: string | undefined;
  sumdbStateDir: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  get?: HttpGet;
  /** What `direct` means for golang.org/toolchain. */
  directBase?: string;
}

export type Availability =
  | { kind: 'inPath'; file: string }
  | { kind: 'cached'; dir: string }
  | { kind: 'downloadable'; source: Param; answers: Message[]; database: string }
  | {
      kind: 'unavailable';
      /** Each source's answer, in the order go asks them. */
      answers: Message[];
      /** A source failed or refused (an answer other than 403/404): a working mirror may help. */
      sourceFailed: boolean;
      sumdb?: Message | undefined;
      pathOnly: boolean;
    };

/** The toolchain go finds without a download: a `go1.X.Y` in PATH, or the module cache (not with `path`). */
export async function findLocalToolchain(
  input: Pick<AvailabilityInput, 'name' | 'goos' | 'goarch' | 'pathEnv' | 'gomodcache' | 'pathOnly'>,
): Promise<Extract<Availability, { kind: 'inPath' | 'cached' }> | undefined> {
  const inPath = await lookPath(input.name, input.pathEnv);
  if (inPath) return { kind: 'inPath', file: inPath };
  if (input.pathOnly || !input.gomodcache) return undefined;
  const dir = path.join(
    input.gomodcache,
    `${TOOLCHAIN_MODULE}@${toolchainModuleVersion(input.name, input.goos, input.goarch)}`,
  );
  return (await isExecutable(path.join(dir, 'bin', 'go'))) ? { kind: 'cached', dir } : undefined;
}

export async function toolchainAvailability(input: AvailabilityInput): Promise<Availability> {
  const local = await findLocalToolchain(input);
  if (local) return local;
  if (input.pathOnly)
    return {
      kind: 'unavailable',
      pathOnly: true,
      answers: [msg('tcSource.pathOnly', { name: input.name })],
      sourceFailed: false,
    };
  const version = toolchainModuleVersion(input.name, input.goos, input.goarch);
  const get = input.get ?? undiciGet();
  const [served, sumdb] = await Promise.all([
    walkProxies(input, version, get),
    lookupToolchainHash(TOOLCHAIN_MODULE, version, {
      gosumdb: input.gosumdb,
      gonosumdb: input.gonosumdb,
      goprivate: input.goprivate,
      goproxy: input.goproxy,
      stateDir: input.sumdbStateDir,
      get,
      signal: input.signal,
      timeoutMs: input.timeoutMs,
    }).then(
      (r) => ({ ok: r.plan.db.name }),
      (err: unknown) => {
        input.signal?.throwIfAborted();
        return { failed: msg('tcSource.sumdb', { error: errorMessageText(err) }) };
      },
    ),
  ]);
  if (served.source && 'ok' in sumdb)
    return { kind: 'downloadable', source: served.source, answers: served.answers, database: sumdb.ok };
  return {
    kind: 'unavailable',
    pathOnly: false,
    answers: served.answers,
    sourceFailed: served.sourceFailed,
    sumdb: 'failed' in sumdb ? sumdb.failed : undefined,
  };
}

/** cmd/go's walk: after `,` the next entry only on 404/410, after `|` on any error; `off` stops. */
async function walkProxies(
  input: AvailabilityInput,
  version: string,
  get: HttpGet,
): Promise<{ source?: Param; answers: Message[]; sourceFailed: boolean }> {
  const answers: Message[] = [];
  let sourceFailed = false;
  const resource = `${escapeModulePath(TOOLCHAIN_MODULE)}/@v/${version}.info`;
  for (const entry of parseGoproxy(input.goproxy)) {
    if (entry.kind === 'off') {
      answers.push(msg('tcSource.off'));
      sourceFailed = true;
      break;
    }
    if (entry.kind === 'invalid') {
      answers.push(msg('tcSource.invalid', { entry: redact(entry.text), reason: entry.reasonText }));
      sourceFailed = true;
      break;
    }
    const base = entry.kind === 'direct' ? new URL(input.directBase ?? TOOLCHAIN_DIRECT_PROXY) : entry.url;
    const label: Param = entry.kind === 'direct' ? msg('tcSource.direct', { url: base.href }) : redact(entry.text);
    let notFound: boolean;
    try {
      const r = await get(proxyResource(base, resource), {
        timeoutMs: input.timeoutMs,
        maxBytes: 64 * 1024,
        signal: input.signal,
      });
      if (r.status === 200) {
        answers.push(msg('tcSource.has', { source: label }));
        return { source: label, answers, sourceFailed };
      }
      answers.push(msg('tcSource.status', { source: label, status: r.status }));
      notFound = r.status === 404 || r.status === 410;
      // 403 and 404 are answers; anything else means the source itself is in trouble.
      if (r.status !== 403 && r.status !== 404) sourceFailed = true;
    } catch (err) {
      input.signal?.throwIfAborted();
      answers.push(msg('tcSource.failed', { source: label, error: errorMessageText(err) }));
      notFound = false;
      sourceFailed = true;
    }
    if (!notFound && entry.next !== 'anyError') break;
  }
  if (answers.length === 0) {
    answers.push(msg('tcSource.none'));
    sourceFailed = true;
  }
  return { answers, sourceFailed };
}

async function lookPath(name: string, pathEnv: string): Promise<string | undefined> {
  for (const dir of pathEnv.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    if (await isExecutable(file)) return file;
  }
  return undefined;
}

async function isExecutable(file: string): Promise<boolean> {
  return fs.access(file, fsc.X_OK).then(
    () => fs.stat(file).then((s) => s.isFile()),
    () => false,
  );
}
