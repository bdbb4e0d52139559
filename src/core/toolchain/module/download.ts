// Downloads a module zip through the GOPROXY list the way cmd/go walks it: after `,` the next
// entry is tried only when this one says 404/410 (the module is not there); after `|` on any
// error; `off` stops; `direct` means the module's own origin, which for golang.org/toolchain is
// the module proxy at go.dev/dl/mod. Each entry is retried with backoff on transient failures and
// resumed with `Range` (only a 206 that continues exactly where we are is appended; a 200 starts
// over). The partial file is kept between runs, named by module@version; its bytes are not
// trusted here: the caller verifies the finished zip against the checksum database.
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Dispatcher } from 'undici';
import { isAbortError } from '../../errors';
import { escapeModulePath, proxyResource, type ProxyEntry } from '../../go/goproxy';
import { redact } from '../../redact';
import { rangedGet, type RangedAnswer } from '../rangedGet';
import { openPartial } from '../release/partialFile';
import { cancelled, fsFailure, toolchainError } from '../errors';
import { msg, type Message, type Param } from '../../i18n/message';
import { joinFailures } from '../../i18n/join';
import { describeNetError } from '../../net/failureWords';
import { ProgressMeter, type InstallProgress } from '../progress';
import { TooSlowError, watchThroughput } from '../throughput';
import { backoffMs, type InstallTimeouts } from '../timeouts';
import { MAX_MODULE_ZIP_BYTES } from './extract';

/** Where `direct` in GOPROXY fetches golang.org/toolchain (its go-import meta tag names this mod proxy). */
export const TOOLCHAIN_DIRECT_PROXY = 'https://go.dev/dl/mod';

export interface ModuleDownloadOptions {
  modulePath: string;
  version: string;
  proxies: readonly ProxyEntry[];
  /** The proxy `direct` stands for; default TOOLCHAIN_DIRECT_PROXY. */
  directBase?: string;
  /** The partial file (kept between runs). */
  partialPath: string;
  /** Ignore a kept partial file and start from byte 0. */
  fresh?: boolean;
  dispatcher: Dispatcher;
  timeouts: InstallTimeouts;
  signal?: AbortSignal | undefined;
  onProgress?: (p: InstallProgress) => void;
  maxBytes?: number;
}

export interface ModuleDownloadOutcome {
  /** The finished zip (the partial path, now complete). */
  file: string;
  /** The GOPROXY entry that served it (redacted). */
  source: string;
  bytes: number;
  /** Bytes taken from a partial file an earlier run left. */
  reused: number;
  /** Some bytes came from an earlier run or an earlier attempt (a Range resume). */
  resumed: boolean;
  events: string[];
}

type Attempt =
  | { kind: 'done' }
  | { kind: 'notFound'; status: number }
  | { kind: 'failed'; reason: string; reasonText?: Message; retryable: boolean };

/** Fetches `<proxy>/<module>/@v/<version>.zip` from the first GOPROXY entry that has it. */
export async function downloadModuleZip(opts: ModuleDownloadOptions): Promise<ModuleDownloadOutcome> {
  const resource = `${escapeModulePath(opts.modulePath)}/@v/${escapeModulePath(opts.version)}.zip`;
  const events: string[] = [];
  const failures: Param[] = [];
  const notFound: Message[] = [];
  await fsp.mkdir(path.dirname(opts.partialPath), { recursive: true }).catch((err) => {
    throw fsFailure(err, 'toolchain.fs.createDownloadDir', path.dirname(opts.partialPath)) ?? err;
  });
  const file = await ZipPartial.open(opts.partialPath, opts.fresh ?? false);
  const reused = file.size;
  if (reused > 0) events.push(`resuming the ${reused} bytes kept from an earlier run`);
  try {
    for (const entry of opts.proxies) {
      if (entry.kind === 'off') {
        failures.push(msg('toolchain.module.proxyOff'));
        break;
      }
      if (entry.kind === 'invalid') {
        failures.push(msg('toolchain.module.invalidEntry', { entry: redact(entry.text), reason: entry.reasonText }));
        break;
      }
      const base = entry.kind === 'direct' ? new URL(opts.directBase ?? TOOLCHAIN_DIRECT_PROXY) : entry.url;
      const url = proxyResource(base, resource);
      const label = redact(url.href);
      const result = await fetchWithRetries(opts, file, url, label, events);
      if (result.kind === 'done') {
        await file.close();
        return {
          file: opts.partialPath,
          source: redact(base.href),
          bytes: file.size,
          reused,
          resumed: reused > 0 || file.resumed,
          events,
        };
      }
      if (result.kind === 'notFound') {
        notFound.push(msg('toolchain.module.status', { source: label, status: result.status }));
        continue;
      }
      failures.push(msg('errors.at', { where: label, reason: result.reasonText ?? result.reason }));
      if (entry.next !== 'anyError') break;
    }
  } finally {
    await file.close();
  }
  // Nothing received: leave no empty partial file behind.
  if ((await sizeOf(opts.partialPath)) === 0) await fsp.rm(opts.partialPath, { force: true }).catch(() => undefined);
  const what = `${opts.modulePath}@${opts.version}`;
  if (failures.length === 0) {
    throw toolchainError(
      'toolchain.notFound',
      notFound.length
        ? msg('toolchain.moduleNotFound.messageWhere', { what, notFound: joinFailures(notFound) })
        : msg('toolchain.moduleNotFound.message', { what }),
      msg('toolchain.moduleNotFound.remedy'),
    );
  }
  const kept = (await sizeOf(opts.partialPath)) > 0 ? msg('toolchain.kept') : '';
  throw toolchainError(
    'toolchain.downloadFailed',
    msg('toolchain.moduleDownloadFailed.message', {
      what,
      failures: joinFailures([...failures, ...notFound.map((n) => msg('toolchain.module.notFoundAt', { source: n }))]),
    }),
    msg('toolchain.moduleDownloadFailed.remedy', { kept }),
  );
}

/** One source of a download: the options, the partial file, the URL, its label for messages, the event log. */
type SourceArgs = [opts: ModuleDownloadOptions, file: ZipPartial, url: URL, label: string, events: string[]];

async function fetchWithRetries(...[opts, file, url, label, events]: SourceArgs): Promise<Attempt> {
  let failuresInRow = 0;
  for (let attempts = 1; ; attempts++) {
    const before = file.size;
    let result: Attempt;
    try {
      result = await attempt(opts, file, url, label, events);
    } catch (err) {
      if (isAbortError(err) || opts.signal?.aborted) throw cancelled(err);
      throw err;
    }
    if (result.kind !== 'failed') return result;
    events.push(`${label}: ${result.reason}`);
    failuresInRow = file.size > before ? 1 : failuresInRow + 1;
    if (
      !result.retryable ||
      failuresInRow >= opts.timeouts.attemptsPerSource ||
      attempts >= opts.timeouts.attemptsPerSource * 5
    )
      return result;
    await sleep(backoffMs(opts.timeouts, failuresInRow), undefined, opts.signal ? { signal: opts.signal } : {}).catch(
      (err) => {
        throw cancelled(err);
      },
    );
  }
}

async function attempt(...[opts, file, url, label, events]: SourceArgs): Promise<Attempt> {
  const max = opts.maxBytes ?? MAX_MODULE_ZIP_BYTES;
  if (url.protocol === 'file:') return copyFromFileProxy(opts, file, url, max);
  const from = file.size;
  let answer: RangedAnswer;
  try {
    // GOPROXY userinfo goes as basic auth over https only, to the proxy's own origin (netRequest).
    answer = (await rangedGet(url, from, opts)).answer;
  } catch (err) {
    if (isAbortError(err)) throw err;
    return { kind: 'failed', ...describeNetError(err, opts.timeouts) };
  }
  let total: number | undefined;
  if (answer.kind === 'badRange' || (answer.kind === 'resumed' && answer.total > max)) {
    if (answer.kind === 'resumed') await answer.res.body.dump().catch(() => undefined);
    await file.truncate();
    return {
      kind: 'failed',
      reason: `answered "Range: bytes=${from}-" with Content-Range "${answer.contentRange}"; starting over`,
      retryable: true,
    };
  }
  if (answer.kind === 'status') {
    const status = answer.status;
    if (status === 404 || status === 410) return { kind: 'notFound', status };
    if (status === 416 && from > 0) {
      await file.truncate();
      return { kind: 'failed', reason: 'refused the range request (HTTP 416); starting over', retryable: true };
    }
    return { kind: 'failed', reason: `HTTP ${status}`, retryable: status === 408 || status === 429 || status >= 500 };
  }
  const res = answer.res;
  if (answer.kind === 'resumed') {
    total = answer.total;
    file.resumed = true;
  } else {
    if (from > 0) {
      events.push(`${label} ignored the Range request; restarting from byte 0`);
      await file.truncate();
    }
    total = answer.length;
  }
  if (total !== undefined && total > max) {
    await res.body.dump().catch(() => undefined);
    return {
      kind: 'failed',
      reason: `serves ${total} bytes, more than a module zip may have (${max})`,
      retryable: false,
    };
  }

  const meter = new ProgressMeter(total ?? 0, opts.onProgress);
  const body = res.body;
  const throughput = watchThroughput(opts.timeouts, (slow) => body.destroy(slow));
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      throughput.add(chunk.length);
      if (file.size + chunk.length > max || (total !== undefined && file.size + chunk.length > total)) {
        res.body.destroy();
        return { kind: 'failed', reason: `sent more bytes than it announced (${total ?? max})`, retryable: false };
      }
      await file.append(chunk);
      meter.update(file.size, chunk.length, label, 'download');
    }
  } catch (err) {
    if (isAbortError(err) || opts.signal?.aborted) throw err;
    if (err instanceof FileError) throw err.inner;
    if (err instanceof TooSlowError) return { kind: 'failed', reason: err.message, retryable: false };
    return { kind: 'failed', ...describeNetError(err, opts.timeouts) };
  } finally {
    throughput.stop();
  }
  if (total !== undefined && file.size < total) {
    return { kind: 'failed', reason: `the connection ended after byte ${file.size} of ${total}`, retryable: true };
  }
  await file.flush();
  meter.update(file.size, 0, label, 'download', true);
  return { kind: 'done' };
}

/** GOPROXY=file://…: a module cache download directory served from disk. */
async function copyFromFileProxy(
  opts: ModuleDownloadOptions,
  file: ZipPartial,
  url: URL,
  max: number,
): Promise<Attempt> {
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(fileURLToPath(url), 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'notFound', status: 404 };
    return { kind: 'failed', reason: (err as Error).message, retryable: false };
  }
  try {
    const size = (await fh.stat()).size;
    if (size > max)
      return {
        kind: 'failed',
        reason: `holds ${size} bytes, more than a module zip may have (${max})`,
        retryable: false,
      };
    await file.truncate();
    for await (const chunk of fh.createReadStream({
      highWaterMark: 1 << 20,
      ...(opts.signal ? { signal: opts.signal } : {}),
    }) as AsyncIterable<Buffer>) {
      try {
        await file.append(chunk);
      } catch (err) {
        throw err instanceof FileError ? err.inner : err;
      }
    }
    return { kind: 'done' };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** A file-system failure while saving: ends the download (not retried). */
class FileError extends Error {
  constructor(readonly inner: unknown) {
    super('file error');
  }
}

/** The partial zip: sequential appends, truncation to restart. */
class ZipPartial {
  private closed = false;
  /** Bytes were appended to a kept prefix (206). */
  resumed = false;

  private constructor(
    private readonly fh: fsp.FileHandle,
    private readonly file: string,
    public size: number,
  ) {}

  static async open(file: string, fresh: boolean): Promise<ZipPartial> {
    const fh = await openPartial(file);
    try {
      if (fresh) await fh.truncate(0);
      return new ZipPartial(fh, file, (await fh.stat()).size);
    } catch (err) {
      await fh.close().catch(() => undefined);
      throw fsFailure(err, 'toolchain.fs.saveDownload', file) ?? err;
    }
  }

  async append(chunk: Buffer): Promise<void> {
    try {
      let off = 0;
      while (off < chunk.length)
        off += (await this.fh.write(chunk, off, chunk.length - off, this.size + off)).bytesWritten;
      this.size += chunk.length;
    } catch (err) {
      throw new FileError(fsFailure(err, 'toolchain.fs.saveDownload', this.file) ?? err);
    }
  }

  async flush(): Promise<void> {
    await this.fh.datasync().catch(() => undefined);
  }

  async truncate(): Promise<void> {
    await this.fh.truncate(0);
    this.size = 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.fh.close();
  }
}

async function sizeOf(file: string): Promise<number> {
  return (await fsp.stat(file).catch(() => undefined))?.size ?? 0;
}
