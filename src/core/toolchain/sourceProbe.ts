// Before a source takes part in a segmented download: does it serve byte ranges of this file, and
// is its file as long as the official index says? One request for the first byte answers both.
import { describeNetError } from '../net/failureWords';
import { fetchRange, RangeRefused, type RangeRequestOptions } from './rangeFetch';
import type { InstallTimeouts } from './timeouts';

export type ProbeVerdict =
  | { kind: 'ranges' }
  /** Not usable for ranges: the reason, for events and the final error. */
  | { kind: 'unusable'; reason: string };

export async function probeSource(
  url: string,
  size: number,
  o: RangeRequestOptions & { timeouts: InstallTimeouts },
): Promise<ProbeVerdict> {
  try {
    const body = await fetchRange(url, { start: 0, end: 1 }, size, o);
    await body.dump().catch(() => undefined);
    return { kind: 'ranges' };
  } catch (err) {
    o.signal?.throwIfAborted();
    if (err instanceof RangeRefused) return { kind: 'unusable', reason: err.message };
    return { kind: 'unusable', reason: describeNetError(err, o.timeouts).reason };
  }
}
