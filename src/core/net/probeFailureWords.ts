// A failed probe in words: what happened and why, naming the host, proxy or issuer. The checks map
// these words to a finding id and fixes (core/checks/probeFailure.ts); the wording lives here only.
import type { Platform } from '../platform';
import { clip, flat } from '../untrustedText';
import { hostnameOf, hostOf } from './hostOf';
import { UNTRUSTED_CERT_CODES, type ProbeResult, type TlsFailureInfo } from './probe';
import { stepText } from './probeTypes';
import { trustDifferenceText, type GoTrust } from './trust';
import { joinFailures, sentenceStart } from '../i18n/join';
import { msg, type Message, type Param } from '../i18n/message';
import { render } from '../i18n/render';

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
  /** `short` and `cause` as catalog Messages, for findings in another language. */
  shortText: Message;
  causeText: Message;
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
  notFoundHint?: Message;
}

/** The words in English and as Messages. */
function words(
  kind: ProbeFailureKind,
  short: Message,
  cause: Message,
  more: { notFound?: boolean; tls?: TlsFailureInfo } = {},
): ProbeFailureWords {
  return {
    kind,
    short: render(short, 'en'),
    cause: render(cause, 'en'),
    shortText: short,
    causeText: cause,
    notFound: more.notFound ?? false,
    ...(more.tls ? { tls: more.tls } : {}),
  };
}

/** Describes a probe that has `error` set (or an HTTP status the caller rejected: pass `status`). */
export async function probeFailureWords(r: ProbeResult, c: ProbeWordsContext): Promise<ProbeFailureWords> {
  const host = hostOf(r.url);
  const e = r.error;
  const via: Param = r.via
    ? msg('net.via', { kind: proxyKind(r.via.display), proxy: r.via.display, variable: r.via.variable })
    : '';
  if (!e) {
    const status = r.status ?? 0;
    const notFound = status === 404 || status === 410;
    const hint = notFound && c.notFoundHint ? c.notFoundHint : bodyHint(r);
    return words(
      'httpStatus',
      msg('net.short.httpStatus', { status }),
      msg('net.cause.httpStatus', { host, status, via, hint }),
      { notFound },
    );
  }
  const error = sentenceStart(e.text);
  switch (e.kind) {
    case 'dns':
      return words('dns', msg('net.short.dns'), msg('net.cause.dns', { host, code: e.code }));
    case 'refused':
      return words('refused', msg('net.short.refused'), msg('net.cause.refused', { error }));
    case 'timeout':
      return words(
        'timeout',
        msg('net.short.timeout'),
        msg('net.cause.timeout', { host, ms: c.timeoutMs, via, step: stepText(e.step) }),
      );
    case 'reset':
      if (e.step === 'http')
        return words('badResponse', msg('net.short.cutOff'), msg('net.cause.cutOff', { host, via, error: e.text }));
      return words('refused', msg('net.short.reset'), msg('net.cause.reset', { error, via, step: stepText(e.step) }));
    case 'http':
      return words('badResponse', msg('net.short.notHttp'), msg('net.cause.notHttp', { host, via, error: e.text }));
    case 'insecureCredentials':
      return words(
        'insecureCredentials',
        msg('net.short.insecureCredentials'),
        msg('net.cause.insecureCredentials', { url: r.url, error: e.text, host }),
      );
    case 'netproxy':
      return netproxyFailure(r, host);
    case 'tls':
      return tlsFailure(r, host, c);
    case 'aborted':
      return words('timeout', msg('net.short.cancelled'), msg('net.cause.cancelled'));
  }
}

function netproxyFailure(r: ProbeResult, host: string): ProbeFailureWords {
  const e = r.error!;
  const proxy = r.via
    ? msg('net.proxy.named', { kind: proxyKind(r.via.display), proxy: r.via.display, variable: r.via.variable })
    : msg('net.proxy.configured');
  if (e.code.startsWith('HTTP_')) {
    return words(
      'httpStatus',
      msg('net.short.proxyStatus', { status: e.code.slice(5) }),
      msg('net.cause.proxyRefused', { host, proxy, error: e.text }),
    );
  }
  if (e.step === 'proxyConnect') {
    return words(
      e.code === 'ETIMEDOUT' ? 'timeout' : 'refused',
      msg('net.short.proxyRefused'),
      msg('net.cause.proxyRefused', { host, proxy, error: e.text }),
    );
  }
  const kind: ProbeFailureKind =
    e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? 'dns' : e.code === 'ETIMEDOUT' ? 'timeout' : 'refused';
  const what =
    e.step === 'dns'
      ? msg('net.proxy.dns', { code: e.code })
      : e.code === 'ETIMEDOUT'
        ? msg('net.proxy.timeout')
        : msg('net.proxy.connect', { error: e.text });
  return words(kind, msg('net.short.proxyUnreachable'), msg('net.cause.proxyUnreachable', { host, proxy, what }));
}

async function tlsFailure(r: ProbeResult, host: string, fc: ProbeWordsContext): Promise<ProbeFailureWords> {
  const e = r.error!;
  const c = { ...fc, trust: await fc.trust() };
  const t = e.tls && inertNames(e.tls);
  const error = sentenceStart(e.text);
  if (!t) return words('handshake', msg('net.short.handshake'), msg('net.cause.handshake', { error, host }));
  const now = new Date(c.platform.now()).toISOString();
  const approx: Param = c.trust.approximate
    ? msg('net.approx', { source: c.trust.verifierText ?? c.trust.sourceText })
    : '';
  const cert = { host, subject: t.subject, issuer: t.issuer, now, approx };
  if (t.code === 'CERT_HAS_EXPIRED') {
    return words('expired', msg('net.short.expired'), msg('net.cause.expired', { ...cert, validTo: t.validTo }), {
      tls: t,
    });
  }
  if (t.code === 'CERT_NOT_YET_VALID') {
    return words(
      'notYetValid',
      msg('net.short.notYetValid'),
      msg('net.cause.notYetValid', { ...cert, validFrom: t.validFrom }),
      { tls: t },
    );
  }
  if (t.code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return words(
      'hostnameMismatch',
      msg('net.short.hostnameMismatch'),
      msg('net.cause.hostnameMismatch', {
        host,
        names: t.altNames ? altNames(t.altNames) : t.subject,
        issuer: t.issuer,
        hostname: hostnameOf(r.url),
      }),
      { tls: t },
    );
  }
  if (!UNTRUSTED_CERT_CODES.has(t.code)) {
    return words('handshake', msg('net.short.rejected'), msg('net.cause.rejected', { error, code: t.code, approx }), {
      tls: t,
    });
  }
  const selfSigned = t.code === 'DEPTH_ZERO_SELF_SIGNED_CERT';
  const who = selfSigned
    ? msg('net.who.selfSigned', { host, subject: t.subject })
    : msg('net.who.untrusted', { host, issuer: t.issuer });
  const trusts = c.trust.approximate
    ? approx
    : c.trust.problems.length > 0
      ? msg('net.trustsProblems', { source: c.trust.sourceText, problems: joinFailures(c.trust.problemsText) })
      : msg('net.trusts', { source: c.trust.sourceText });
  const diff = r.peerChain ? await trustDifferenceText(r.peerChain, false, c.trust, c.platform.env) : undefined;
  const advice = msg(selfSigned ? 'net.advice.selfSigned' : 'net.advice.untrusted');
  return words(
    'untrusted',
    selfSigned ? msg('net.short.selfSigned') : msg('net.short.untrusted', { issuer: t.issuer }),
    msg('net.cause.untrusted', { who, trusts, diff: diff ? msg('net.diff', { text: diff }) : '', advice }),
    { tls: t },
  );
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

function bodyHint(r: ProbeResult): Param {
  const s = r.status ?? 0;
  if (s === 401 || s === 403) return msg('net.hint.credentials');
  if (s === 407) return msg('net.hint.proxyAuth');
  if (s >= 500) return msg('net.hint.serverError');
  return '';
}

/** `DNS:a.example, IP Address:10.0.0.1` → `a.example, 10.0.0.1`. */
function altNames(text: string): string {
  return text.replace(/\b(DNS|IP Address):/g, '');
}

function proxyKind(display: string): Message {
  return msg(display.startsWith('socks5:') ? 'net.proxyKind.socks' : 'net.proxyKind.http');
}
