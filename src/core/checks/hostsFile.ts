// Go hosts pinned in the hosts file: a line there beats DNS, so an address left over from a
// workaround or a VPN keeps sending the go command to the wrong place. Reported, never edited.
import { promises as fs } from 'node:fs';
import type { Finding } from '../findings';
import type { Platform } from '../platform';
import type { ProbeResult } from '../net/probe';
import { hostnameOf } from '../net/hostOf';
import { PUBLIC_GO_HOSTS } from './dnsSuspicious';
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';

export interface HostsEntry {
  address: string;
  /** 1-based. */
  line: number;
}

/** name (lower case) to its first entry, as resolvers use the first match. */
export function parseHostsFile(text: string): Map<string, HostsEntry> {
  const out = new Map<string, HostsEntry>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const [address, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (!address) return;
    for (const n of names) if (!out.has(n.toLowerCase())) out.set(n.toLowerCase(), { address, line: i + 1 });
  });
  return out;
}

export async function hostsFileFindings(probes: readonly ProbeResult[], platform: Platform): Promise<Finding[]> {
  const file = platform.hostsFile;
  if (!file) return [];
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return []; // no hosts file: nothing pinned
  }
  const pinned = parseHostsFile(text);
  const failed = new Map<string, boolean>();
  for (const r of probes) {
    const host = hostnameOf(r.url).toLowerCase();
    // Through a proxy, the proxy resolves the target; localhost is in every hosts file by design.
    if (r.via || host === 'localhost' || host.endsWith('.localhost')) continue;
    failed.set(host, (failed.get(host) ?? false) || r.error !== undefined);
  }
  const names = new Set([...failed.keys(), ...PUBLIC_GO_HOSTS]);
  const out: Finding[] = [];
  for (const host of names) {
    const entry = pinned.get(host);
    if (!entry) continue;
    const fails = failed.get(host) === true;
    out.push({
      id: 'dns.hostsFile',
      severity: fails ? 'warning' : 'info',
      ...findingWords(
        msg('check.dns.hostsFile.title', { host, address: entry.address }),
        msg(fails ? 'check.dns.hostsFile.detail.fails' : 'check.dns.hostsFile.detail.works', {
          file,
          line: entry.line,
          host,
          address: entry.address,
        }),
      ),
      subject: host,
      location: { file, line: entry.line },
    });
  }
  return out;
}
