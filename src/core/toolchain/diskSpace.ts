// Free space is checked before a download starts, so a full disk is reported in one sentence
// with the size needed instead of as ENOSPC halfway through an unpack.
import * as fsp from 'node:fs/promises';
import { toolchainError } from './errors';
import { msg } from '../i18n/message';
import { formatMb } from '../units';

/**
 * A Go release archive unpacks to about 3.5x its compressed size (a 70 MB tar.gz to ~250 MB);
 * 4x leaves a margin without refusing disks that would have fitted.
 */
export const UNPACK_EXPANSION = 4;

/** What `statfs` reports that matters here (injectable: a test cannot easily shrink a real disk). */
export type FreeBytes = (dir: string) => Promise<number>;

/** Bytes an unprivileged user may still write on the file system holding `dir`. */
export const freeBytes: FreeBytes = async (dir) => {
  const s = await fsp.statfs(dir);
  return s.bavail * s.bsize;
};

/** Bytes an install of an archive of `size` bytes writes: the kept download plus the unpacked tree. */
export function spaceForArchive(size: number): number {
  return size * (1 + UNPACK_EXPANSION);
}

/** Throws `toolchain.diskFull` when the file system holding `dir` has less than `needed` bytes free. */
export async function assertFreeSpace(
  dir: string,
  needed: number,
  what: string,
  free: FreeBytes = freeBytes,
): Promise<void> {
  const available = await free(dir).catch(() => undefined);
  if (available === undefined || available >= needed) return; // unknown: the write itself will tell
  throw toolchainError(
    'toolchain.diskFull',
    msg('toolchain.diskFull.check.message', { what, dir, needed: formatMb(needed), available: formatMb(available) }),
    msg('toolchain.diskFull.check.remedy', { missing: formatMb(needed - available) }),
  );
}
