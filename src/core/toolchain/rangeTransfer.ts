// One connection's piece of a segmented download: the bytes of an assignment, written to the
// partial file at their offsets as they arrive (never buffered whole). Stops when the scheduler
// lowered the assignment's end (another connection took the tail) or revoked it.
import type { FileHandle } from 'node:fs/promises';
import type { Dispatcher } from 'undici';
import { fetchRange } from './rangeFetch';
import type { Assignment, RangeScheduler } from './rangeScheduler';
import { watchThroughput } from './throughput';
import type { InstallTimeouts } from './timeouts';

/** The source sent fewer bytes than asked for and closed the response. */
export class EndedEarly extends Error {
  constructor(at: number, end: number) {
    super(`the connection ended at byte ${at}, before byte ${end}`);
    this.name = 'EndedEarly';
  }
}

/** A file-system failure while writing: ends the whole download. */
export class WriteFailed extends Error {
  constructor(readonly inner: unknown) {
    super('write failed');
  }
}

export interface TransferOptions {
  size: number;
  dispatcher: Dispatcher;
  timeouts: InstallTimeouts;
  signal: AbortSignal;
  /** After each chunk is written and counted. */
  onBytes: (n: number) => void | Promise<void>;
}

export async function transferAssignment(
  url: string,
  a: Assignment,
  sched: RangeScheduler,
  fh: FileHandle,
  o: TransferOptions,
): Promise<void> {
  const ctl = new AbortController();
  const stop = () => ctl.abort(o.signal.reason);
  o.signal.addEventListener('abort', stop, { once: true });
  a.onRevoke = () => ctl.abort(new Error('revoked'));
  try {
    const body = await fetchRange(url, { start: a.pos, end: a.end }, o.size, {
      dispatcher: o.dispatcher,
      signal: ctl.signal,
      timeouts: o.timeouts,
    });
    const watch = watchThroughput(o.timeouts, (slow) => body.destroy(slow));
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        watch.add(chunk.length);
        const n = Math.min(chunk.length, a.end - a.pos);
        if (n <= 0 || a.revoked) break;
        a.writing = n;
        try {
          for (let off = 0; off < n;) off += (await fh.write(chunk, off, n - off, a.pos + off)).bytesWritten;
        } catch (err) {
          throw new WriteFailed(err);
        } finally {
          a.writing = 0;
        }
        sched.progress(a, n);
        await o.onBytes(n);
        if (a.pos >= a.end) break;
      }
    } finally {
      watch.stop();
      if (!body.readableEnded) body.destroy();
    }
    if (a.pos < a.end && !a.revoked) throw new EndedEarly(a.pos, a.end);
  } finally {
    o.signal.removeEventListener('abort', stop);
    delete a.onRevoke;
  }
}
