// The release archive's download: with two or more sources that serve byte ranges of the right
// length, the segmented multi-source download; otherwise the one-stream download that tries the
// sources in turn (a single source, or sources that ignore Range, are used whole).
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { contiguousPrefix } from './byteRanges';
import { DEFAULT_CONNECTIONS_PER_HOST } from './connectionPlan';
import { fsFailure } from './errors';
import { readResumeState, removeResumeState } from './rangeResume';
import type { SchedulerOptions } from './rangeScheduler';
import { downloadVerified, type DownloadOptions } from './release/download';
import { openPartial } from './release/partialFile';
import { downloadSegmented, type SegmentedOutcome } from './segmentedDownload';
import { probeSource } from './sourceProbe';

export interface MultiSourceOptions extends DownloadOptions {
  /** Concurrent connections to one host; default DEFAULT_CONNECTIONS_PER_HOST. */
  connectionsPerHost?: number | undefined;
  /** Test hook: piece sizes and the quiet time after which a piece is taken over. */
  scheduler?: Partial<Omit<SchedulerOptions, 'now'>>;
}

export async function downloadFromSources(o: MultiSourceOptions): Promise<SegmentedOutcome> {
  const events: string[] = [];
  const ranged = o.sources.length >= 2 ? await rangeCapable(o, events) : [];
  if (ranged.length < 2) {
    await keepPrefixOnly(o.partialPath, o.size, o.sha256);
    const outcome = await downloadVerified(o);
    return { ...outcome, events: [...events, ...outcome.events], corrupt: [] };
  }
  const dir = path.dirname(o.partialPath);
  await fsp.mkdir(dir, { recursive: true }).catch((err) => {
    throw fsFailure(err, 'toolchain.fs.createDownloadDir', dir) ?? err;
  });
  const fh = await openPartial(o.partialPath);
  try {
    return await downloadSegmented({
      ...o,
      sources: ranged,
      fh,
      connectionsPerHost: o.connectionsPerHost ?? DEFAULT_CONNECTIONS_PER_HOST,
      events,
    });
  } finally {
    await fh.close();
  }
}

/** The sources that answer a one-byte range with the official length, in the given order. */
async function rangeCapable(o: MultiSourceOptions, events: string[]): Promise<DownloadOptions['sources']> {
  const verdicts = await Promise.all(
    o.sources.map((s) =>
      probeSource(s.url, o.size, { dispatcher: o.dispatcher, signal: o.signal, timeouts: o.timeouts }),
    ),
  );
  return o.sources.filter((s, k) => {
    const v = verdicts[k]!;
    if (v.kind !== 'ranges') events.push(`${s.label}: not used for ranges (${v.reason})`);
    return v.kind === 'ranges';
  });
}

/**
 * The one-stream download resumes a clean prefix only: a partial file a segmented run left has
 * holes, so it is cut back to the part complete from byte 0.
 */
async function keepPrefixOnly(partialPath: string, size: number, sha256: string): Promise<void> {
  const state = await readResumeState(partialPath, size, sha256);
  if (state.kind === 'none') return;
  await fsp.truncate(partialPath, contiguousPrefix(state.ranges)).catch(() => undefined);
  await removeResumeState(partialPath);
}
