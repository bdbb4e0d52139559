// Runs a go subcommand for a repair, turning every way it can fail into a DoctorError.
import { doctorError } from '../errors';
import { isMessage, msg, type Message } from '../i18n/message';
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
export async function runGo(o: GoRun, args: readonly string[], remedyText: Message | string): Promise<string> {
  const remedy = isMessage(remedyText) ? remedyText : msg('common.verbatim', { text: remedyText });
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
    throw doctorError('go.failed', msg('modules.go.spawn', { go: o.go, error: r.message }), remedy);
  if (r.kind === 'timeout')
    throw doctorError('go.timeout', msg('modules.go.timeout', { command: shown, cwd: o.cwd, ms: o.timeoutMs }), remedy);
  if (r.code !== 0) {
    const stderr = redact(r.stderr.trim()) || msg('modules.go.exitStatus', { code: String(r.code) });
    throw doctorError('go.failed', msg('modules.go.failed', { command: shown, cwd: o.cwd, stderr }), remedy);
  }
  return r.stdout;
}
