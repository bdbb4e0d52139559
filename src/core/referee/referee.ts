// Go itself as referee (`diagnose --deep`): the real go, with the user's environment and
// throwaway caches, downloads the canary module and the project's first requirement missing
// from the cache, and runs `go version` in the workspace. What go does is then compared with
// what we found: where go contradicts a finding, we say so.
import type { Finding } from '../findings';
import { planOffline } from '../proxyRewrite/offline';
import { REFERENCE_MODULE } from '../proxyRewrite/defaults';
import { goVersionIn, modDownload, type GoRun, type GoRunContext } from './goRuns';
import { judge } from './judge';
import { withSandbox } from './sandbox';
import { msg } from '../i18n/message';

export interface RefereeOptions {
  goPath: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The user's GOMODCACHE, to find the first requirement it lacks. */
  gomodcache?: string | undefined;
  /** All three go runs end within this. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Our findings, to compare with what go does. */
  findings: readonly Finding[];
  /** The toolchain our plan says runs here, and whether getting it needs a download. */
  plan?: { runs: string; needsDownload: boolean } | undefined;
  /** Let `go version` download the toolchain go.mod asks for (into the throwaway cache). */
  allowToolchainDownload?: boolean;
  /** The module every proxy serves; default the proxy check's reference module. */
  canary?: { path: string; version: string };
}

export async function runReferee(o: RefereeOptions): Promise<Finding[]> {
  const started = performance.now();
  const canary = o.canary ?? REFERENCE_MODULE;
  const missing = o.gomodcache
    ? (await planOffline({ gomodcache: o.gomodcache, cwd: o.cwd })).modules.find(
        (m) => m.status !== 'cached' && !m.replacedBy?.startsWith('/') && !m.replacedBy?.startsWith('.'),
      )
    : undefined;
  const runs = await withSandbox(async (sandbox) => {
    const c: GoRunContext = {
      goPath: o.goPath,
      env: o.env,
      sandbox,
      deadline: Date.now() + o.timeoutMs,
      signal: o.signal,
    };
    const version: Promise<GoRun> =
      o.plan?.needsDownload && !o.allowToolchainDownload
        ? Promise.resolve({
            kind: 'skipped',
            what: 'go version',
            why: msg('refereeRun.wouldDownload', { runs: o.plan.runs }),
          })
        : goVersionIn(c, o.cwd);
    return Promise.all([
      modDownload(c, canary.path, canary.version),
      missing ? modDownload(c, missing.path, missing.version) : undefined,
      version,
    ]);
  });
  o.signal?.throwIfAborted();
  const [canaryRun, requirementRun, versionRun] = runs;
  const durationMs = Math.round(performance.now() - started);
  return judge({
    canary: canaryRun,
    requirement: requirementRun,
    version: versionRun,
    findings: o.findings,
    plannedRuns: o.plan?.runs,
  }).map((f) => ({ ...f, durationMs }));
}
