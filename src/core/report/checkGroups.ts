// The check groups `--only` / `--skip` / `--list-checks` name, and which finding ids belong to each.
// Ids are grouped by their prefix, so a new id of an existing kind joins its group by itself.
import type { Finding } from '../findings';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

export interface CheckGroup {
  name: string;
  /** Finding id prefixes (before the first dot) this group reports. */
  prefixes: readonly string[];
  description: Message;
  /** Needs the network (skipping every such group skips all probes). */
  network: boolean;
}

export const CHECK_GROUPS: readonly CheckGroup[] = [
  { name: 'go', prefixes: ['go', 'referee'], description: msg('report.checks.go'), network: false },
  { name: 'env', prefixes: ['env'], description: msg('report.checks.env'), network: false },
  {
    name: 'gomod',
    prefixes: ['gomod', 'gowork'],
    description: msg('report.checks.gomod'),
    network: false,
  },
  {
    name: 'proxy',
    prefixes: ['proxy', 'direct', 'dns'],
    description: msg('report.checks.proxy'),
    network: true,
  },
  { name: 'sumdb', prefixes: ['sumdb'], description: msg('report.checks.sumdb'), network: true },
  { name: 'tls', prefixes: ['tls'], description: msg('report.checks.tls'), network: true },
  { name: 'clock', prefixes: ['clock'], description: msg('report.checks.clock'), network: true },
  { name: 'netproxy', prefixes: ['netproxy'], description: msg('report.checks.netproxy'), network: true },
  {
    name: 'modules',
    prefixes: ['gosum', 'modcache'],
    description: msg('report.checks.modules'),
    network: true,
  },
  {
    name: 'toolchain',
    prefixes: ['toolchain', 'dl'],
    description: msg('report.checks.toolchain'),
    network: true,
  },
];

export class CheckSelectionError extends Error {
  constructor(readonly text: Message) {
    super(render(text, 'en'));
  }
}

/** The groups `--only` and `--skip` leave selected; unknown names are an error naming the valid ones. */
export function selectGroups(only: readonly string[], skip: readonly string[]): Set<string> {
  const known = new Set(CHECK_GROUPS.map((g) => g.name));
  for (const n of [...only, ...skip])
    if (!known.has(n))
      throw new CheckSelectionError(msg('report.checks.unknown', { name: n, groups: [...known].join(', ') }));
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
