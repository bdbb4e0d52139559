// Windows refuses to rename or delete a file another process holds open (an antivirus scanner
// reading a freshly unpacked file, a terminal whose current folder is inside the tree). Those
// holds are usually brief, so, like go's own robustio, the operation is retried with backoff for
// about two seconds before it is reported. Other systems have no such transient errors.
import { toolchainError, type FsAction } from './errors';
import { msg } from '../i18n/message';

const LOCKED = new Set(['EPERM', 'EACCES', 'EBUSY']);
/** Total wait before giving up, as cmd/go's robustio allows. */
export const LOCKED_RETRY_MS = 2000;

export interface LockedRetryOptions {
  os: NodeJS.Platform;
  /** What is being done, for the error: "rename {path}". */
  action: FsAction;
  /** The file or folder it is done to, named in the error. */
  file: string;
  /** Injected by tests; a real timer otherwise. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `op`, retrying Windows' transient lock errors; then fails with toolchain.fileLocked. */
export async function retryWhileLocked<T>(op: () => Promise<T>, o: LockedRetryOptions): Promise<T> {
  const sleep = o.sleep ?? realSleep;
  let waited = 0;
  for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
    try {
      return await op();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (o.os !== 'win32' || !LOCKED.has(code)) throw err;
      if (waited >= LOCKED_RETRY_MS) {
        throw toolchainError(
          'toolchain.fileLocked',
          msg('toolchain.fileLocked.message', {
            action: msg(o.action, { path: o.file }),
            code,
            seconds: LOCKED_RETRY_MS / 1000,
          }),
          msg('toolchain.fileLocked.remedy'),
          err,
        );
      }
      await sleep(delay);
      waited += delay;
    }
  }
}
