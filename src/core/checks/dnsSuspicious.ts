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
      return what ? [`${a} (${what})`] : [];
    });
    if (odd.length === 0) continue;
    seen.add(host);
    const mismatch =
      r.error?.tls?.code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? ` The server there presented a certificate that is not for ${host}${r.error.tls.altNames ? ` (${r.error.tls.altNames})` : ''}: the traffic goes to another server, not to ${host}.`
        : '';
    out.push({
      id: 'dns.suspicious',
      severity: 'warning',
      title: `${host} resolves to a non-public address`,
      detail: `${host} is a public Go host, but DNS answered ${odd.join(', ')}. Either your company's DNS sends it to an internal proxy (fine if your IT team set this up), or the answer was tampered with or is stale.${mismatch} Check with \`nslookup ${host}\` against another resolver; if the address comes from an earlier network, flush the DNS cache.`,
      subject: host,
      fixes: [dnsFlushFix(platform.os)],
    });
  }
  return out;
}
