// The module cache (`diagnose --modules`, "Verify Module Cache"): every module version the
// workspace's go.sum files hold a zip hash for, if it is in GOMODCACHE, checked like
// `go mod verify` does. modcache.corrupt names the module, its directory and the files that differ.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../findings';
import { cleanModcacheFix, redownloadModuleFix } from '../modules/fixes';
import { readGoSum, workspaceGoSums } from '../modules/goSum';
import { verifyModuleCache, type CachedModule, type CorruptModule } from '../modules/modCache';
import type { MessageKey } from '../i18n/catalog';
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';
import { joined } from '../i18n/join';

export interface ModCacheCheckInput {
  goModFiles: readonly string[];
  gomodcache: string;
  signal?: AbortSignal | undefined;
  onProgress?: (done: number, total: number) => void;
}

export async function modCacheFindings(input: ModCacheCheckInput): Promise<Finding[]> {
  const started = performance.now();
  const modules = await requiredModules(input.goModFiles);
  if (modules.length === 0) return [];
  const v = await verifyModuleCache({
    gomodcache: input.gomodcache,
    modules,
    signal: input.signal,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  const durationMs = Math.round(performance.now() - started);
  if (v.corrupt.length === 0) {
    return [
      {
        id: 'modcache.ok',
        severity: 'ok',
        ...findingWords(
          msg('check.modcache.ok.title', { n: v.present }),
          msg('check.modcache.ok.detail', {
            cache: input.gomodcache,
            absent: v.absent ? msg('check.modcache.ok.absent', { n: v.absent }) : '',
          }),
        ),
        subject: input.gomodcache,
        durationMs,
      },
    ];
  }
  const cwd = path.dirname(input.goModFiles[0]!);
  const size = formatBytes(await treeSize(input.gomodcache));
  return v.corrupt.map((c) => corruptFinding(c, cwd, size, durationMs));
}

/** Module versions go.sum holds a zip hash for: those the project's builds have needed. */
async function requiredModules(goModFiles: readonly string[]): Promise<CachedModule[]> {
  const files = await workspaceGoSums(goModFiles);
  const byKey = new Map<string, CachedModule>();
  for (const l of (await Promise.all(files.map(readGoSum))).flat()) {
    if (l.goMod || !l.hash.startsWith('h1:')) continue;
    byKey.set(`${l.module}@${l.version}`, { module: l.module, version: l.version, goSumHash: l.hash });
  }
  return [...byKey.values()];
}

function corruptFinding(c: CorruptModule, cwd: string, size: string, durationMs: number): Finding {
  const list = (label: MessageKey, names: string[]) =>
    names.length
      ? [
          msg('check.modcache.files', {
            label: msg(label),
            names: joined(names.slice(0, 10)),
            more: names.length > 10 ? msg('check.modcache.files.more', { n: names.length - 10 }) : '',
          }),
        ]
      : [];
  const files = joined(
    [
      ...list('check.modcache.files.changed', c.altered),
      ...list('check.modcache.files.missing', c.missing),
      ...list('check.modcache.files.extra', c.extra),
    ],
    '',
  );
  return {
    id: 'modcache.corrupt',
    severity: 'error',
    ...findingWords(
      msg('check.modcache.corrupt.title', { module: c.module, version: c.version }),
      msg('check.modcache.corrupt.detail', { dir: c.paths.dir, problem: c.problemText, files }),
    ),
    subject: c.paths.dir,
    fixes: [redownloadModuleFix(cwd, c.module, c.version), cleanModcacheFix(cwd, size)],
    durationMs,
  };
}

async function treeSize(dir: string): Promise<number> {
  let total = 0;
  const walk = async (d: string): Promise<void> => {
    const entries = await fs.readdir(d, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (e) => {
        const p = path.join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else total += (await fs.lstat(p).catch(() => undefined))?.size ?? 0;
      }),
    );
  };
  await walk(dir);
  return total;
}

function formatBytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GiB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  return `${Math.ceil(n / 1024)} KiB`;
}
