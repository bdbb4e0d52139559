// The renames and removals of the install path (a tree moved into place or aside, staging,
// set-aside and leftover trees, partial downloads), through the Platform's file system and
// retried while Windows reports a file as held by another program (lockedRetry.ts).
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { Platform, PlatformFs } from '../platform';
import { retryWhileLocked } from './lockedRetry';
import { removeResumeState } from './rangeResume';

export interface InstallFs {
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or a whole tree; absent is fine. */
  remove(target: string): Promise<void>;
  /** Removes everything inside `dir`, keeping `dir`. */
  emptyDir(dir: string): Promise<void>;
  /** Best effort: a kept partial download, and its folder once empty. */
  removePartial(partialPath: string): Promise<void>;
}

export type InstallFsHost = Pick<Platform, 'os' | 'fs'>;

const nodeFs: PlatformFs = {
  rename: (from, to) => fsp.rename(from, to),
  rm: (target, opts) => fsp.rm(target, opts),
};

export function installFs(host: InstallFsHost = { os: process.platform }): InstallFs {
  const fs = host.fs ?? nodeFs;
  const remove = (target: string) =>
    retryWhileLocked(() => fs.rm(target, { recursive: true, force: true }), {
      os: host.os,
      action: 'toolchain.fs.remove',
      file: target,
    });
  return {
    rename: (from, to) =>
      retryWhileLocked(() => fs.rename(from, to), { os: host.os, action: 'toolchain.fs.rename', file: from }),
    remove,
    emptyDir: async (dir) => {
      const names = await fsp.readdir(dir);
      await Promise.all(names.map((n) => remove(path.join(dir, n))));
    },
    removePartial: async (partialPath) => {
      await remove(partialPath).catch(() => undefined);
      await removeResumeState(partialPath);
      await fsp.rmdir(path.dirname(partialPath)).catch(() => undefined); // only if now empty
    },
  };
}
