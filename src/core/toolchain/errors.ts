// Toolchain install failures as DoctorErrors with the finding ids the CLI and the editor show.
import { doctorError, DoctorError, errorCode, errorMessage, isAbortError } from '../errors';
import type { MessageKey } from '../i18n/catalog';
import { alternatives } from '../i18n/join';
import { msg, type Message, type Param } from '../i18n/message';

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
  message: Message,
  remedy: Message,
  cause?: unknown,
): DoctorError {
  return doctorError(code, message, remedy, cause);
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

/** What was being done to a path, as a catalog key whose template takes `{path}`. */
export type FsAction = Extract<MessageKey, `toolchain.fs.${string}`>;

/**
 * Maps a file-system error to `toolchain.diskFull` / `toolchain.permissionDenied`, or undefined
 * for anything else. `action` reads like "save the download to {path}".
 */
export function fsFailure(err: unknown, action: FsAction, path: string): DoctorError | undefined {
  if (err instanceof DoctorError) return err;
  const code = errorCode(err);
  if (code === undefined) return undefined;
  const where = (err as { path?: unknown }).path;
  const target = typeof where === 'string' ? where : path;
  const what = msg(action, { path: target });
  if (DISK_FULL.has(code)) {
    return toolchainError(
      'toolchain.diskFull',
      msg('toolchain.diskFull.write.message', { action: what, code }),
      msg('toolchain.diskFull.write.remedy'),
      err,
    );
  }
  if (DENIED.has(code)) {
    return toolchainError(
      'toolchain.permissionDenied',
      msg('toolchain.permissionDenied.message', { action: what, code, error: errorMessage(err) }),
      msg('toolchain.permissionDenied.remedy'),
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

/** Hashes the database accepts, as "h1:a or h1:b". */
export function orList(items: readonly string[]): Param {
  return alternatives(items, 'or');
}
