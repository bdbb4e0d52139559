// Which resolver a probe asks. By default the system's (getaddrinfo, as Go's cgo resolver does,
// hosts file included); with Platform.dnsServers, those DNS servers directly over the DNS
// protocol (A and AAAA), which is how a test points the real resolver code at its own responder.
import * as dns from 'node:dns';
import type { Platform } from '../platform';
import type { HostLookup } from './probeTypes';

/** The lookup the probes of one diagnosis share; undefined: the system resolver (probeDial.ts). */
export function hostLookup(p: Pick<Platform, 'lookup' | 'dnsServers'>): HostLookup | undefined {
  if (p.lookup) return p.lookup;
  if (p.dnsServers && p.dnsServers.length > 0) return serversLookup(p.dnsServers);
  return undefined;
}

/**
 * AAAA and A from `servers` (`127.0.0.1:5353`, `[::1]:53`), IPv6 first as getaddrinfo orders them
 * (RFC 6724) on a machine with IPv6; the probe falls back to the next address as Go's dialer does.
 * A name with neither is an error with the code getaddrinfo would give: ENOTFOUND for NXDOMAIN.
 */
function serversLookup(servers: readonly string[]): HostLookup {
  const resolver = new dns.promises.Resolver({ tries: 2 });
  resolver.setServers([...servers]);
  return async (host) => {
    const answers = await Promise.allSettled([resolver.resolve6(host), resolver.resolve4(host)]);
    const addresses = answers.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
    if (addresses.length > 0) return addresses;
    const errors = answers.flatMap((r) => (r.status === 'rejected' ? [r.reason as NodeJS.ErrnoException] : []));
    const nxdomain = errors.find((e) => e.code === dns.NOTFOUND);
    const noData = errors.length === 0 || errors.every((e) => e.code === dns.NODATA);
    throw nxdomain ?? (noData ? notFound(host) : errors[0]);
  };
}

function notFound(host: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`no A or AAAA record for ${host}`), { code: 'ENOTFOUND' });
}
