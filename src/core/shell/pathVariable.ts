// PATH as programs on each system see it. On Windows the variable's name ignores case (it is
// usually spelled `Path`) and entries are separated by `;`; a copy of the environment must keep
// one spelling, or a case-sensitive lookup later reads the stale one.
import type { Platform } from '../platform';

export type PathChange = { kind: 'prepend' | 'append' | 'replace'; value: string };

/** The key PATH is stored under in `env` (`Path` on Windows, as often as not). */
export function pathKey(env: NodeJS.ProcessEnv, p: Pick<Platform, 'os'>): string {
  if (p.os !== 'win32') return 'PATH';
  return Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'Path';
}

export function pathDelimiter(p: Pick<Platform, 'os'>): string {
  return p.os === 'win32' ? ';' : ':';
}

/** `dir` as the value to prepend to PATH (the editor's terminal environment change). */
export function pathPrefix(dir: string, p: Pick<Platform, 'os'>): string {
  return dir + pathDelimiter(p);
}

/** A copy of `env` with the change applied to PATH under its one existing key. */
export function withPathChange(env: NodeJS.ProcessEnv, change: PathChange, p: Pick<Platform, 'os'>): NodeJS.ProcessEnv {
  const key = pathKey(env, p);
  const current = env[key] ?? '';
  const value =
    change.kind === 'prepend'
      ? change.value + current
      : change.kind === 'append'
        ? current + change.value
        : change.value;
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (k !== key) out[k] = v;
  out[key] = value;
  return out;
}
