// Runs a child process asynchronously with a timeout and an AbortSignal; never synchronous,
// never left running: on timeout or abort the whole process group is killed.
import { spawn } from 'node:child_process';

export interface RunOptions {
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Output beyond this many bytes per stream is dropped (a runaway child cannot exhaust memory). */
  maxOutputBytes?: number;
}

export type RunResult =
  | {
      kind: 'exited';
      code: number | null;
      signal: NodeJS.Signals | null;
      stdout: string;
      stderr: string;
      durationMs: number;
    }
  | { kind: 'timeout'; stdout: string; stderr: string; durationMs: number }
  | { kind: 'aborted'; durationMs: number }
  | { kind: 'spawnError'; code: string; message: string; durationMs: number };

export function runProcess(file: string, opts: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const limit = opts.maxOutputBytes ?? 8 * 1024 * 1024;
  return new Promise((resolve) => {
    if (opts.signal?.aborted) return resolve({ kind: 'aborted', durationMs: 0 });
    const child = spawn(file, opts.args as string[], {
      env: opts.env,
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group on POSIX so a timeout kills grandchildren too (a shell-script `go`).
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLen = 0;
    let errLen = 0;
    child.stdout.on('data', (b: Buffer) => {
      if (outLen < limit) {
        out.push(b);
        outLen += b.length;
      }
    });
    child.stderr.on('data', (b: Buffer) => {
      if (errLen < limit) {
        err.push(b);
        errLen += b.length;
      }
    });

    let settled = false;
    const finish = (r: RunResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const kill = () => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const text = (bufs: Buffer[]) => Buffer.concat(bufs).toString('utf8');
    const timer = setTimeout(() => {
      kill();
      finish({ kind: 'timeout', stdout: text(out), stderr: text(err), durationMs: elapsed() });
    }, opts.timeoutMs);
    const onAbort = () => {
      kill();
      finish({ kind: 'aborted', durationMs: elapsed() });
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    child.on('error', (e: NodeJS.ErrnoException) => {
      finish({ kind: 'spawnError', code: e.code ?? 'UNKNOWN', message: e.message, durationMs: elapsed() });
    });
    child.on('close', (code, signal) => {
      finish({ kind: 'exited', code, signal, stdout: text(out), stderr: text(err), durationMs: elapsed() });
    });
  });
}
