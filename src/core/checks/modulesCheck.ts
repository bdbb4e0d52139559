// What the go command will find in the project's modules: go.sum against the checksum database
// (within the probe timeout by default, every line with `--modules`) and, with `--modules`, the
// module cache against go.sum.
import * as path from 'node:path';
import type { Finding } from '../findings';
import type { Platform } from '../platform';
import { goNetwork } from '../net/goNetwork';
import type { HttpGet } from '../net/httpGet';
import { stateDir, sumdbStateDir } from '../stateDir';
import { goSumFindings } from './goSumCheck';
import { modCacheFindings } from './modCacheCheck';

export interface ModulesCheckInput {
  goModFiles: readonly string[];
  /** The effective go env (values only). */
  env: Readonly<Record<string, string | undefined>>;
  platform: Platform;
  timeoutMs: number;
  /** Verify every go.sum line and the module cache (`diagnose --modules`). */
  all: boolean;
  signal?: AbortSignal | undefined;
  onProgress?: (done: number, total: number) => void;
}

export async function modulesFindings(input: ModulesCheckInput): Promise<Finding[]> {
  if (input.goModFiles.length === 0) return [];
  const p = input.platform;
  // Created on the first request: loading Go's CA set is not free, and records verified
  // earlier need no request at all.
  let net: ReturnType<typeof goNetwork> | undefined;
  const get: HttpGet = (url, o) => (net ??= goNetwork(p)).sumdbGet(url, o);
  try {
    const gosum = goSumFindings({
      goModFiles: input.goModFiles,
      env: input.env,
      stateDir: stateDir(p),
      sumdbStateDir: sumdbStateDir(p),
      get,
      timeoutMs: input.timeoutMs,
      budgetMs: input.all ? undefined : input.timeoutMs,
      signal: input.signal,
    });
    const cache = input.all
      ? modCacheFindings({
          goModFiles: input.goModFiles,
          gomodcache: goModCache(input.env, p),
          signal: input.signal,
          ...(input.onProgress ? { onProgress: input.onProgress } : {}),
        })
      : Promise.resolve([]);
    return [...(await gosum), ...(await cache)];
  } finally {
    await net?.close();
  }
}

/** GOMODCACHE, else the first GOPATH entry's pkg/mod, else ~/go/pkg/mod (cmd/go's defaults). */
export function goModCache(
  env: Readonly<Record<string, string | undefined>>,
  p: Pick<Platform, 'homeDir' | 'os'>,
): string {
  if (env['GOMODCACHE']) return env['GOMODCACHE'];
  const gopath = (env['GOPATH'] ?? '').split(p.os === 'win32' ? ';' : ':').find((e) => e !== '');
  return path.join(gopath ?? path.join(p.homeDir, 'go'), 'pkg', 'mod');
}
