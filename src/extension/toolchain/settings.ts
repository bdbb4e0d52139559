// The toolchain installer's settings (goEnv.toolchain.*). Pure: reads through ConfigReader, so it
// is unit-tested without VS Code.
//
// All three are machine-scoped in package.json: the release index decides which bytes are
// trusted, and the SDK directory is where a go binary we later run comes from, so a workspace
// (possibly untrusted) must never choose them. VS Code already ignores workspace values of
// machine-scoped settings; reading only the user value here keeps it so even if one slips in.
import * as path from 'node:path';
import { DoctorError } from '../../core/errors';
import { redact } from '../../core/redact';
import type { ConfigReader } from '../settings';

/** Keys under the `goEnv` section. */
export const TOOLCHAIN_KEYS = {
  dlBase: 'toolchain.dlBase',
  mirrors: 'toolchain.mirrors',
  sdkDir: 'toolchain.sdkDir',
} as const;

export const DEFAULT_SDK_DIR = '~/sdk';

export interface ToolchainSettings {
  /** The release index bases to try; undefined = the official ones (go.dev, then golang.google.cn). */
  dlBases: string[] | undefined;
  /** Download mirrors, tried in order before the official host; each ends with `/`. */
  mirrors: string[];
  /** Absolute SDK directory (`~` expanded). */
  sdkDir: string;
  /** Values that are set but unusable, as sentences; an install refuses to start while there are any. */
  problems: string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function userValue<T>(cfg: ConfigReader, key: string): T | undefined {
  return cfg.inspect<T>(key)?.globalValue;
}

function trimmed(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** `~`, `~/x` (and `~\x` on Windows) → under homeDir. */
export function expandHome(p: string, homeDir: string): string {
  if (p === '~') return homeDir;
  if (p.startsWith('~/') || p.startsWith('~\\')) return path.join(homeDir, p.slice(2));
  return p;
}

export function readToolchainSettings(cfg: ConfigReader, homeDir: string): ToolchainSettings {
  const problems: string[] = [];

  let dlBases: string[] | undefined;
  const rawBase = trimmed(userValue<string>(cfg, TOOLCHAIN_KEYS.dlBase));
  if (rawBase !== undefined) {
    const url = parseHttpUrl(rawBase);
    if (!url) {
      problems.push(`goEnv.toolchain.dlBase "${redact(rawBase)}" is not an http(s) URL.`);
    } else if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
      // The index supplies the SHA-256 every download is checked against: it must not be forgeable on the way.
      problems.push(
        `goEnv.toolchain.dlBase "${redact(rawBase)}" must use https:// (the release index supplies the checksums every download is verified against).`,
      );
    } else {
      dlBases = [withSlash(rawBase)];
    }
  }

  const mirrors: string[] = [];
  const rawMirrors = userValue<unknown>(cfg, TOOLCHAIN_KEYS.mirrors);
  if (rawMirrors !== undefined && !Array.isArray(rawMirrors)) {
    problems.push('goEnv.toolchain.mirrors must be a list of URLs.');
  } else {
    for (const m of rawMirrors ?? []) {
      const text = trimmed(m);
      if (text === undefined) continue;
      if (!parseHttpUrl(text)) {
        problems.push(`goEnv.toolchain.mirrors entry "${redact(text)}" is not an http(s) URL.`);
        continue;
      }
      const url = withSlash(text);
      // Mirrors only supply bytes, which are checked against the official SHA-256: plain http is allowed.
      if (!mirrors.includes(url)) mirrors.push(url);
    }
  }

  const rawDir = trimmed(userValue<string>(cfg, TOOLCHAIN_KEYS.sdkDir)) ?? DEFAULT_SDK_DIR;
  let sdkDir = expandHome(rawDir, homeDir);
  if (!path.isAbsolute(sdkDir)) {
    problems.push(`goEnv.toolchain.sdkDir "${rawDir}" is not an absolute path (or one starting with ~/).`);
    sdkDir = expandHome(DEFAULT_SDK_DIR, homeDir);
  }
  return { dlBases, mirrors, sdkDir: path.normalize(sdkDir), problems };
}

/** The error an install stops with while settings are unusable. */
export function settingsError(s: ToolchainSettings): DoctorError | undefined {
  if (s.problems.length === 0) return undefined;
  return new DoctorError(
    'settings.invalid',
    s.problems.join(' '),
    'Fix it in your user settings (Preferences: Open User Settings, search "goEnv.toolchain"), then install again.',
  );
}

function parseHttpUrl(text: string): URL | undefined {
  try {
    const u = new URL(text);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : undefined;
  } catch {
    return undefined;
  }
}
