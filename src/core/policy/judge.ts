// The policy's two entry points, shared by the CLI and the editor: which mirrors it adds to the
// probes, and the report judged by it. An untrusted workspace's policy adds no mirrors (no requests
// to hosts a repository chooses) and only warns.
import type { Report } from '../report/model';
import { applyPolicy } from './apply';
import type { PolicyLoad } from './load';

export function policyMirrors(load: PolicyLoad, trusted: boolean): string[] | undefined {
  return load.kind === 'loaded' && trusted ? load.policy.mirrors : undefined;
}

/** The user's own mirrors (goEnv.extraMirrors) first, then a trusted policy's; each probed once. */
export function mirrorsToProbe(own: readonly string[], load: PolicyLoad, trusted: boolean): string[] {
  return [...new Set([...own, ...(policyMirrors(load, trusted) ?? [])])];
}

export function judgeByPolicy(report: Report, load: PolicyLoad, trusted: boolean): Report {
  if (load.kind === 'loaded') return applyPolicy(report, load, { trusted });
  if (load.kind === 'invalid') return { ...report, findings: [...report.findings, load.finding] };
  return report;
}
