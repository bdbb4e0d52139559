// The mirrors offered when the configured GOPROXY fails and ranked by `set-proxy --auto`: the
// built-in public ones, or GO_ENV_DOCTOR_MIRRORS, which replaces them (a company's own mirrors;
// and tests, which must keep every request on loopback). Comma-separated; set but empty: none.
import { DEFAULT_MIRRORS } from './defaults';

export const MIRRORS_ENV = 'GO_ENV_DOCTOR_MIRRORS';

export function builtinMirrors(env: Readonly<Record<string, string | undefined>>): readonly string[] {
  const value = env[MIRRORS_ENV];
  if (value === undefined) return DEFAULT_MIRRORS;
  return value
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** What the diagnosis ranks when the configured proxies fail: the built-in mirrors, then `extra`. */
export function fallbackCandidates(
  env: Readonly<Record<string, string | undefined>>,
  extra: readonly string[] = [],
): string[] {
  return uniqueMirrors([...builtinMirrors(env), ...extra]);
}

/** Mirror URLs in order, each once (a trailing slash does not make another mirror). */
export function uniqueMirrors(urls: readonly string[]): string[] {
  const seen = new Set<string>();
  return urls.filter((u) => {
    const k = u.replace(/\/+$/, '');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
