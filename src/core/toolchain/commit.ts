// Stage, verify, commit: the one way a toolchain directory comes into existence. Under the
// per-version lock, a fresh staging directory next to the target is filled by the caller (who
// must have verified the bytes against an official checksum), the `.unpacked-success` marker is
// written last, and a rename makes the whole tree visible at once. A crash at any point leaves
// either no `<dir>/go<ver>` or a complete one; leftovers are removed by the next run, under the lock.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { isAbortError } from '../errors';
import { fsFailure, toolchainError, UnsafeArchiveError, type FsAction } from './errors';
import { installFs, type InstallFs, type InstallFsHost } from './installFs';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';
import { MARKER_FILE, gorootFor, lockPathFor, oldPrefix, stagingPrefix } from './layout';
import { acquireLock, tryAcquireLock, type LockOptions } from './lock';
import { assertSafeSdkDir, type SdkDirIdentity } from './sdkDirSafety';

/** What we write into `.unpacked-success` (golang.org/dl writes it empty; both count as complete). */
export interface ToolchainMarker {
  installedBy?: string;
  installedAt?: string;
  /** SHA-256 of the verified archive. */
  sha256?: string;
  /** For module-zip installs: the go.sum `h1:` hash checked against the checksum database. */
  h1?: string;
  bytes?: number;
  /** Where the bytes came from (credentials redacted). */
  source?: string;
}

export interface StageContext {
  /** A fresh, empty directory; it becomes GOROOT (`<dir>/<name>`) on commit. */
  root: string;
  signal: AbortSignal | undefined;
}

export type CommitCheckpoint = 'locked' | 'populated' | 'marked' | 'committed';

export interface StageAndCommitOptions {
  /** The SDK directory (`~/sdk`). Created if missing. */
  dir: string;
  /** Directory name of the toolchain, `go1.22.5`. */
  name: string;
  signal?: AbortSignal | undefined;
  lock?: Omit<LockOptions, 'signal'>;
  /**
   * Fills `ctx.root` with the GOROOT tree. It must only resolve once its bytes are verified
   * against an official checksum; if it throws, nothing is committed and the staging
   * directory is removed. Its result is recorded in the marker.
   */
  populate(ctx: StageContext): Promise<ToolchainMarker | void>;
  /** Whose file-locking rules and file system apply (Windows: retried while another program holds a file). */
  host?: InstallFsHost | undefined;
  /** Test hook: called at each checkpoint (the CLI maps an env var to a hard kill here). */
  checkpoint?: (name: CommitCheckpoint) => void | Promise<void>;
  /** Who installs (default: this process), for the SDK directory ownership check. */
  owner?: SdkDirIdentity;
  /** Only a tree with this platform's tools counts as installed; another build is replaced. */
  builtFor?: GoPlatform | undefined;
}

export interface StageAndCommitResult {
  goroot: string;
  /** True when a complete toolchain was already there (possibly installed by a concurrent run). */
  alreadyInstalled: boolean;
  marker: ToolchainMarker | undefined;
}

export async function stageAndCommit(opts: StageAndCommitOptions): Promise<StageAndCommitResult> {
  const { dir, name, signal } = opts;
  const files = installFs(opts.host);
  const goroot = gorootFor(dir, name);
  let step: FsAction = 'toolchain.fs.createDir';
  let stepPath = dir;
  let staging: string | undefined;
  let lock: Awaited<ReturnType<typeof acquireLock>> | undefined;
  try {
    await fsp.mkdir(dir, { recursive: true, mode: 0o755 });
    await assertSafeSdkDir(dir, opts.owner);
    step = 'toolchain.fs.createLock';
    stepPath = lockPathFor(dir, name);
    lock = await acquireLock(stepPath, { ...opts.lock, ...(signal ? { signal } : {}) });
    step = 'toolchain.fs.removeStaging';
    stepPath = dir;
    await removeStale(dir, name, files);
    if (await isCompleteToolchain(goroot, opts.builtFor))
      return { goroot, alreadyInstalled: true, marker: await readMarker(goroot) };
    await opts.checkpoint?.('locked');

    step = 'toolchain.fs.createStaging';
    staging = await fsp.mkdtemp(path.join(dir, stagingPrefix(name)));
    step = 'toolchain.fs.unpack';
    stepPath = staging;
    const info = (await opts.populate({ root: staging, signal })) ?? {};
    signal?.throwIfAborted();
    if (!(await hasGoBinary(staging))) {
      throw toolchainError(
        'toolchain.unsafeArchive',
        msg('toolchain.noGoBinary.message', { name }),
        msg('toolchain.noGoBinary.remedy'),
      );
    }
    await opts.checkpoint?.('populated');
    const marker: ToolchainMarker = { installedBy: 'go-env-doctor', installedAt: new Date().toISOString(), ...info };
    step = 'toolchain.fs.writeMarker';
    await fsp.writeFile(path.join(staging, MARKER_FILE), `${JSON.stringify(marker)}\n`);
    await opts.checkpoint?.('marked');

    // mkdtemp made it 0700; the official archives unpack to 0755, so other accounts can use a shared dir.
    await fsp.chmod(staging, 0o755);

    step = 'toolchain.fs.moveIn';
    stepPath = goroot;
    let aside: string | undefined;
    // A lock broken as stale while its holder still ran: the holder may have committed meanwhile.
    if (await isCompleteToolchain(goroot, opts.builtFor)) {
      await files.remove(staging);
      staging = undefined;
      return { goroot, alreadyInstalled: true, marker: await readMarker(goroot) };
    }
    if (await exists(goroot)) {
      // An incomplete earlier unpack (no marker), or another architecture's build: move it out of
      // the way, then replace it.
      aside = path.join(dir, `${oldPrefix(name)}${randomBytes(4).toString('hex')}`);
      await files.rename(goroot, aside);
    }
    try {
      await files.rename(staging, goroot);
    } catch (err) {
      // Nothing half-replaced: the earlier tree goes back to its name.
      if (aside) await files.rename(aside, goroot).catch(() => undefined);
      throw err;
    }
    staging = undefined;
    await opts.checkpoint?.('committed');
    if (aside) await files.remove(aside).catch(() => undefined);
    return { goroot, alreadyInstalled: false, marker };
  } catch (err) {
    if (staging) await files.remove(staging).catch(() => undefined);
    if (isAbortError(err)) throw err;
    if (err instanceof UnsafeArchiveError) {
      throw toolchainError(
        'toolchain.unsafeArchive',
        msg('toolchain.unsafeEntry.message', { name, reason: err.message }),
        msg('toolchain.unsafeEntry.remedy'),
        err,
      );
    }
    throw fsFailure(err, step, stepPath) ?? err;
  } finally {
    await lock?.release();
  }
}

/** GOOS and GOARCH as Go names them (pkg/tool/<goos>_<goarch>). */
export interface GoPlatform {
  goos: string;
  goarch: string;
}

/**
 * Complete = a real directory (not a symlink) with the marker and a regular bin/go (not a symlink):
 * a link could point anywhere, so it is never taken for a tree this tool unpacked. With `builtFor`,
 * also that platform's tools (another architecture's build has other ones).
 */
export async function isCompleteToolchain(goroot: string, builtFor?: GoPlatform): Promise<boolean> {
  const st = await fsp.lstat(goroot).catch(() => undefined);
  if (!st?.isDirectory()) return false;
  if (!(await exists(path.join(goroot, MARKER_FILE))) || !(await hasGoBinary(goroot))) return false;
  return !builtFor || exists(path.join(goroot, 'pkg', 'tool', `${builtFor.goos}_${builtFor.goarch}`));
}

/** For a toolchain found installed whose marker records no checked hash (golang.org/dl's, or hand-made). */
export function describeUnverifiedInstall(version: string, goroot: string): string {
  return render(describeUnverifiedInstallText(version, goroot), 'en');
}

export function describeUnverifiedInstallText(version: string, goroot: string): Message {
  return msg('toolchain.installed.unverified', { version, goroot });
}

/** The marker records a hash we checked; an empty or foreign marker means nobody verified the tree. */
export function isVerifiedMarker(marker: ToolchainMarker | undefined): boolean {
  return marker?.installedBy === 'go-env-doctor' && (marker.sha256 !== undefined || marker.h1 !== undefined);
}

export async function readMarker(goroot: string): Promise<ToolchainMarker | undefined> {
  try {
    const text = await fsp.readFile(path.join(goroot, MARKER_FILE), 'utf8');
    if (text.trim() === '') return {};
    const j = JSON.parse(text) as Record<string, unknown>;
    const m: ToolchainMarker = {};
    for (const k of ['installedBy', 'installedAt', 'sha256', 'h1', 'source'] as const)
      if (typeof j[k] === 'string') m[k] = j[k] as string;
    if (typeof j.bytes === 'number') m.bytes = j.bytes;
    return m;
  } catch {
    return undefined;
  }
}

/**
 * For the "already installed" fast path: if a crashed run left a lock, staging or set-aside
 * directory of this version, remove them when the lock is free. Never throws (the directory may
 * be read-only for this user, which is fine for using an installed toolchain).
 */
export async function tidyLeftovers(
  dir: string,
  name: string,
  lock?: Omit<LockOptions, 'signal' | 'onWait'>,
  files: InstallFs = installFs(),
): Promise<void> {
  try {
    const names = await fsp.readdir(dir);
    if (!names.some((n) => n.startsWith(`.${name}.`))) return;
    const held = await tryAcquireLock(lockPathFor(dir, name), lock);
    if (!held) return; // someone is working on it right now
    try {
      await removeStale(dir, name, files);
    } finally {
      await held.release();
    }
  } catch {
    // best effort
  }
}

/** Staging and set-aside directories of this version left by a crashed run. Call under the lock. */
export async function removeStale(dir: string, name: string, files: InstallFs = installFs()): Promise<string[]> {
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => n.startsWith(stagingPrefix(name)) || n.startsWith(oldPrefix(name)));
  await Promise.all(stale.map((n) => files.remove(path.join(dir, n))));
  return stale;
}

async function hasGoBinary(root: string): Promise<boolean> {
  if (!(await fsp.lstat(path.join(root, 'bin')).catch(() => undefined))?.isDirectory()) return false;
  for (const bin of ['go', 'go.exe']) {
    const st = await fsp.lstat(path.join(root, 'bin', bin)).catch(() => undefined);
    if (st?.isFile()) return true;
  }
  return false;
}

async function exists(p: string): Promise<boolean> {
  return (await fsp.lstat(p).catch(() => undefined)) !== undefined;
}
