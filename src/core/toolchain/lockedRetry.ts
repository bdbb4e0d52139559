// Windows refuses to rename or delete a file another process holds open (an antivirus scanner
// reading a freshly unpacked file, a terminal whose current folder is inside the tree). Those
// holds are usually brief, so, like go's own robustio, the operation is retried with backoff for
// about two seconds before it is reported. Other systems have no such transient errors.
import { toolchainError } from './errors';

const LOCKED = new Set(['EPERM', 'EACCES', 'EBUSY']);
/** Total wait before giving up, as cmd/go's robustio allows. */
export const LOCKED_RETRY_MS = 2000;

export interface LockedRetryOptions {
  os: NodeJS.Platform;
  /** What is being done, for the error: "rename", "remove". */
  action: string;
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
          `Could not ${o.action} ${o.file}: another program holds it (${code}), still after ${LOCKED_RETRY_MS / 1000} s.`,
          'An antivirus scan of the new files or a terminal or editor open in that folder is the usual cause. Close terminals in that folder, wait for the scan to finish (or exclude the Go install folder from real-time scanning), then run the install again. The previous toolchain was not replaced.',
          err,
        );
      }
      await sleep(delay);
      waited += delay;
    }
  }
}
