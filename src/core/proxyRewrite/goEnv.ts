// Reading and writing go settings through the selected go binary, so every change lands in the
// go env file that go itself reads (GOENV) and goes through go's own rewriting rules.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import { doctorError } from '../errors';
import { msg, type Message } from '../i18n/message';
import { isMessage } from '../i18n/message';
import { parseGoEnvFile } from '../go/envFile';
import { runProcess, type RunResult } from '../process/run';
import type { Platform } from '../platform';
import { redact, redactDeep } from '../redact';

/** A setting as the go env file holds it: absent, or a value (possibly empty). */
export type FileSetting = { inFile: false } | { inFile: true; value: string };

export interface GoSettings {
  /** The go env file (`go env GOENV`), or undefined when GOENV=off. */
  envFile: string | undefined;
  /** The raw text of the go env file, undefined when it does not exist. */
  envFileText: string | undefined;
  /** Each setting's value as the go command uses it (`go env -json`). */
  effective: Record<string, string>;
  /** A setting in the go env file (last occurrence wins, as cmd/go reads it). */
  file(name: string): FileSetting;
  /** The non-empty OS-environment value of a setting, which beats the go env file. */
  fromOs(name: string): string | undefined;
}

/** The settings set-proxy needs; naming them keeps `go env` fast (no cgo probing: ~5 ms instead of ~250). */
export const SETTINGS_READ = ['GOENV', 'GOPROXY', 'GOSUMDB', 'GOMODCACHE', 'GOVERSION'] as const;

/** `go env -json <names>` with GOTOOLCHAIN=local from a neutral directory, or why it failed. */
async function goEnvVars(
  goPath: string,
  p: Platform,
  names: readonly string[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Record<string, string> | Message> {
  const r = await runProcess(goPath, {
    args: ['env', '-json', ...names],
    env: { ...p.env, GOTOOLCHAIN: 'local' },
    cwd: os.tmpdir(),
    timeoutMs,
    signal,
    maxOutputBytes: 1 << 20,
  });
  switch (r.kind) {
    case 'timeout':
      return msg('proxyRewrite.goEnv.timeout', { ms: timeoutMs });
    case 'aborted':
      return msg('proxyRewrite.goEnv.cancelled');
    case 'spawnError':
      return msg('proxyRewrite.goEnv.spawn', { code: r.code, error: r.message });
    case 'exited':
      break;
  }
  if (r.code !== 0) {
    const stderr = r.stderr.trim();
    return stderr ? msg('proxyRewrite.failedSaid', { failed: failedWords(r), stderr }) : failedWords(r);
  }
  try {
    const doc = JSON.parse(r.stdout) as unknown;
    if (
      typeof doc === 'object' &&
      doc !== null &&
      !Array.isArray(doc) &&
      Object.values(doc).every((v) => typeof v === 'string')
    )
      return doc as Record<string, string>;
  } catch {
    /* below */
  }
  return msg('proxyRewrite.goEnv.notJson');
}

/** "failed with exit code 1", "failed (killed by SIGTERM)". */
function failedWords(r: Extract<RunResult, { kind: 'exited' }>): Message {
  return r.code !== null
    ? msg('proxyRewrite.failed.code', { code: r.code })
    : msg('proxyRewrite.failed.signal', { signal: String(r.signal) });
}

/** What go says about GOPROXY and friends, plus the go env file it names; throws a DoctorError when go cannot answer. */
export async function readGoSettings(
  goPath: string,
  p: Platform,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<GoSettings> {
  const r = await goEnvVars(goPath, p, SETTINGS_READ, timeoutMs, signal);
  if (isMessage(r)) {
    throw doctorError(
      'go.failed',
      msg('proxyRewrite.goEnvFailed.message', { go: goPath, reason: redactDeep(r) }),
      msg('proxyRewrite.goEnvFailed.remedy'),
    );
  }
  const ok = r;
  // GOENV=off makes go print an empty GOENV.
  const envFile = ok['GOENV'] && ok['GOENV'] !== 'off' ? ok['GOENV'] : undefined;
  let envFileText: string | undefined;
  if (envFile) {
    try {
      envFileText = await fs.readFile(envFile, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        throw doctorError(
          'env.fileUnreadable',
          msg('proxyRewrite.envFileUnreadable.message', { file: envFile, error: (err as Error).message }),
          msg('proxyRewrite.envFileUnreadable.remedy'),
          err,
        );
      }
    }
  }
  const values = parseGoEnvFile(envFileText ?? '');
  return {
    envFile,
    envFileText,
    effective: ok,
    file: (name) => (values.has(name) ? { inFile: true, value: values.get(name)! } : { inFile: false }),
    fromOs: (name) => p.env[name] || undefined,
  };
}

/** The go env file's settings, as go reads them, for comparing before and after a write. */
export function fileSettings(text: string | undefined): Map<string, string> {
  return parseGoEnvFile(text ?? '');
}

export type GoEnvChange = { name: string; value: string } | { name: string; unset: true };

/**
 * `go env -w NAME=value` or `go env -u NAME`. Run from a neutral directory with GOTOOLCHAIN=local,
 * so a go.mod cannot make go switch toolchains first. go's own warnings (an OS variable that
 * overrides the write) come back in `stderr`.
 */
export async function changeGoEnv(
  goPath: string,
  p: Platform,
  change: GoEnvChange,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ stderr: string }> {
  const args = 'unset' in change ? ['env', '-u', change.name] : ['env', '-w', `${change.name}=${change.value}`];
  const shown = `go ${'unset' in change ? `env -u ${change.name}` : `env -w ${change.name}=${redact(change.value)}`}`;
  const r = await runProcess(goPath, {
    args,
    env: { ...p.env, GOTOOLCHAIN: 'local' },
    cwd: os.tmpdir(),
    timeoutMs,
    signal,
    maxOutputBytes: 1 << 16,
  });
  const remedy = msg('proxyRewrite.write.remedy');
  const command = shown;
  switch (r.kind) {
    case 'exited':
      if (r.code === 0) return { stderr: r.stderr };
      throw doctorError(
        'goenv.writeFailed',
        msg('proxyRewrite.write.failed', {
          command,
          failed: failedWords(r),
          stderr: redact(r.stderr.trim()) || msg('proxyRewrite.write.noMessage'),
        }),
        remedy,
      );
    case 'timeout':
      throw doctorError('goenv.writeFailed', msg('proxyRewrite.write.timeout', { command, ms: timeoutMs }), remedy);
    case 'aborted':
      throw doctorError(
        'goenv.cancelled',
        msg('proxyRewrite.write.cancelled', { command }),
        msg('proxyRewrite.write.cancelled.remedy'),
      );
    case 'spawnError':
      throw doctorError(
        'goenv.writeFailed',
        msg('proxyRewrite.write.spawn', { command, code: r.code, error: r.message }),
        msg('proxyRewrite.write.spawn.remedy'),
      );
  }
}
