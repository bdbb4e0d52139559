// A failed probe as a finding: its id and the fixes specific to the cause. Shared by the GOPROXY
// and checksum-database checks; the words come from core/net/probeFailureWords.ts.
import type { Fix } from '../findings';
import { formatMs } from '../units';
import type { Platform } from '../platform';
import type { ProbeResult } from '../net/probe';
import {
  probeFailureWords,
  type ProbeFailureKind,
  type ProbeFailureWords,
  type ProbeWordsContext,
} from '../net/probeFailureWords';
import { certificateName, interceptingCertificate } from '../certs/interceptingCert';

export type FailureId =
  | 'proxy.dns'
  | 'proxy.refused'
  | 'proxy.timeout'
  | 'proxy.httpStatus'
  | 'proxy.badResponse'
  | 'proxy.insecureCredentials'
  | 'tls.expired'
  | 'tls.notYetValid'
  | 'tls.untrusted'
  | 'tls.hostnameMismatch'
  | 'tls.handshake';

const FAILURE_IDS: Record<ProbeFailureKind, FailureId> = {
  dns: 'proxy.dns',
  refused: 'proxy.refused',
  timeout: 'proxy.timeout',
  httpStatus: 'proxy.httpStatus',
  badResponse: 'proxy.badResponse',
  insecureCredentials: 'proxy.insecureCredentials',
  expired: 'tls.expired',
  notYetValid: 'tls.notYetValid',
  untrusted: 'tls.untrusted',
  hostnameMismatch: 'tls.hostnameMismatch',
  handshake: 'tls.handshake',
};

export interface FailureView extends Omit<ProbeFailureWords, 'kind'> {
  id: FailureId;
  /** Fixes specific to the cause (TLS trust, clock), beyond "use another mirror". */
  fixes: Fix[];
}

export type FailureContext = ProbeWordsContext;

/** Describes a probe that has `error` set (or an HTTP status the caller rejected: pass `status`). */
export async function describeFailure(r: ProbeResult, c: FailureContext): Promise<FailureView> {
  const { kind, ...words } = await probeFailureWords(r, c);
  return { id: FAILURE_IDS[kind], ...words, fixes: fixesFor(kind, words, r, c.platform) };
}

function fixesFor(kind: ProbeFailureKind, w: Omit<ProbeFailureWords, 'kind'>, r: ProbeResult, p: Platform): Fix[] {
  if (kind === 'expired' || kind === 'notYetValid') return clockFixes(p);
  // A self-signed certificate is a captive portal's: signing in helps, saving it does not.
  if (kind === 'untrusted' && w.tls?.code !== 'DEPTH_ZERO_SELF_SIGNED_CERT') return saveCertificateFixes(r);
  return [];
}

/** Fixes that sync this computer's clock, for the platform. */
export function clockFixes(p: Pick<Platform, 'os'>): Fix[] {
  if (p.os === 'darwin')
    return [{ command: 'sudo sntp -sS time.apple.com', title: 'Set the clock from a time server' }];
  if (p.os === 'win32') return [{ command: 'w32tm /resync', title: 'Resynchronise the Windows clock' }];
  return [{ command: 'sudo timedatectl set-ntp true', title: 'Keep the clock in sync with NTP' }];
}

/** Saves the intercepting certificate to an absolute path the tool chooses; trusting it stays the user's step. */
function saveCertificateFixes(r: ProbeResult): Fix[] {
  const cert = r.peerChain && interceptingCertificate(r.peerChain);
  if (!cert) return [];
  const url = new URL(r.url).origin;
  const sha256 = cert.fingerprint256;
  return [
    {
      command: `go-env-doctor save-cert ${url} --sha256 ${sha256}`,
      title: `Save the certificate "${certificateName(cert)}" (SHA-256 ${sha256.slice(0, 23)}…) to check with your IT team`,
      action: { kind: 'saveCertificate', url, sha256 },
    },
  ];
}

/** "DNS 3 ms, connect 12 ms, TLS 40 ms, HTTP 95 ms". */
export function stepTimings(r: ProbeResult): string {
  const s = r.steps;
  const parts: string[] = [];
  if (s.dnsMs !== undefined) parts.push(`DNS ${formatMs(s.dnsMs)}`);
  if (s.connectMs !== undefined) parts.push(`connect ${formatMs(s.connectMs)}`);
  if (s.proxyConnectMs !== undefined) parts.push(`proxy CONNECT ${formatMs(s.proxyConnectMs)}`);
  if (s.tlsMs !== undefined) parts.push(`TLS ${formatMs(s.tlsMs)}`);
  if (s.httpMs !== undefined) parts.push(`HTTP ${formatMs(s.httpMs)}`);
  return parts.join(', ');
}
