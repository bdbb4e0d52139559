// Findings grouped the way a reader scans a report: the toolchain first, the network last.
import type { Finding } from '../findings';

export const GROUPS: readonly { prefix: string; title: string }[] = [
  { prefix: 'go', title: 'Go toolchain' },
  { prefix: 'gomod', title: 'go.mod' },
  { prefix: 'gosum', title: 'go.sum' },
  { prefix: 'modcache', title: 'Module cache' },
  { prefix: 'env', title: 'go env' },
  { prefix: 'netproxy', title: 'HTTP proxy' },
  { prefix: 'proxy', title: 'Module proxies (GOPROXY)' },
  { prefix: 'sumdb', title: 'Checksum database (GOSUMDB)' },
  { prefix: 'tls', title: 'TLS' },
  { prefix: 'clock', title: 'Clock' },
];

export function groupFindings(findings: readonly Finding[]): { title: string; findings: Finding[] }[] {
  const out = GROUPS.map((g) => ({
    title: g.title,
    findings: findings.filter((f) => f.id.split('.')[0] === g.prefix),
  }));
  const known = new Set(GROUPS.map((g) => g.prefix));
  const other = findings.filter((f) => !known.has(f.id.split('.')[0]!));
  if (other.length) out.push({ title: 'Other', findings: other });
  return out.filter((g) => g.findings.length > 0);
}
