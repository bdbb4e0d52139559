// Findings grouped the way a reader scans a report: the toolchain first, the network last.
import type { Finding } from '../findings';
import type { MessageKey } from '../i18n/catalog';
import type { Lang } from '../i18n/lang';
import { msg } from '../i18n/message';
import { render } from '../i18n/render';

export const GROUPS: readonly { prefix: string; key: MessageKey }[] = [
  { prefix: 'go', key: 'report.group.go' },
  { prefix: 'gomod', key: 'report.group.gomod' },
  { prefix: 'gosum', key: 'report.group.gosum' },
  { prefix: 'modcache', key: 'report.group.modcache' },
  { prefix: 'env', key: 'report.group.env' },
  { prefix: 'netproxy', key: 'report.group.netproxy' },
  { prefix: 'proxy', key: 'report.group.proxy' },
  { prefix: 'sumdb', key: 'report.group.sumdb' },
  { prefix: 'tls', key: 'report.group.tls' },
  { prefix: 'clock', key: 'report.group.clock' },
];

export function groupFindings(
  findings: readonly Finding[],
  lang: Lang = 'en',
): { title: string; findings: Finding[] }[] {
  const out = GROUPS.map((g) => ({
    title: render(msg(g.key), lang),
    findings: findings.filter((f) => f.id.split('.')[0] === g.prefix),
  }));
  const known = new Set(GROUPS.map((g) => g.prefix));
  const other = findings.filter((f) => !known.has(f.id.split('.')[0]!));
  if (other.length) out.push({ title: render(msg('report.group.other'), lang), findings: other });
  return out.filter((g) => g.findings.length > 0);
}
