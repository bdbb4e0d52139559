// A failed probe in words: what happened and why, naming the host, proxy or issuer. The checks map
// these words to a finding id and fixes (core/checks/probeFailure.ts); the wording lives here only.
import type { Platform } from '../platform';
import { capitalize } from '../text';
import { clip, flat } from '../untrustedText';
import { hostnameOf, hostOf } from './hostOf';
import { stepInWords, UNTRUSTED_CERT_CODES, type ProbeResult, type TlsFailureInfo } from './probe';
import { trustDifference, type GoTrust } from './trust';

export type ProbeFailureKind =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'httpStatus'
  | 'badResponse'
  | 'insecureCredentials'
  | 'expired'
  | 'notYetValid'
  | 'untrusted'
  | 'hostnameMismatch'
  | 'handshake';

export interface ProbeFailureWords {
  kind: ProbeFailureKind;
  /** A short phrase for titles: "does not resolve", "certificate has expired". */
  short: string;
  /** Sentences: what happened and why, naming the host, proxy or issuer. */
  cause: string;
  /** 404/410: the go command moves on to the next GOPROXY entry even after `,`. */
  notFound: boolean;
  tls?: TlsFailureInfo;
}

export interface ProbeWordsContext {
  /** Go's CA set, loaded on first need. */
  trust: () => Promise<GoTrust>;
  platform: Platform;
  timeoutMs: number;
  /** Said after a 404/410: what the missing resource means. */
  notFoundHint?: string;
}

/** Describes a probe that has `error` set (or an HTTP status the caller rejected: pass `status`). */
export async function probeFailureWords(r: ProbeResult, c: ProbeWordsContext): Promise<ProbeFailureWords> {
  const host = hostOf(r.url);
  const e = r.error;
  const via = r.via ? ` through the ${proxyKind(r.via.display)} ${r.via.display} (${r.via.variable})` : '';
  if (!e) {
    const status = r.status ?? 0;
    const notFound = status === 404 || status === 410;
    return {
      kind: 'httpStatus',
      short: `answers HTTP ${status}`,
      cause: `${host} answered HTTP ${status}${via}.${notFound && c.notFoundHint ? c.notFoundHint : bodyHint(r)}`,
      notFound,
    };
  }
  switch (e.kind) {
    case 'dns':
      return {
        kind: 'dns',
        short: 'does not resolve',
        cause: `The host name ${host} does not resolve (${e.code}): check the URL, your DNS settings and whether this network can see that name.`,
        notFound: false,
      };
    case 'refused':
      return {
        kind: 'refused',
        short: 'refuses connections',
        cause: `${capitalize(e.message)}: nothing accepts connections there, or a firewall rejects them.`,
        notFound: false,
      };
    case 'timeout':
      return {
        kind: 'timeout',
        short: 'does not answer',
        cause: `${host} did not answer within ${c.timeoutMs} ms${via} (no progress during ${stepInWords(e.step)}). A filtered network often drops traffic to some hosts silently.`,
        notFound: false,
      };
    case 'reset':
      if (e.step === 'http') {
        return {
          kind: 'badResponse',
          short: 'cuts its answer off',
          cause: `${host}${via}: ${e.message}. A proxy or firewall in between may be cutting connections.`,
          notFound: false,
        };
      }
      return {
        kind: 'refused',
        short: 'resets connections',
        cause: `${capitalize(e.message)}${via}. Connections reset during ${stepInWords(e.step)} usually mean a firewall blocks this host.`,
        notFound: false,
      };
    case 'http':
      return {
        kind: 'badResponse',
        short: 'does not speak HTTP',
        cause: `${host}${via}: ${e.message}. Check the URL (scheme and port).`,
        notFound: false,
      };
    case 'insecureCredentials':
      return {
        kind: 'insecureCredentials',
        short: 'has credentials on plain http',
        cause: `${r.url} carries a user name and password, but over plain http the go command refuses to send them ("${e.message}"), so every request to ${host} fails before it is made; the doctor did not send them either. Use the proxy's https:// URL: credentials are sent over https only.`,
        notFound: false,
      };
    case 'netproxy':
      return netproxyFailure(r, host);
    case 'tls':
      return tlsFailure(r, host, c);
    case 'aborted':
      return {
        kind: 'timeout',
        short: 'was not checked (cancelled)',
        cause: 'The check was cancelled.',
        notFound: false,
      };
  }
}

function netproxyFailure(r: ProbeResult, host: string): ProbeFailureWords {
  const e = r.error!;
  const proxy = r.via ? `${proxyKind(r.via.display)} ${r.via.display} (${r.via.variable})` : 'configured proxy';
  const because = `The go command reaches ${host} through the ${proxy}`;
  if (e.code.startsWith('HTTP_')) {
    return {
      kind: 'httpStatus',
      short: `is refused by the HTTP proxy (${e.code.slice(5)})`,
      cause: `${because}, and ${e.message}.`,
      notFound: false,
    };
  }
  if (e.step === 'proxyConnect') {
    return {
      kind: e.code === 'ETIMEDOUT' ? 'timeout' : 'refused',
      short: 'is refused by the proxy',
      cause: `${because}, and ${e.message}.`,
      notFound: false,
    };
  }
  const kind: ProbeFailureKind =
    e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? 'dns' : e.code === 'ETIMEDOUT' ? 'timeout' : 'refused';
  const what =
    e.step === 'dns'
      ? `whose host name does not resolve (${e.code})`
      : e.code === 'ETIMEDOUT'
        ? 'which does not accept connections in time'
        : `which cannot be connected to (${e.message})`;
  return {
    kind,
    short: 'is unreachable because the HTTP proxy is',
    cause: `${because}, ${what}. Every download through that proxy fails until it is fixed (see netproxy.unreachable).`,
    notFound: false,
  };
}

async function tlsFailure(r: ProbeResult, host: string, fc: ProbeWordsContext): Promise<ProbeFailureWords> {
  const e = r.error!;
  const c = { ...fc, trust: await fc.trust() };
  const t = e.tls && inertNames(e.tls);
  if (!t) {
    return {
      kind: 'handshake',
      short: 'fails the TLS handshake',
      cause: `${capitalize(e.message)}. If the server speaks plain HTTP on this port, the URL should start with http://; otherwise something between you and ${host} interferes with TLS.`,
      notFound: false,
    };
  }
  const now = new Date(c.platform.now()).toISOString();
  const approx = c.trust.approximate
    ? ` (On this OS the go command asks ${c.trust.source.replace(/ \(approximated.*$/, '')}; this verdict uses Node's CA list and is approximate.)`
    : '';
  if (t.code === 'CERT_HAS_EXPIRED') {
    return {
      kind: 'expired',
      short: 'certificate has expired',
      cause: `The certificate presented by ${host} (${t.subject}, issued by ${t.issuer}) expired on ${t.validTo}, and this computer's clock says ${now}. If the clock is wrong, correct it; otherwise the server, or a proxy in between, presents a stale certificate.${approx}`,
      notFound: false,
      tls: t,
    };
  }
  if (t.code === 'CERT_NOT_YET_VALID') {
    return {
      kind: 'notYetValid',
      short: 'certificate is not valid yet',
      cause: `The certificate presented by ${host} (${t.subject}, issued by ${t.issuer}) is valid only from ${t.validFrom}, but this computer's clock says ${now}: the clock is most likely behind.${approx}`,
      notFound: false,
      tls: t,
    };
  }
  if (t.code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return {
      kind: 'hostnameMismatch',
      short: 'certificate is for another host',
      cause: `${host} presented a certificate for ${t.altNames ? altNames(t.altNames) : t.subject} (issued by ${t.issuer}), not for ${hostnameOf(r.url)}. Something answers in the server's place: a captive portal, a DNS hijack, or a wrong host name in the URL.`,
      notFound: false,
      tls: t,
    };
  }
  if (!UNTRUSTED_CERT_CODES.has(t.code)) {
    return {
      kind: 'handshake',
      short: 'certificate is rejected',
      cause: `${capitalize(e.message)} (${t.code}).${approx}`,
      notFound: false,
      tls: t,
    };
  }
  const selfSigned = t.code === 'DEPTH_ZERO_SELF_SIGNED_CERT';
  const who = selfSigned
    ? `${host} presented a self-signed certificate ("${t.subject}"), which typically comes from a captive portal (hotel or airport Wi-Fi sign-in) or a misconfigured server.`
    : `The certificate presented by ${host} is issued by "${t.issuer}", which the go command does not trust. This is typically a TLS-intercepting proxy or security product on your network.`;
  const trusts = c.trust.approximate
    ? approx
    : ` The go command trusts only ${c.trust.source}${c.trust.problems.length > 0 ? ` (${c.trust.problems.join('; ')})` : ''}.`;
  const diff = r.peerChain ? await trustDifference(r.peerChain, false, c.trust, c.platform.env) : undefined;
  const advice = selfSigned
    ? ' Open a browser and sign in to the network, then run the check again.'
    : ` If the interception is intended, save the certificate below and compare its SHA-256 fingerprint with the one your IT team publishes before trusting it. Do not turn certificate verification off.`;
  return {
    kind: 'untrusted',
    short: selfSigned
      ? 'presents a self-signed certificate'
      : `certificate is issued by an untrusted CA, "${t.issuer}"`,
    cause: `${who}${trusts}${diff ? ` ${diff}` : ''}${advice}`,
    notFound: false,
    tls: t,
  };
}

/** Certificate names are chosen by whoever answers: shown inert and bounded. */
function inertNames(t: TlsFailureInfo): TlsFailureInfo {
  const name = (s: string) => clip(flat(s), 80);
  return {
    ...t,
    issuer: name(t.issuer),
    subject: name(t.subject),
    ...(t.altNames !== undefined ? { altNames: clip(flat(t.altNames), 200) } : {}),
  };
}

function bodyHint(r: ProbeResult): string {
  const s = r.status ?? 0;
  if (s === 401 || s === 403)
    return ' The server wants credentials or refuses this client: a private proxy needs them in the URL (https://user:token@host) or in .netrc.';
  if (s === 407) return ' That is an HTTP proxy asking for credentials.';
  if (s >= 500) return ' The server has a problem of its own; try again later or use another mirror.';
  return '';
}

/** `DNS:a.example, IP Address:10.0.0.1` → `a.example, 10.0.0.1`. */
function altNames(text: string): string {
  return text.replace(/\b(DNS|IP Address):/g, '');
}

function proxyKind(display: string): string {
  return display.startsWith('socks5:') ? 'SOCKS5 proxy' : 'HTTP proxy';
}
