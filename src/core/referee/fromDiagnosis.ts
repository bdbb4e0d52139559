// The referee as the last step of `diagnose --deep`: what it needs from the diagnosis so far.
import type { Finding } from '../findings';
import { runReferee } from './referee';

/** What the referee needs of the toolchain check: the plan and whether the switch needs a download. */
export interface PlanSummary {
  plan?: { runs: string; switchTo?: unknown } | undefined;
  availability?: { kind: string } | undefined;
}

/** go downloads modules and maybe a toolchain: allow it several probe timeouts in all. */
export const REFEREE_TIMEOUTS = 6;

export function refereeFindings(
  opts: {
    cwd: string;
    platform: { env: NodeJS.ProcessEnv };
    signal?: AbortSignal | undefined;
    deep?: { allowToolchainDownload?: boolean } | undefined;
  },
  goPath: string,
  goEnv: Record<string, string> | undefined,
  tc: PlanSummary,
  findings: readonly Finding[],
  timeoutMs: number,
): Promise<Finding[]> {
  const a = tc.availability?.kind;
  return runReferee({
    goPath,
    cwd: opts.cwd,
    env: opts.platform.env,
    gomodcache: goEnv?.['GOMODCACHE'],
    timeoutMs: timeoutMs * REFEREE_TIMEOUTS,
    signal: opts.signal,
    findings,
    plan: tc.plan
      ? { runs: tc.plan.runs, needsDownload: Boolean(tc.plan.switchTo) && a !== 'inPath' && a !== 'cached' }
      : undefined,
    allowToolchainDownload: opts.deep?.allowToolchainDownload ?? false,
  });
}
