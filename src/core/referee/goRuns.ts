// The go commands the referee runs, with the user's environment but throwaway caches, each
// bounded by the deadline and killed (process group) on cancellation.
import { runProcess } from '../process/run';
import { redact } from '../redact';
import type { Sandbox } from './sandbox';
import { msg, type Message, type Param } from '../i18n/message';

/** go's own words are quoted, but never more than this. */
export const MAX_ERROR_CHARS = 1500;

/** `error` and `why` are go's words (a string) or ours (a Message). */
export type GoRun =
  | { kind: 'ok'; what: string; output: string; ms: number }
  | { kind: 'failed'; what: string; error: Param; ms: number }
  | { kind: 'skipped'; what: string; why: Param };

export interface GoRunContext {
  goPath: string;
  env: NodeJS.ProcessEnv;
  sandbox: Sandbox;
  deadline: number;
  signal?: AbortSignal | undefined;
}

/** `go mod download -json path@version` in the sandbox module; GOTOOLCHAIN=local keeps it to this go. */
export async function modDownload(c: GoRunContext, modulePath: string, version: string): Promise<GoRun> {
  const what = `${modulePath}@${version}`;
  const r = await run(c, ['mod', 'download', '-json', what], c.sandbox.moduleDir, { GOTOOLCHAIN: 'local' });
  if (r.kind !== 'done') return { kind: 'failed', what, error: r.error, ms: r.ms };
  let parsed: { Error?: string } | undefined;
  try {
    parsed = JSON.parse(r.stdout) as { Error?: string };
  } catch {
    parsed = undefined;
  }
  const error = parsed?.Error ?? (r.code === 0 ? undefined : r.stderr.trim() || `exit status ${r.code}`);
  if (error) return { kind: 'failed', what, error: cap(error), ms: r.ms };
  return { kind: 'ok', what, output: r.stdout, ms: r.ms };
}

/** `go version` in the workspace, with the user's GOTOOLCHAIN: toolchain selection included. */
export async function goVersionIn(c: GoRunContext, cwd: string): Promise<GoRun> {
  const what = 'go version';
  const r = await run(c, ['version'], cwd, {});
  if (r.kind !== 'done') return { kind: 'failed', what, error: r.error, ms: r.ms };
  if (r.code !== 0) return { kind: 'failed', what, error: cap(r.stderr.trim() || `exit status ${r.code}`), ms: r.ms };
  return { kind: 'ok', what, output: r.stdout.trim(), ms: r.ms };
}

type Raw =
  | { kind: 'done'; code: number | null; stdout: string; stderr: string; ms: number }
  | { kind: 'error'; error: Message; ms: number };

async function run(c: GoRunContext, args: string[], cwd: string, extra: NodeJS.ProcessEnv): Promise<Raw> {
  const timeoutMs = Math.max(1, c.deadline - Date.now());
  const r = await runProcess(c.goPath, {
    args,
    cwd,
    env: { ...c.env, ...c.sandbox.env, ...extra },
    timeoutMs,
    signal: c.signal,
    maxOutputBytes: 1 << 20,
  });
  switch (r.kind) {
    case 'exited':
      return { kind: 'done', code: r.code, stdout: r.stdout, stderr: r.stderr, ms: r.durationMs };
    case 'timeout':
      return { kind: 'error', error: msg('refereeRun.timeout', { s: Math.round(timeoutMs / 1000) }), ms: r.durationMs };
    case 'aborted':
      return { kind: 'error', error: msg('refereeRun.cancelled'), ms: r.durationMs };
    case 'spawnError':
      return { kind: 'error', error: msg('refereeRun.spawn', { go: c.goPath, error: r.message }), ms: r.durationMs };
  }
}

function cap(text: string): string {
  const t = redact(text);
  return t.length > MAX_ERROR_CHARS
    ? `${t.slice(0, MAX_ERROR_CHARS)}… (${t.length - MAX_ERROR_CHARS} more characters)`
    : t;
}
