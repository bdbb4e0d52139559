// Reading and writing go settings through the selected go binary, so every change lands in the
// go env file that go itself reads (GOENV) and goes through go's own rewriting rules.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import { DoctorError } from '../errors';
import { parseGoEnvFile } from '../go/envFile';
import { runProcess } from '../process/run';
import type { Platform } from '../platform';
import { redact } from '../redact';

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
): Promise<Record<string, string> | string> {
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
      return `did not answer within ${timeoutMs} ms`;
    case 'aborted':
      return 'was cancelled';
    case 'spawnError':
      return `could not be started (${r.code}: ${r.message})`;
    case 'exited':
      break;
  }
  if (r.code !== 0)
    return `failed${r.code !== null ? ` with exit code ${r.code}` : ` (killed by ${r.signal})`}${r.stderr.trim() ? `: ${r.stderr.trim()}` : ''}`;
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
  return 'printed something that is not go env output';
}

/** What go says about GOPROXY and friends, plus the go env file it names; throws a DoctorError when go cannot answer. */
export async function readGoSettings(
  goPath: string,
  p: Platform,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<GoSettings> {
  const r = await goEnvVars(goPath, p, SETTINGS_READ, timeoutMs, signal);
  if (typeof r === 'string') {
    throw new DoctorError(
      'go.failed',
      `\`${goPath} env -json\` ${redact(r)}.`,
      'Run `go-env-doctor diagnose` to find out what is wrong with this go, or pass another with --go.',
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
        throw new DoctorError(
          'env.fileUnreadable',
          `The go env file ${envFile} cannot be read: ${(err as Error).message}.`,
          'Fix its permissions (it must be readable and writable by you), then try again.',
          { cause: err },
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
  const remedy =
    'Check that the go env file is writable (`go env GOENV` names it) and that GOENV is not "off"; run the same command yourself to see go\'s full error.';
  switch (r.kind) {
    case 'exited':
      if (r.code === 0) return { stderr: r.stderr };
      throw new DoctorError(
        'goenv.writeFailed',
        `\`${shown}\` failed${r.code !== null ? ` with exit code ${r.code}` : ` (killed by ${r.signal})`}: ${redact(r.stderr.trim()) || 'no message'}.`,
        remedy,
      );
    case 'timeout':
      throw new DoctorError('goenv.writeFailed', `\`${shown}\` did not finish within ${timeoutMs} ms.`, remedy);
    case 'aborted':
      throw new DoctorError('goenv.cancelled', `\`${shown}\` was cancelled.`, 'Run the command again.');
    case 'spawnError':
      throw new DoctorError(
        'goenv.writeFailed',
        `\`${shown}\` could not be started (${r.code}: ${r.message}).`,
        'Pass a working go with --go.',
      );
  }
}
