// A well-known public Go host that resolved to a loopback, private or reserved address: a company
// DNS sending it to an internal proxy (fine if intended), or a tampered answer. Only the public
// hosts are judged: a name the user configured (a company mirror on 10.x) is never flagged.
import type { Finding } from '../findings';
import type { Platform } from '../platform';
import type { ProbeResult } from '../net/probe';
import { specialRange } from '../net/addressClass';
import { hostnameOf } from '../net/hostOf';
import { DEFAULT_MIRRORS } from '../proxyRewrite/defaults';
import { dnsFlushFix } from './dnsFlush';
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';
import { joined } from '../i18n/join';

export const PUBLIC_GO_HOSTS: ReadonlySet<string> = new Set([
  'proxy.golang.org',
  'sum.golang.org',
  'sum.golang.google.cn',
  'go.dev',
  'dl.google.com',
  'golang.google.cn',
  ...DEFAULT_MIRRORS.map(hostnameOf),
]);

export function suspiciousDnsFindings(probes: readonly ProbeResult[], platform: Platform): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const r of probes) {
    // Through a proxy the addresses are the proxy's, which may rightly be private.
    if (r.via || !r.addresses) continue;
    const host = hostnameOf(r.url).toLowerCase();
    if (!PUBLIC_GO_HOSTS.has(host) || seen.has(host)) continue;
    const odd = r.addresses.flatMap((a) => {
      const what = specialRange(a);
      return what ? [msg('check.dns.suspicious.address', { address: a, range: what })] : [];
    });
    if (odd.length === 0) continue;
    seen.add(host);
    const mismatch =
      r.error?.tls?.code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? msg('check.dns.suspicious.mismatch', {
            host,
            names: r.error.tls.altNames ? msg('check.dns.suspicious.names', { names: r.error.tls.altNames }) : '',
          })
        : '';
    out.push({
      id: 'dns.suspicious',
      severity: 'warning',
      ...findingWords(
        msg('check.dns.suspicious.title', { host }),
        msg('check.dns.suspicious.detail', { host, addresses: joined(odd), mismatch }),
      ),
      subject: host,
      fixes: [dnsFlushFix(platform.os)],
    });
  }
  return out;
}
