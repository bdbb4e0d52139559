// A resumable, verified download from a list of sources. Every byte goes, as it arrives, into
// the SHA-256, into a partial file named by the expected hash (so a later run can resume), and to
// a consumer (the streaming extractor). Resume uses `Range` and accepts only a 206 whose
// Content-Range continues exactly where we are; a server that ignores Range (200) restarts the
// transfer from byte 0 (the partial file is truncated, never appended to). A partial file found
// at start is re-read through the hash and the consumer before any network byte is added.
import { createHash, type Hash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { isAbortError } from '../../errors';
import { cancelled, fsFailure, toolchainError } from '../errors';
import { msg, type Message, type Param } from '../../i18n/message';
import { joinFailures } from '../../i18n/join';
import { render } from '../../i18n/render';
import { describeNetError, type NetFailure } from '../../net/failureWords';
import { redact } from '../../redact';
import { ProgressMeter, type InstallProgress } from '../progress';
import { TooSlowError, watchThroughput } from '../throughput';
import { backoffMs, type InstallTimeouts } from '../timeouts';
import { PartialFile } from './partialFile';
import { rangedGet, type RangedGetResult } from '../rangedGet';

/** Receives the file's bytes in order from offset 0. */
export interface ByteConsumer {
  /** Before the first byte, and whenever the transfer restarts from byte 0. */
  reset(): Promise<void>;
  /** Throwing here (disk full...) stops the download; it is not retried. */
  write(chunk: Buffer): Promise<void>;
  /** The bytes so far cannot be a valid archive: where a corrupt piece is likely to be. */
  broken?(): boolean;
}

export interface DownloadSource {
  url: string;
  /** For messages and progress: the URL with credentials redacted. */
  label: string;
}

export interface DownloadOptions {
  filename: string;
  sources: readonly DownloadSource[];
  sha256: string;
  size: number;
  partialPath: string;
  consumer: ByteConsumer;
  dispatcher: Dispatcher;
  timeouts: InstallTimeouts;
  signal?: AbortSignal | undefined;
  onProgress?: (p: InstallProgress) => void;
  /** Called once when half of the file is in (a test checkpoint). */
  onHalf?: () => void | Promise<void>;
  /** Called about every 2 MB (see InstallOptions.reclaimMemory). */
  reclaimMemory?: () => void;
}

const RECLAIM_EVERY = 2 * 1024 * 1024;

export interface DownloadOutcome {
  /** The source that delivered the last bytes, or 'partial download' when the kept file was complete. */
  source: string;
  /** Bytes taken from a partial file an earlier run left. */
  reused: number;
  /** Bytes received over the network by this run. */
  received: number;
  /** What happened on the way (resumes, restarts, fallbacks), for logs. */
  events: string[];
}

/** Resolves only once the bytes handed to the consumer hashed to `sha256`. */
export async function downloadVerified(opts: DownloadOptions): Promise<DownloadOutcome> {
  const dir = path.dirname(opts.partialPath);
  await fsp.mkdir(dir, { recursive: true }).catch((err) => {
    throw fsFailure(err, 'toolchain.fs.createDownloadDir', dir) ?? err;
  });
  const file = await PartialFile.open(opts.partialPath);
  try {
    return await new Transfer(opts, file).run();
  } finally {
    await file.close();
  }
}

/** One attempt's failure: a network problem, an HTTP status, or a source serving the wrong file. */
class AttemptFailure extends Error {
  constructor(readonly failure: NetFailure & { wrongFile?: boolean }) {
    super(failure.reason);
  }
}

function attemptFailure(text: Message, retryable: boolean, wrongFile = false): AttemptFailure {
  return new AttemptFailure({
    reason: render(text, 'en'),
    reasonText: text,
    retryable,
    ...(wrongFile ? { wrongFile } : {}),
  });
}

/** An error that must end the download at once (disk full, cancel). */
class Fatal extends Error {
  constructor(readonly inner: unknown) {
    super('fatal');
  }
}

class Transfer {
  private offset = 0;
  private hash: Hash = createHash('sha256');
  private received = 0;
  private reused = 0;
  private halfSignalled = false;
  private sinceReclaim = 0;
  private readonly meter: ProgressMeter;
  private readonly events: string[] = [];
  /** Where the last attempt's bytes came from, after redirects (redacted). */
  private answeredBy = '';

  constructor(
    private readonly o: DownloadOptions,
    private readonly file: PartialFile,
  ) {
    this.meter = new ProgressMeter(o.size, o.onProgress);
  }

  async run(): Promise<DownloadOutcome> {
    const o = this.o;
    await this.resumeFromDisk();
    if (this.offset === o.size) {
      if (this.hash.digest('hex') === o.sha256) return this.outcome('partial download');
      this.events.push('the kept partial download did not verify; starting over');
      await this.restart();
    }

    const mismatched: Param[] = [];
    const failures: Param[] = [];
    for (const source of o.sources) {
      // Bytes before this offset came from an earlier run or another source.
      let mixed = this.offset > 0;
      let retriedClean = false;
      let failuresInRow = 0;
      let attempts = 0;
      for (;;) {
        attempts++;
        const before = this.offset;
        try {
          if (before > 0) this.events.push(`resuming at byte ${before} from ${source.label}`);
          const restarted = await this.attempt(source);
          if (restarted) mixed = false;
          await this.file.flush();
          const digest = this.hash.digest('hex');
          if (digest === o.sha256) return this.outcome(this.answeredBy || source.label);
          await this.restart();
          if (mixed && !retriedClean) {
            // The mismatch may come from bytes kept from before; fetch the whole file once more.
            this.events.push(
              `SHA-256 mismatch after a resumed transfer from ${source.label}; downloading it again from byte 0`,
            );
            retriedClean = true;
            mixed = false;
            continue;
          }
          this.events.push(`${source.label} served bytes with SHA-256 ${digest}, not ${o.sha256}`);
          mismatched.push(msg('toolchain.attempt.gotSha', { source: source.label, digest }));
          break;
        } catch (err) {
          if (err instanceof Fatal) throw err.inner;
          if (isAbortError(err) || o.signal?.aborted) throw cancelled(err);
          if (!(err instanceof AttemptFailure)) throw err;
          const f = err.failure;
          if (f.wrongFile) {
            await this.restart();
            this.events.push(`${source.label}: ${f.reason}`);
            mismatched.push(
              msg('toolchain.attempt.wrongFile', { source: source.label, reason: f.reasonText ?? f.reason }),
            );
            break;
          }
          failuresInRow = this.offset > before ? 1 : failuresInRow + 1;
          if (this.offset < before) mixed = false;
          this.events.push(`${source.label}: ${f.reason}`);
          if (
            !f.retryable ||
            failuresInRow >= o.timeouts.attemptsPerSource ||
            attempts >= o.timeouts.attemptsPerSource * 5
          ) {
            failures.push(msg('errors.at', { where: source.label, reason: f.reasonText ?? f.reason }));
            break;
          }
          await sleep(backoffMs(o.timeouts, failuresInRow), undefined, o.signal ? { signal: o.signal } : {});
        }
      }
    }
    if (mismatched.length > 0) {
      throw toolchainError(
        'toolchain.checksumMismatch',
        failures.length
          ? msg('toolchain.archiveMismatch.messageOthersFailed', {
              file: o.filename,
              sha256: o.sha256,
              mismatched: joinFailures(mismatched),
              failures: joinFailures(failures),
            })
          : msg('toolchain.archiveMismatch.message', {
              file: o.filename,
              sha256: o.sha256,
              mismatched: joinFailures(mismatched),
            }),
        msg('toolchain.archiveMismatch.remedy'),
      );
    }
    const kept = this.offset > 0 ? msg('toolchain.keptBytes', { bytes: this.offset }) : '';
    throw toolchainError(
      'toolchain.downloadFailed',
      msg('toolchain.archiveDownloadFailed.message', {
        file: o.filename,
        failures: failures.length ? joinFailures(failures) : msg('toolchain.noSource'),
      }),
      msg('toolchain.archiveDownloadFailed.remedy', { kept }),
    );
  }

  private outcome(source: string): DownloadOutcome {
    this.meter.update(this.offset, 0, source, 'download', true);
    return { source, reused: this.reused, received: this.received, events: this.events };
  }

  /** Re-reads a kept partial file through the hash and the consumer. */
  private async resumeFromDisk(): Promise<void> {
    await this.reset();
    const size = await this.file.size();
    if (size > this.o.size) {
      this.events.push('the kept partial download is larger than the file; starting over');
      await this.file.truncate();
      return;
    }
    if (size === 0) return;
    const label = `partial download ${this.o.partialPath}`;
    for (let pos = 0; pos < size;) {
      this.o.signal?.throwIfAborted();
      const chunk = await this.file.read(pos, Math.min(1024 * 1024, size - pos));
      if (chunk.length === 0) break;
      this.hash.update(chunk);
      pos += chunk.length;
      this.offset = pos;
      await this.o.consumer.write(chunk);
      this.meter.update(this.offset, 0, label, 'verify');
    }
    this.reused = this.offset;
    this.events.push(`re-read ${this.offset} bytes kept from an earlier run`);
  }

  private async reset(): Promise<void> {
    this.offset = 0;
    this.hash = createHash('sha256');
    await this.o.consumer.reset();
  }

  /** Back to byte 0: the partial file is truncated, never appended to. */
  private async restart(): Promise<void> {
    await this.file.flush().catch(() => undefined);
    await this.file.truncate();
    await this.reset();
  }

  /** One request. Resolves when all bytes are in; returns whether it restarted from byte 0. */
  private async attempt(source: DownloadSource): Promise<boolean> {
    const o = this.o;
    const from = this.offset;
    let got: RangedGetResult;
    try {
      got = await rangedGet(source.url, from, o);
    } catch (err) {
      if (isAbortError(err)) throw err;
      throw new AttemptFailure(describeNetError(err, o.timeouts));
    }
    this.answeredBy = got.redirects.length > 0 ? redact(got.url.href) : source.label;
    if (got.redirects.length > 0) this.events.push(`${source.label} redirected to ${this.answeredBy}`);
    const answer = got.answer;
    let restarted = false;
    if (answer.kind === 'badRange' || (answer.kind === 'resumed' && answer.total !== o.size)) {
      if (answer.kind === 'resumed') await answer.res.body.dump().catch(() => undefined);
      // Do not trust this server's ranges any more: the next attempt starts from byte 0.
      await this.restart();
      throw attemptFailure(msg('toolchain.attempt.badRange', { from, contentRange: answer.contentRange }), true);
    }
    if (answer.kind === 'whole') {
      if (answer.length !== undefined && answer.length !== o.size) {
        await answer.res.body.dump().catch(() => undefined);
        throw attemptFailure(
          msg('toolchain.attempt.wrongLength', { length: answer.length, size: o.size }),
          false,
          true,
        );
      }
      if (from > 0) {
        this.events.push(`${source.label} ignored the Range request; restarting from byte 0`);
        await this.restart();
        restarted = true;
      }
    }
    if (answer.kind === 'status') {
      const status = answer.status;
      if (status === 416) {
        await this.restart();
        throw attemptFailure(msg('toolchain.attempt.rangeRefused'), true);
      }
      const retryable = status === 408 || status === 429 || status >= 500;
      throw attemptFailure(
        status === 404 ? msg('toolchain.attempt.status404') : msg('toolchain.attempt.status', { status }),
        retryable,
      );
    }
    const res = answer.res;

    const body = res.body;
    const throughput = watchThroughput(o.timeouts, (slow) => body.destroy(slow));
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        throughput.add(chunk.length);
        if (this.offset + chunk.length > o.size) {
          res.body.destroy();
          throw attemptFailure(msg('toolchain.attempt.tooLong', { size: o.size }), false, true);
        }
        try {
          await this.accept(chunk, source);
        } catch (err) {
          res.body.destroy();
          throw new Fatal(err);
        }
      }
    } catch (err) {
      if (err instanceof Fatal || err instanceof AttemptFailure || isAbortError(err)) throw err;
      // Too slow: the next source, not another try at this one.
      if (err instanceof TooSlowError) throw new AttemptFailure({ reason: err.message, retryable: false });
      throw new AttemptFailure(describeNetError(err, o.timeouts));
    } finally {
      throughput.stop();
    }
    if (this.offset < o.size) {
      throw attemptFailure(msg('toolchain.attempt.ended', { offset: this.offset, size: o.size }), true);
    }
    return restarted;
  }

  private async accept(chunk: Buffer, source: DownloadSource): Promise<void> {
    this.hash.update(chunk);
    const pos = this.offset;
    this.offset += chunk.length;
    this.received += chunk.length;
    await Promise.all([this.file.write(chunk, pos), this.o.consumer.write(chunk)]);
    this.meter.update(this.offset, chunk.length, source.label, 'download');
    this.sinceReclaim += chunk.length;
    if (this.sinceReclaim >= RECLAIM_EVERY && this.o.reclaimMemory) {
      this.sinceReclaim = 0;
      this.o.reclaimMemory();
    }
    if (!this.halfSignalled && this.offset * 2 >= this.o.size) {
      this.halfSignalled = true;
      await this.o.onHalf?.();
    }
  }
}
