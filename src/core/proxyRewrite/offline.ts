// Working offline: GOPROXY=file://<GOMODCACHE>/cache/download first (the module cache served with
// the proxy protocol), the previous list after it; and which modules go.mod needs that the cache
// does not hold.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findGoMod } from '../gomod/find';
import { escapeModulePath, parseGoproxy, type ProxyEntry } from '../go/goproxy';
import { parseGoModDeps, resolveReplacement } from './goModRequires';

export type CacheStatus =
  /** The source zip is cached: builds work offline. */
  | 'cached'
  /** Only go.mod is cached: enough to resolve the module graph, not to build its packages. */
  | 'goModOnly'
  | 'missing';

export interface OfflineModule {
  path: string;
  version: string;
  /** go.mod line of the requirement. */
  line: number;
  status: CacheStatus;
  /** `old => new@version` when a replace directive redirects it. */
  replacedBy?: string;
}

export interface OfflinePlan {
  /** `<GOMODCACHE>/cache/download`. */
  cacheDir: string;
  cacheExists: boolean;
  /** `file://…/cache/download`. */
  fileUrl: string;
  /** The go.mod whose requirements were checked, if one governs cwd. */
  goMod?: string;
  /** Why go.mod could not be read, when it could not. */
  goModProblem?: string;
  modules: OfflineModule[];
}

/** The module cache's download directory and its file:// URL. */
export function moduleCacheDownloadDir(gomodcache: string): { cacheDir: string; fileUrl: string } {
  const cacheDir = path.join(gomodcache, 'cache', 'download');
  return { cacheDir, fileUrl: pathToFileURL(cacheDir).href };
}

/** `current` with `fileUrl` in front (once: an existing copy of it is dropped). */
export function offlineGoproxy(fileUrl: string, current: string): string {
  const rest = parseGoproxy(current).filter(
    (e) => !(e.kind === 'url' && e.url.protocol === 'file:' && sameFileUrl(e.url.href, fileUrl)),
  );
  return [fileUrl, joinEntries(rest)].filter((s) => s !== '').join(',');
}

function sameFileUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/** Entries back to GOPROXY text, keeping each `,` or `|`. */
export function joinEntries(entries: readonly ProxyEntry[]): string {
  return entries
    .map((e, i) => (i < entries.length - 1 ? `${e.text}${e.next === 'anyError' ? '|' : ','}` : e.text))
    .join('');
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

export async function cacheStatus(cacheDir: string, modulePath: string, version: string): Promise<CacheStatus> {
  const base = path.join(cacheDir, ...escapeModulePath(modulePath).split('/'), '@v', escapeModulePath(version));
  if (await exists(`${base}.zip`)) return 'cached';
  if (await exists(`${base}.mod`)) return 'goModOnly';
  return 'missing';
}

export async function planOffline(opts: { gomodcache: string; cwd: string }): Promise<OfflinePlan> {
  const { cacheDir, fileUrl } = moduleCacheDownloadDir(opts.gomodcache);
  const plan: OfflinePlan = { cacheDir, cacheExists: await exists(cacheDir), fileUrl, modules: [] };
  const goMod = await findGoMod(opts.cwd);
  if (!goMod) return plan;
  plan.goMod = goMod;
  let text: string;
  try {
    text = await fs.readFile(goMod, 'utf8');
  } catch (err) {
    plan.goModProblem = (err as Error).message;
    return plan;
  }
  const deps = parseGoModDeps(text);
  plan.modules = await Promise.all(
    deps.requires.map(async (req): Promise<OfflineModule> => {
      const target = resolveReplacement(req, deps.replaces);
      if ('dir' in target)
        return { path: req.path, version: req.version, line: req.line, status: 'cached', replacedBy: target.dir };
      const status = await cacheStatus(cacheDir, target.path, target.version);
      const replaced = target.path !== req.path || target.version !== req.version;
      return {
        path: req.path,
        version: req.version,
        line: req.line,
        status,
        ...(replaced ? { replacedBy: `${target.path}@${target.version}` } : {}),
      };
    }),
  );
  return plan;
}
