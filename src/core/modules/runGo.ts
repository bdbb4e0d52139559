// Runs a go subcommand for a repair, turning every way it can fail into a DoctorError.
import { DoctorError } from '../errors';
import { runProcess } from '../process/run';
import { redact } from '../redact';

export interface GoRun {
  go: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** Resolves with stdout; rejects with a DoctorError (or the abort reason when cancelled). */
export async function runGo(o: GoRun, args: readonly string[], remedy: string): Promise<string> {
  const shown = `go ${args.join(' ')}`;
  // GOTOOLCHAIN=local: a repair must not start by downloading another toolchain.
  const r = await runProcess(o.go, {
    args,
    cwd: o.cwd,
    env: { ...o.env, GOTOOLCHAIN: 'local' },
    timeoutMs: o.timeoutMs,
    signal: o.signal,
  });
  if (r.kind === 'aborted') throw o.signal?.reason ?? new DOMException('cancelled', 'AbortError');
  if (r.kind === 'spawnError')
    throw new DoctorError('go.failed', `${o.go} could not be started: ${r.message}.`, remedy);
  if (r.kind === 'timeout')
    throw new DoctorError('go.timeout', `\`${shown}\` in ${o.cwd} did not finish within ${o.timeoutMs} ms.`, remedy);
  if (r.code !== 0) {
    const stderr = redact(r.stderr.trim()) || `exit status ${r.code}`;
    throw new DoctorError('go.failed', `\`${shown}\` in ${o.cwd} failed: ${stderr}`, remedy);
  }
  return r.stdout;
}
