// Toolchain install failures as DoctorErrors with the finding ids the CLI and the editor show.
import { DoctorError, errorCode, errorMessage, isAbortError } from '../errors';

export type ToolchainErrorCode =
  | 'toolchain.notFound'
  | 'toolchain.indexUnavailable'
  | 'toolchain.downloadFailed'
  | 'toolchain.checksumMismatch'
  | 'toolchain.unsafeArchive'
  | 'toolchain.diskFull'
  | 'toolchain.permissionDenied'
  /** Windows: a rename or delete still refused after retries (antivirus, a terminal in the folder). */
  | 'toolchain.fileLocked'
  /** The SDK directory is group/world-writable or another user's: a verified tree could be swapped. */
  | 'toolchain.unsafeSdkDir'
  /** Module-zip installs (GOPROXY): the checksum database cannot be consulted, or GOSUMDB=off. */
  | 'toolchain.sumdbUnavailable'
  /** Module-zip installs: bad signature, bad proof, or a database inconsistent with the saved tree head. */
  | 'toolchain.sumdbVerifyFailed';

export function toolchainError(
  code: ToolchainErrorCode,
  message: string,
  remedy: string,
  cause?: unknown,
): DoctorError {
  return new DoctorError(code, message, remedy, cause === undefined ? undefined : { cause });
}

/**
 * An archive entry that must not be written (a link, `..`, an absolute path, a lying size...).
 * Internal: the installer turns it into `toolchain.unsafeArchive` once the archive's hash is known.
 */
export class UnsafeArchiveError extends Error {
  constructor(
    readonly entry: string | undefined,
    readonly reason: string,
  ) {
    super(entry === undefined ? reason : `${JSON.stringify(entry)}: ${reason}`);
    this.name = 'UnsafeArchiveError';
  }
}

/**
 * The zip itself is unreadable (bad structure, corrupt deflate data, lying sizes, wrong CRC-32).
 * For a module zip this means the bytes are not the ones the checksum database vouches for, so
 * the installer reports it as a checksum mismatch rather than as an unsafe official archive.
 */
export class CorruptZipError extends UnsafeArchiveError {
  constructor(entry: string | undefined, reason: string) {
    super(entry, reason);
    this.name = 'CorruptZipError';
  }
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Maps a file-system error to `toolchain.diskFull` / `toolchain.permissionDenied`, or undefined
 * for anything else. `action` reads like "write the downloaded archive to".
 */
export function fsFailure(err: unknown, action: string, path: string): DoctorError | undefined {
  if (err instanceof DoctorError) return err;
  const code = errorCode(err);
  if (code === undefined) return undefined;
  const where = (err as { path?: unknown }).path;
  const target = typeof where === 'string' ? where : path;
  if (DISK_FULL.has(code)) {
    return toolchainError(
      'toolchain.diskFull',
      `There is not enough disk space to ${action} ${target} (${code}).`,
      'Free some space on that disk (a Go toolchain needs about 300 MB unpacked) or install elsewhere with --dir, then run the install again. Previous installs were not touched.',
      err,
    );
  }
  if (DENIED.has(code)) {
    return toolchainError(
      'toolchain.permissionDenied',
      `Permission denied: cannot ${action} ${target} (${code}: ${errorMessage(err)}).`,
      'Choose a directory you can write with --dir (the default is ~/sdk), or fix the ownership of that directory. Do not run the install as root just to get past this.',
      err,
    );
  }
  return undefined;
}

/** The one error a cancelled install rejects with: an AbortError (see isAbortError). */
export function cancelled(cause?: unknown): Error {
  if (cause instanceof Error && isAbortError(cause) && cause.message === CANCELLED) return cause;
  const err = new Error(CANCELLED, cause === undefined ? undefined : { cause });
  err.name = 'AbortError';
  return err;
}

const CANCELLED = 'The install was cancelled.';
