// A server certificate that expires within EXPIRY_WARN_DAYS: nothing fails yet, but it will, and a
// renewal that did not happen is easier to chase before the date than after.
import type { Finding } from '../findings';
import type { Platform } from '../platform';
import type { ProbeResult } from '../net/probe';
import { displayName } from '../net/trust';
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';

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
    const host = new URL(origin).host;
    const title =
      days === 0
        ? msg('check.tls.expiresSoon.title.withinDay', { host })
        : days === 1
          ? msg('check.tls.expiresSoon.title.oneDay', { host })
          : msg('check.tls.expiresSoon.title.days', { host, days });
    out.push({
      id: 'tls.expiresSoon',
      severity: 'info',
      ...findingWords(
        title,
        msg('check.tls.expiresSoon.detail', {
          subject: displayName(leaf.subject),
          issuer: displayName(leaf.issuer),
          until: new Date(expires).toISOString(),
        }),
      ),
      subject: origin,
    });
  }
  return out;
}
