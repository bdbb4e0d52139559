// The SDK directory must be one only its owner can change: anyone else who can create or rename
// entries there can swap a verified toolchain (or a partial download) for their own bytes between
// our check and the editor running `<dir>/go<ver>/bin/go`.
import * as fsp from 'node:fs/promises';
import { toolchainError } from './errors';
import { msg } from '../i18n/message';

export interface SdkDirIdentity {
  /** The user the install runs as (default: this process's uid; undefined where there are none). */
  uid?: number | undefined;
  /** Default: this process's platform; Windows has no POSIX modes to check. */
  os?: NodeJS.Platform;
}

/**
 * Refuses a group- or world-writable SDK directory, and one owned by another user (root-owned is
 * fine: a system-wide directory root set up). Only called before writing into it.
 */
export async function assertSafeSdkDir(dir: string, who: SdkDirIdentity = {}): Promise<void> {
  if ((who.os ?? process.platform) === 'win32') return;
  const st = await fsp.stat(dir);
  const uid = 'uid' in who ? who.uid : process.getuid?.();
  if ((st.mode & 0o022) !== 0) {
    throw toolchainError(
      'toolchain.unsafeSdkDir',
      msg('toolchain.unsafeSdkDir.writable.message', {
        dir,
        who: msg(st.mode & 0o002 ? 'toolchain.unsafeSdkDir.everyUser' : 'toolchain.unsafeSdkDir.group'),
        mode: (st.mode & 0o7777).toString(8).padStart(4, '0'),
      }),
      msg('toolchain.unsafeSdkDir.writable.remedy', { dir }),
    );
  }
  if (uid !== undefined && st.uid !== uid && st.uid !== 0) {
    throw toolchainError(
      'toolchain.unsafeSdkDir',
      msg('toolchain.unsafeSdkDir.owner.message', { dir, uid: st.uid }),
      msg('toolchain.unsafeSdkDir.owner.remedy', { dir }),
    );
  }
}
