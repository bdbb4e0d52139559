// A probe's step timings and addresses as the report carries them (Finding.timings).
import type { EndpointTimings } from '../findings';
import type { ProbeResult } from '../net/probe';

export function probeTimings(r: ProbeResult): EndpointTimings | undefined {
  const s = r.steps;
  const t: EndpointTimings = {
    ...(s.dnsMs !== undefined ? { dnsMs: s.dnsMs } : {}),
    ...(s.connectMs !== undefined ? { connectMs: s.connectMs } : {}),
    ...(s.proxyConnectMs !== undefined ? { proxyConnectMs: s.proxyConnectMs } : {}),
    ...(s.tlsMs !== undefined ? { tlsMs: s.tlsMs } : {}),
    ...(r.rttMs !== undefined ? { firstByteMs: r.rttMs } : {}),
    ...(r.addresses && r.addresses.length > 0 ? { addresses: [...r.addresses] } : {}),
    ...(r.connectedTo ? { connectedTo: r.connectedTo } : {}),
  };
  return Object.keys(t).length > 0 ? t : undefined;
}

/** `{ timings }` to spread into a finding, or nothing when the probe got no step done. */
export function withTimings(r: ProbeResult | undefined): { timings?: EndpointTimings } {
  const t = r ? probeTimings(r) : undefined;
  return t ? { timings: t } : {};
}
