// A cross-process lock file: created with O_EXCL, holding the owner's pid and host, kept fresh by
// a heartbeat (mtime). A lock whose owner is gone (same host, pid not running) or whose heartbeat
// stopped is broken; breaking is itself guarded by a second O_EXCL file so two waiters cannot
// both break it and then both "hold" it.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LockHolder {
  pid: number;
  host: string;
  /** ms since the epoch when the holder took the lock. */
  since: number;
}

export interface LockOptions {
  signal?: AbortSignal | undefined;
  /** A lock whose heartbeat is older than this is considered abandoned (default 60 s). */
  staleMs?: number;
  /** How often a waiter looks again (default 200 ms). */
  pollMs?: number;
  /** Called once when the lock is busy, with its holder (when readable). */
  onWait?: (holder: LockHolder | undefined) => void;
}

export interface HeldLock {
  release(): Promise<void>;
}

export async function acquireLock(lockPath: string, opts: LockOptions = {}): Promise<HeldLock> {
  return (await acquire(lockPath, opts, true))!;
}

/** Takes the lock if it is free or stale; undefined (at once) when someone holds it. */
export function tryAcquireLock(
  lockPath: string,
  opts: Omit<LockOptions, 'onWait' | 'pollMs'> = {},
): Promise<HeldLock | undefined> {
  return acquire(lockPath, opts, false);
}

async function acquire(lockPath: string, opts: LockOptions, wait: boolean): Promise<HeldLock | undefined> {
  const staleMs = opts.staleMs ?? 60_000;
  const pollMs = opts.pollMs ?? 200;
  const token = randomBytes(8).toString('hex');
  const content = `${JSON.stringify({ pid: process.pid, host: os.hostname(), since: Date.now(), token })}\n`;
  let announced = false;
  for (;;) {
    opts.signal?.throwIfAborted();
    try {
      await fsp.writeFile(lockPath, content, { flag: 'wx' });
      return held(lockPath, content, staleMs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const seen = await readLock(lockPath);
    if (seen === undefined) continue; // released between our two calls
    if (isStale(seen, staleMs)) {
      await breakLock(lockPath, seen.raw);
      continue;
    }
    if (!wait) return undefined;
    if (!announced) {
      announced = true;
      opts.onWait?.(seen.holder);
    }
    await sleep(pollMs, undefined, opts.signal ? { signal: opts.signal } : {});
  }
}

interface SeenLock {
  raw: string;
  holder: LockHolder | undefined;
  mtimeMs: number;
}

async function readLock(lockPath: string): Promise<SeenLock | undefined> {
  try {
    const [raw, st] = await Promise.all([fsp.readFile(lockPath, 'utf8'), fsp.stat(lockPath)]);
    let holder: LockHolder | undefined;
    try {
      const j = JSON.parse(raw) as Partial<LockHolder>;
      if (typeof j.pid === 'number' && typeof j.host === 'string' && typeof j.since === 'number')
        holder = { pid: j.pid, host: j.host, since: j.since };
    } catch {
      holder = undefined; // being written right now, or garbage: judged by age below
    }
    return { raw, holder, mtimeMs: st.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function isStale(seen: SeenLock, staleMs: number): boolean {
  const age = Date.now() - seen.mtimeMs;
  if (!seen.holder) return age > Math.min(staleMs, 5_000);
  if (seen.holder.host === os.hostname() && !pidAlive(seen.holder.pid)) return true;
  return age > staleMs;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `lockPath` only if it still holds `raw`, with `<lock>.break` serialising breakers. */
async function breakLock(lockPath: string, raw: string): Promise<void> {
  const guard = `${lockPath}.break`;
  try {
    await fsp.writeFile(guard, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // Another waiter is breaking it; a guard left by a crashed breaker is removed after a while.
    const st = await fsp.stat(guard).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > 10_000) await fsp.rm(guard, { force: true });
    await sleep(20);
    return;
  }
  try {
    const now = await fsp.readFile(lockPath, 'utf8').catch(() => undefined);
    if (now === raw) await fsp.rm(lockPath, { force: true });
  } finally {
    await fsp.rm(guard, { force: true });
  }
}

function held(lockPath: string, content: string, staleMs: number): HeldLock {
  const beat = setInterval(
    () => {
      const now = new Date();
      fsp.utimes(lockPath, now, now).catch(() => undefined);
    },
    Math.max(50, Math.floor(staleMs / 3)),
  );
  beat.unref();
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      clearInterval(beat);
      // Remove it only while it is still ours (it could have been broken as stale meanwhile).
      const now = await fsp.readFile(lockPath, 'utf8').catch(() => undefined);
      if (now === content) await fsp.rm(lockPath, { force: true });
    },
  };
}
