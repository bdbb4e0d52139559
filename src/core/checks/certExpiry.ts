// A server certificate that expires within EXPIRY_WARN_DAYS: nothing fails yet, but it will, and a
// renewal that did not happen is easier to chase before the date than after.
import type { Finding } from '../findings';
import type { Platform } from '../platform';
import type { ProbeResult } from '../net/probe';
import { displayName } from '../net/trust';

export const EXPIRY_WARN_DAYS = 14;
const DAY_MS = 24 * 3600 * 1000;

export function certExpiryFindings(probes: readonly ProbeResult[], platform: Platform): Finding[] {
  const now = platform.now();
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const r of probes) {
    const leaf = r.peerChain?.[0];
    // An expired or otherwise rejected certificate has its own tls.* finding.
    if (!leaf || r.error?.step === 'tls') continue;
    let origin: string;
    try {
      origin = new URL(r.url).origin;
    } catch {
      continue;
    }
    const expires = Date.parse(leaf.validTo);
    if (seen.has(origin) || !(expires > now) || expires - now > EXPIRY_WARN_DAYS * DAY_MS) continue;
    seen.add(origin);
    const days = Math.floor((expires - now) / DAY_MS);
    const when = days === 0 ? 'within a day' : `in ${days} day${days === 1 ? '' : 's'}`;
    out.push({
      id: 'tls.expiresSoon',
      severity: 'info',
      title: `The certificate of ${new URL(origin).host} expires ${when}`,
      detail: `${displayName(leaf.subject)}, issued by ${displayName(leaf.issuer)}, is valid until ${new Date(expires).toISOString()}. After that the go command refuses the connection (x509: certificate has expired). If this server is yours or your company's, have it renewed; a public host renews its own.`,
      subject: origin,
    });
  }
  return out;
}
