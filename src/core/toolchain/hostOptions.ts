// What every toolchain installer takes from its host (the CLI, the editor, a test).
import type { Dispatcher } from 'undici';
import { goosGoarch, type Platform } from '../platform';
import type { CommitCheckpoint, GoPlatform } from './commit';
import type { LockHolder } from './lock';
import type { InstallProgress } from './progress';
import type { InstallTimeouts } from './timeouts';
import type { InstallFsHost } from './installFs';

export interface InstallHostOptions {
  /** SDK directory; default `~/sdk`. */
  dir?: string;
  platform: Platform;
  signal?: AbortSignal | undefined;
  onProgress?: (p: InstallProgress) => void;
  /** Called when another process holds this version's install lock (we wait for it). */
  onWait?: (holder: LockHolder | undefined) => void;
  timeouts?: Partial<InstallTimeouts>;
  /** Default: undici routed like the go command (proxy variables in platform.env, Go's CA set). */
  dispatcher?: Dispatcher;
  /** Where partial downloads are kept between runs; default `<dir>/.downloads`. */
  downloadDir?: string;
  /** This version installed for another architecture counts as missing and is replaced (`install --arch`). */
  replaceOtherBuild?: boolean;
  /** Concurrent connections to one host when several sources serve the file; default 2. */
  connectionsPerHost?: number;
}

/** The platform whose tools an installed tree must have, when another build is to be replaced. */
export function requiredBuild(
  opts: Pick<InstallHostOptions, 'platform' | 'replaceOtherBuild'>,
): GoPlatform | undefined {
  if (!opts.replaceOtherBuild) return undefined;
  const { goos, goarch } = goosGoarch(opts.platform);
  // Release files say armv6l; the tool directory says arm.
  return { goos, goarch: goarch === 'armv6l' ? 'arm' : goarch };
}

/** The install lock's settings for stageAndCommit, from the host's timeouts and wait callback. */
export function lockOptions(
  timeouts: Pick<InstallTimeouts, 'lockStaleMs' | 'lockPollMs'>,
  onWait?: InstallHostOptions['onWait'],
): { staleMs: number; pollMs: number; onWait?: (holder: LockHolder | undefined) => void } {
  return { staleMs: timeouts.lockStaleMs, pollMs: timeouts.lockPollMs, ...(onWait ? { onWait } : {}) };
}

/** What every installer passes to stageAndCommit besides `populate`: where, the lock, cancellation, the test checkpoint. */
export function commitBasics(
  dir: string,
  name: string,
  opts: Pick<InstallHostOptions, 'signal' | 'onWait' | 'platform'> & {
    checkpoint?: ((name: CommitCheckpoint) => void | Promise<void>) | undefined;
  },
  timeouts: Pick<InstallTimeouts, 'lockStaleMs' | 'lockPollMs'>,
): {
  dir: string;
  name: string;
  signal?: AbortSignal;
  lock: ReturnType<typeof lockOptions>;
  host: InstallFsHost;
  checkpoint?: (name: CommitCheckpoint) => void | Promise<void>;
} {
  return {
    dir,
    name,
    ...(opts.signal ? { signal: opts.signal } : {}),
    lock: lockOptions(timeouts, opts.onWait),
    host: opts.platform,
    ...(opts.checkpoint ? { checkpoint: opts.checkpoint } : {}),
  };
}
