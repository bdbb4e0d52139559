// One connection of a segmented download: asks the scheduler for work until the file is complete
// or its source is dropped. A source is dropped when it refuses ranges, fails too often in a row,
// drips below the minimum throughput, or went quiet and lost its piece to another connection.
import type { FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAbortError } from '../errors';
import { describeNetError } from '../net/failureWords';
import { RangeRefused } from './rangeFetch';
import type { RangeScheduler } from './rangeScheduler';
import { transferAssignment, WriteFailed, type TransferOptions } from './rangeTransfer';
import { TooSlowError } from './throughput';
import { backoffMs } from './timeouts';

export interface SegmentSource {
  url: string;
  /** For messages, progress and the resume state: the URL with credentials redacted. */
  label: string;
}

/** Shared by the connections of one source: once dropped, none of them asks for more. */
export interface SourceState {
  readonly source: SegmentSource;
  dropped: string | undefined;
  /** Bytes per second per connection, last measured. */
  rate: number;
}

export async function runConnection(
  s: SourceState,
  sched: RangeScheduler,
  fh: FileHandle,
  o: TransferOptions & { events: string[] },
): Promise<void> {
  let failuresInRow = 0;
  while (!s.dropped && !sched.complete()) {
    o.signal.throwIfAborted();
    const a = sched.take(s.source.label, s.rate);
    if (!a) {
      if (sched.exhausted() && sched.complete()) return;
      await sched.changed(250);
      continue;
    }
    const before = a.pos;
    try {
      await transferAssignment(s.source.url, a, sched, fh, o);
      failuresInRow = 0;
    } catch (err) {
      if (err instanceof WriteFailed) throw err.inner;
      if (o.signal.aborted) throw err;
      if (a.revoked) {
        s.dropped = `sent nothing for ${sched.quietSeconds()} s; its range went to the other sources`;
      } else if (err instanceof RangeRefused) {
        failuresInRow++;
        if (!err.retryable || failuresInRow >= o.timeouts.attemptsPerSource) s.dropped = err.message;
      } else if (slowness(err)) {
        s.dropped = slowness(err)!.message;
      } else {
        const f = describeNetError(err, o.timeouts);
        failuresInRow = a.pos > before ? 1 : failuresInRow + 1;
        if (!f.retryable || failuresInRow >= o.timeouts.attemptsPerSource) s.dropped = f.reason;
        else o.events.push(`${s.source.label}: ${f.reason}; retrying`);
      }
    } finally {
      if (a.pos > before) s.rate = a.rate || s.rate;
      sched.release(a);
    }
    if (s.dropped) {
      o.events.push(`${s.source.label}: ${s.dropped}`);
      return;
    }
    if (failuresInRow > 0) await sleep(backoffMs(o.timeouts, failuresInRow), undefined, { signal: o.signal });
  }
}

function slowness(err: unknown): TooSlowError | undefined {
  if (err instanceof TooSlowError) return err;
  const cause = isAbortError(err) ? (err as { cause?: unknown }).cause : undefined;
  return cause instanceof TooSlowError ? cause : undefined;
}
