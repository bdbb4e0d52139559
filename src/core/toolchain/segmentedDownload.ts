// The segmented, multi-source download of one file whose SHA-256 is known: pieces from several
// sources and connections at once, written at their offsets into the partial file; the complete
// prefix hashed and unpacked as it grows; which source wrote which range kept next to the partial
// file so a later run resumes; and, when the hash fails, the source that served altered bytes
// found, named and excluded instead of starting over (corruptionSearch.ts).
import { msg } from '../i18n/message';
import { render } from '../i18n/render';
import type { FileHandle } from 'node:fs/promises';
import { mergeOwned, type OwnedRange } from './byteRanges';
import { runConnection, type SegmentSource, type SourceState } from './connectionLoop';
import { findCorruptSource, type CorruptSource } from './corruptionSearch';
import { cancelled, toolchainError } from './errors';
import { feedPrefix, type Fed } from './prefixFeeder';
import type { InstallProgress } from './progress';
import { connectionPlan } from './connectionPlan';
import { ProgressMeter } from './progress';
import { readResumeState, writeResumeState } from './rangeResume';
import { DEFAULT_SCHEDULER, RangeScheduler, type SchedulerOptions } from './rangeScheduler';
import type { DownloadOptions, DownloadOutcome } from './release/download';

/** The one-stream download's options, with sources that serve ranges and the open partial file. */
export interface SegmentedOptions extends Omit<DownloadOptions, 'sources'> {
  sources: readonly SegmentSource[];
  fh: FileHandle;
  connectionsPerHost: number;
  scheduler?: Partial<Omit<SchedulerOptions, 'now'>>;
  /** What happened before this engine took over (probes), for the outcome's events. */
  events: string[];
}

export interface SegmentedOutcome extends DownloadOutcome {
  /** Sources that served bytes other than the official ones, and where. */
  corrupt: CorruptSource[];
}

const STATE_EVERY_MS = 250;
const RECLAIM_EVERY = 2 * 1024 * 1024;

export async function downloadSegmented(o: SegmentedOptions): Promise<SegmentedOutcome> {
  const events = o.events;
  const kept = await keptRanges(o);
  const reused = kept.reduce((n, r) => n + r.end - r.start, 0);
  if (reused > 0) events.push(`kept ${reused} bytes in ${kept.length} ranges from an earlier run; re-checking them`);
  const states = o.sources.map((source): SourceState => ({ source, dropped: undefined, rate: 0 }));
  const plan = connectionPlan(states, o.connectionsPerHost);
  const tuning = { ...DEFAULT_SCHEDULER, ...o.scheduler };
  const sched = new RangeScheduler(o.size, kept, {
    ...tuning,
    quietMs: o.timeouts.quietMs,
    // Every connection gets a first piece, even of a small file.
    firstPiece: Math.min(tuning.minPiece * 4, Math.floor(o.size / plan.length)),
    now: () => performance.now(),
  });
  const saveState = () => writeResumeState(o.partialPath, o.size, o.sha256, sched.owned);
  // Before any byte lands: a killed run must never leave a partial file without its range list.
  await saveState();

  const inner = new AbortController();
  const onAbort = () => inner.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const meter = new ProgressMeter(o.size, o.onProgress);
  let received = 0;
  let sinceReclaim = 0;
  let halfSignalled = false;
  const report = (force = false) =>
    meter.update(sched.written(), 0, o.sources[0]?.label ?? '', 'download', force, shares(sched, states));
  let feeding: Promise<Fed> | undefined;
  const stateTimer = setInterval(() => void saveState().catch(() => undefined), STATE_EVERY_MS);
  stateTimer.unref();
  try {
    const reclaim = (n: number) => {
      sinceReclaim += n;
      if (sinceReclaim >= RECLAIM_EVERY && o.reclaimMemory) {
        sinceReclaim = 0;
        o.reclaimMemory();
      }
    };
    const onBytes = async (n: number) => {
      received += n;
      reclaim(n);
      meter.update(sched.written(), n, o.sources[0]?.label ?? '', 'download', false, shares(sched, states));
      if (!halfSignalled && sched.written() * 2 >= o.size) {
        halfSignalled = true;
        await o.onHalf?.();
      }
    };
    const opts = {
      size: o.size,
      dispatcher: o.dispatcher,
      timeouts: o.timeouts,
      signal: inner.signal,
      onBytes,
      events,
    };
    feeding = feedPrefix(o.fh, o.size, o.consumer, sched, inner.signal, reclaim);
    feeding.catch(() => inner.abort());
    const conns = plan.map(async (turns) => {
      try {
        for (const s of turns) if (!s.dropped && !sched.complete()) await runConnection(s, sched, o.fh, opts);
      } catch (err) {
        inner.abort(err);
        throw err;
      }
    });
    const settled = await Promise.allSettled(conns);
    clearInterval(stateTimer);
    await saveState();
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (o.signal?.aborted) throw cancelled(o.signal.reason);
    if (failed) throw failed.reason;
    if (!sched.complete()) {
      inner.abort();
      throw noSourceLeft(o, states, sched.written());
    }
    const fed = await feeding;
    report(true);
    let corrupt: CorruptSource[] = [];
    let owned: readonly OwnedRange[] = sched.owned;
    if (fed.digest !== o.sha256) {
      events.push(`the assembled file has SHA-256 ${fed.digest}, not ${o.sha256}; comparing each source's ranges`);
      const found = await findCorruptSource({
        ...o,
        owned: mergeOwned(sched.owned),
        states,
        events,
        ...(fed.brokenAt === undefined ? {} : { brokenAt: fed.brokenAt }),
      });
      corrupt = found.corrupt;
      await writeResumeState(o.partialPath, o.size, o.sha256, found.owned);
      if (!found.verified) throw mismatch(o, corrupt, events);
      // The unpacked tree saw the bad bytes: unpack again from the repaired file.
      const whole = { prefix: () => o.size, changed: async () => {} };
      const again = await feedPrefix(o.fh, o.size, o.consumer, whole, inner.signal, reclaim);
      if (again.digest !== o.sha256) throw mismatch(o, corrupt, events);
      owned = found.owned;
    }
    return {
      source: describeShares(owned, o.size),
      reused,
      received,
      events,
      corrupt,
    };
  } finally {
    clearInterval(stateTimer);
    o.signal?.removeEventListener('abort', onAbort);
    inner.abort();
    // Its reads must end before the caller closes the file.
    await feeding?.catch(() => undefined);
  }
}

/** Ranges a previous run completed; a partial file without a range list is a one-stream prefix. */
async function keptRanges(o: SegmentedOptions): Promise<OwnedRange[]> {
  const state = await readResumeState(o.partialPath, o.size, o.sha256);
  const fileSize = (await o.fh.stat()).size;
  if (fileSize > o.size) await o.fh.truncate(o.size);
  if (state.kind === 'ranges') return state.ranges.filter((r) => r.end <= fileSize);
  return fileSize > 0 ? [{ start: 0, end: Math.min(fileSize, o.size), source: 'partial download' }] : [];
}

function shares(sched: RangeScheduler, states: readonly SourceState[]): InstallProgress['sources'] {
  const by = sched.bytesBySource();
  const rates = sched.ratesBySource();
  return states
    .filter((s) => (by.get(s.source.label) ?? 0) > 0 || !s.dropped)
    .map((s) => ({
      label: s.source.label,
      bytes: by.get(s.source.label) ?? 0,
      bytesPerSec: Math.round(rates.get(s.source.label) ?? 0),
      ...(s.dropped ? { dropped: true } : {}),
    }));
}

function describeShares(owned: readonly OwnedRange[], size: number): string {
  const by = new Map<string, number>();
  for (const r of owned) by.set(r.source, (by.get(r.source) ?? 0) + r.end - r.start);
  const list = [...by.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (list.length === 1) return list[0]![0];
  return list.map(([label, n]) => `${label} (${Math.round((n / size) * 100)}%)`).join(', ');
}

function noSourceLeft(o: SegmentedOptions, states: readonly SourceState[], written: number): Error {
  const why = states
    .map((s) =>
      render(
        msg('mirrorCorrupt.sourceWhy', { source: s.source.label, why: s.dropped ?? msg('mirrorCorrupt.stopped') }),
        'en',
      ),
    )
    .join('; ');
  return toolchainError(
    'toolchain.downloadFailed',
    msg('mirrorCorrupt.noSource.message', { filename: o.filename, why }),
    written > 0 ? msg('mirrorCorrupt.noSource.remedyKept', { bytes: written }) : msg('mirrorCorrupt.noSource.remedy'),
  );
}

function mismatch(o: SegmentedOptions, corrupt: readonly CorruptSource[], events: readonly string[]): Error {
  const common = { filename: o.filename, sha256: o.sha256, last: events[events.length - 1] ?? '' };
  return toolchainError(
    'toolchain.checksumMismatch',
    corrupt.length
      ? msg('mirrorCorrupt.mismatch.messageNamed', { ...common, sources: corrupt.map((c) => c.source).join(', ') })
      : msg('mirrorCorrupt.mismatch.message', common),
    msg('mirrorCorrupt.mismatch.remedy'),
  );
}
