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
import { msg, type Param } from '../i18n/message';
import { fixWords } from '../i18n/words';
import { joined } from '../i18n/join';

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
    return [{ command: 'sudo sntp -sS time.apple.com', ...fixWords(msg('check.fix.clock.darwin')) }];
  if (p.os === 'win32') return [{ command: 'w32tm /resync', ...fixWords(msg('check.fix.clock.win32')) }];
  return [{ command: 'sudo timedatectl set-ntp true', ...fixWords(msg('check.fix.clock.linux')) }];
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
      ...fixWords(msg('check.fix.saveCert', { name: certificateName(cert), sha256: sha256.slice(0, 23) })),
      action: { kind: 'saveCertificate', url, sha256 },
    },
  ];
}

/** "DNS 3 ms, connect 12 ms, TLS 40 ms, HTTP 95 ms". */
export function stepTimings(r: ProbeResult): Param {
  const s = r.steps;
  const steps = [
    ['check.timing.dns', s.dnsMs],
    ['check.timing.connect', s.connectMs],
    ['check.timing.proxyConnect', s.proxyConnectMs],
    ['check.timing.tls', s.tlsMs],
    ['check.timing.http', s.httpMs],
  ] as const;
  return joined(steps.flatMap(([key, ms]) => (ms === undefined ? [] : [msg(key, { ms: formatMs(ms) })])));
}
