// The environment the user's login shell sets up (`$SHELL -lic env`), for comparing with the
// editor's: on macOS an editor started from the Dock or Finder is a child of launchd, not of a
// shell, so it misses what ~/.zprofile or ~/.zshrc export. The shell runs as a child process with
// a timeout (an interactive profile may wait or print anything); markers fence off env's output.
import type { Platform } from '../platform';
import { runProcess } from '../process/run';

const START = '__GO_ENV_DOCTOR_ENV_START__';
const END = '__GO_ENV_DOCTOR_ENV_END__';

export interface LoginShellEnv {
  shell: string;
  env: Record<string, string>;
}

export async function readLoginShellEnv(
  p: Pick<Platform, 'env'>,
  opts: { timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<LoginShellEnv | undefined> {
  const shell = p.env['SHELL'];
  if (!shell || !shell.startsWith('/')) return undefined;
  const r = await runProcess(shell, {
    args: ['-l', '-i', '-c', `echo ${START}; env; echo ${END}`],
    env: p.env,
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
    maxOutputBytes: 1024 * 1024,
  });
  if (r.kind !== 'exited' || r.code !== 0) return undefined;
  return { shell, env: parseEnvOutput(r.stdout) };
}

/** NAME=value lines between the markers; a value spanning lines keeps only its first. */
export function parseEnvOutput(stdout: string): Record<string, string> {
  const start = stdout.indexOf(`${START}\n`);
  const end = stdout.lastIndexOf(END);
  if (start === -1 || end <= start) return {};
  const out: Record<string, string> = {};
  for (const line of stdout.slice(start + START.length + 1, end).split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}
