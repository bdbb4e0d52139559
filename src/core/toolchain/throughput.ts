// The minimum-throughput rule of downloads: a source that delivers less than
// `minBytesPerSec` averaged over a window of `throughputWindowMs` is dropped for the next one, so a
// server dripping a byte just inside the stall timeout cannot keep an install going for hours.
import { formatBytesPerSec } from '../report/units';
import type { InstallTimeouts } from './timeouts';

export class TooSlowError extends Error {
  constructor(
    readonly bytes: number,
    t: Pick<InstallTimeouts, 'minBytesPerSec' | 'throughputWindowMs'>,
  ) {
    super(
      `delivered ${bytes} bytes in ${t.throughputWindowMs / 1000} s, below the minimum of ${formatBytesPerSec(t.minBytesPerSec)}`,
    );
    this.name = 'TooSlowError';
  }
}

export interface ThroughputWatch {
  /** Counts bytes received. */
  add(bytes: number): void;
  stop(): void;
}

/** Calls `onSlow` (once) at the end of the first window that received too few bytes. */
export function watchThroughput(
  t: Pick<InstallTimeouts, 'minBytesPerSec' | 'throughputWindowMs'>,
  onSlow: (err: TooSlowError) => void,
): ThroughputWatch {
  let inWindow = 0;
  const floor = (t.minBytesPerSec * t.throughputWindowMs) / 1000;
  const timer = setInterval(() => {
    if (inWindow < floor) {
      clearInterval(timer);
      onSlow(new TooSlowError(inWindow, t));
    }
    inWindow = 0;
  }, t.throughputWindowMs);
  timer.unref();
  return {
    add: (bytes) => {
      inWindow += bytes;
    },
    stop: () => clearInterval(timer),
  };
}
