// The check groups `--only` / `--skip` / `--list-checks` name, and which finding ids belong to each.
// Ids are grouped by their prefix, so a new id of an existing kind joins its group by itself.
import type { Finding } from '../findings';

export interface CheckGroup {
  name: string;
  /** Finding id prefixes (before the first dot) this group reports. */
  prefixes: readonly string[];
  description: string;
  /** Needs the network (skipping every such group skips all probes). */
  network: boolean;
}

export const CHECK_GROUPS: readonly CheckGroup[] = [
  { name: 'go', prefixes: ['go', 'referee'], description: 'the go binary: found, runs, its version', network: false },
  { name: 'env', prefixes: ['env'], description: 'go env values and where each comes from', network: false },
  {
    name: 'gomod',
    prefixes: ['gomod', 'gowork'],
    description: 'go.mod and go.work against the installed Go',
    network: false,
  },
  {
    name: 'proxy',
    prefixes: ['proxy', 'direct', 'dns'],
    description: 'each GOPROXY entry: reachable, speaks the protocol, serves the right content',
    network: true,
  },
  { name: 'sumdb', prefixes: ['sumdb'], description: 'the checksum database (GOSUMDB)', network: true },
  { name: 'tls', prefixes: ['tls'], description: 'certificates as the go command verifies them', network: true },
  { name: 'clock', prefixes: ['clock'], description: 'clock skew against the servers', network: true },
  { name: 'netproxy', prefixes: ['netproxy'], description: 'HTTPS_PROXY / HTTP_PROXY / NO_PROXY', network: true },
  {
    name: 'modules',
    prefixes: ['gosum', 'modcache'],
    description: "the project's go.sum and module cache",
    network: true,
  },
  {
    name: 'toolchain',
    prefixes: ['toolchain', 'dl'],
    description: 'toolchain selection and its download route',
    network: true,
  },
];

export class CheckSelectionError extends Error {}

/** The groups `--only` and `--skip` leave selected; unknown names are an error naming the valid ones. */
export function selectGroups(only: readonly string[], skip: readonly string[]): Set<string> {
  const known = new Set(CHECK_GROUPS.map((g) => g.name));
  for (const n of [...only, ...skip])
    if (!known.has(n)) throw new CheckSelectionError(`unknown check group "${n}" (groups: ${[...known].join(', ')})`);
  const chosen = only.length ? new Set(only) : new Set(known);
  for (const n of skip) chosen.delete(n);
  return chosen;
}

/** True when one of the selected groups needs the network. */
export function needsNetwork(selected: ReadonlySet<string>): boolean {
  return CHECK_GROUPS.some((g) => g.network && selected.has(g.name));
}

/** Keeps the findings of the selected groups; ids of no group (a policy verdict, say) always stay. */
export function filterFindings(findings: readonly Finding[], selected: ReadonlySet<string>): Finding[] {
  const groupOf = new Map<string, string>();
  for (const g of CHECK_GROUPS) for (const p of g.prefixes) groupOf.set(p, g.name);
  return findings.filter((f) => {
    const group = groupOf.get(f.id.split('.')[0] ?? '');
    return group === undefined || selected.has(group);
  });
}
