// The policy file `.go-env-doctor.json`: what a team declares a correct Go environment is for its
// repository. Declarative only: it can require and forbid, never run anything.

export const POLICY_FILE = '.go-env-doctor.json';

export interface AcceptedFinding {
  id: string;
  /** Required: shown with every finding it turns into information. */
  reason: string;
}

export interface Policy {
  version: 1;
  /** Minimum Go (`1.22`, `1.22.3`), or the exact release (`go1.22.5`) every machine must run. */
  go?: { min?: string; exact?: string };
  goproxy?: { include?: string[]; exclude?: string[] };
  /** Module path prefixes GOPRIVATE must cover (`corp.example.com`, `github.com/acme`). */
  goprivate?: { cover?: string[] };
  gosumdb?: { notOff?: boolean };
  goflags?: { forbid?: string[] };
  gotoolchain?: { require?: string };
  /** More module proxies to probe, as goEnv.extraMirrors. */
  mirrors?: string[];
  /** Finding ids whose warnings become errors. */
  promote?: string[];
  /** Findings that become information, each with the team's reason. */
  accept?: AcceptedFinding[];
}

export interface LoadedPolicy {
  file: string;
  policy: Policy;
  /** Line of each value by its path (`goproxy.include.0`), for findings that point at the policy. */
  lines: Map<string, number>;
}
