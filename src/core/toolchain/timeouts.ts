// Time limits and retry policy of the installer, in one place so tests can shrink them.
import type { HttpTimeouts } from '../net/failureWords';

export interface InstallTimeouts extends HttpTimeouts {
  /** A download source slower than this, averaged over throughputWindowMs, is dropped for the next. */
  minBytesPerSec: number;
  throughputWindowMs: number;
  /** Downloading in pieces: a connection that received nothing for this long loses its piece to another source. */
  quietMs: number;
  /** Whole release-index request. */
  indexMs: number;
  /** First retry delay; doubles per consecutive failure, with jitter, up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Consecutive failures without progress before a source is given up. */
  attemptsPerSource: number;
  /** A lock whose heartbeat is older than this is abandoned. */
  lockStaleMs: number;
  lockPollMs: number;
}

export const DEFAULT_TIMEOUTS: InstallTimeouts = {
  connectMs: 15_000,
  headersMs: 30_000,
  stallMs: 30_000,
  minBytesPerSec: 10_000,
  throughputWindowMs: 15_000,
  quietMs: 3_000,
  indexMs: 60_000,
  retryBaseMs: 500,
  retryMaxMs: 8_000,
  attemptsPerSource: 4,
  lockStaleMs: 60_000,
  lockPollMs: 200,
};

export function withDefaults(t: Partial<InstallTimeouts> | undefined): InstallTimeouts {
  return { ...DEFAULT_TIMEOUTS, ...t };
}

/** Exponential backoff with ±25 % jitter, so clients that failed together do not retry together. */
export function backoffMs(t: Pick<InstallTimeouts, 'retryBaseMs' | 'retryMaxMs'>, failures: number): number {
  const base = Math.min(t.retryMaxMs, t.retryBaseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}
