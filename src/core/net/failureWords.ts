// A network failure in words, for every HTTP client of the doctor: what went wrong, and whether
// trying the same URL again may help.
import { errorCode, errorMessage } from '../errors';
import { formatLimit } from '../units';
import { InsecureCredentialsError } from './credentials';
import type { ProbeError } from './probe';
import { RedirectRefusedError } from './redirectPolicy';
import type { GoTrust } from './trust';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

export interface HttpTimeouts {
  connectMs: number;
  headersMs: number;
  /** Body idle time: no bytes for this long is a stall. */
  stallMs: number;
}

export interface NetFailure {
  /** "connection refused", "the transfer stalled (no data for 30 s)", ... */
  reason: string;
  /** `reason` as a catalog Message (absent: `reason` is shown as it is). */
  reasonText?: Message;
  /** Whether trying the same URL again may help. */
  retryable: boolean;
}

export function describeNetError(err: unknown, timeouts: HttpTimeouts): Required<NetFailure> {
  const { text, retryable } = netErrorWords(err, timeouts);
  return { reason: render(text, 'en'), reasonText: text, retryable };
}

function netErrorWords(err: unknown, timeouts: HttpTimeouts): { text: Message; retryable: boolean } {
  const fails = (text: Message) => ({ text, retryable: false });
  const retry = (text: Message) => ({ text, retryable: true });
  if (err instanceof RedirectRefusedError) return fails(err.text);
  if (err instanceof InsecureCredentialsError)
    return fails(msg('net.reason.insecureCredentials', { error: err.message }));
  const code = errorCode(err) ?? '';
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return retry(msg('net.reason.connectTimeout', { limit: formatLimit(timeouts.connectMs) }));
    case 'UND_ERR_HEADERS_TIMEOUT':
      return retry(msg('net.reason.headersTimeout', { limit: formatLimit(timeouts.headersMs) }));
    case 'UND_ERR_BODY_TIMEOUT':
      return retry(msg('net.reason.stalled', { limit: formatLimit(timeouts.stallMs) }));
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
    case 'ECONNRESET':
    case 'EPIPE':
      return retry(msg('net.reason.closed'));
    case 'ECONNREFUSED':
      return retry(msg('net.reason.refused'));
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'EAI_AGAIN':
      return retry(msg('net.reason.unreachable', { code }));
    case 'ENOTFOUND':
      return fails(msg('net.reason.notFound'));
    case 'UND_ERR_PRX_TLS':
      return fails(msg('net.reason.proxyFailed', { error: errorMessage(err) }));
    default:
      if (/CERT|SELF_SIGNED|ERR_TLS|UNABLE_TO_/.test(code)) return fails(msg('net.reason.tls', { code }));
      return retry(
        code
          ? msg('net.reason.withCode', { error: errorMessage(err), code })
          : msg('common.verbatim', { text: errorMessage(err) }),
      );
  }
}

/** A probe failure as one clause: "its TLS certificate expired on …", "refused the connection …". */
export function explainProbeErrorText(e: ProbeError, url: URL, trust: GoTrust): Message {
  const host = url.hostname;
  if (e.kind === 'tls' && e.tls) {
    const t = e.tls;
    switch (t.code) {
      case 'CERT_HAS_EXPIRED':
        return msg('net.explain.expired', { date: t.validTo });
      case 'CERT_NOT_YET_VALID':
        return msg('net.explain.notYetValid', { date: t.validFrom });
      case 'ERR_TLS_CERT_ALTNAME_INVALID':
        return t.altNames
          ? msg('net.explain.altNameNames', { host, names: t.altNames })
          : msg('net.explain.altName', { host });
      default:
        return msg('net.explain.untrusted', {
          issuer: t.issuer || msg('net.explain.unknownCa'),
          source: trust.sourceText,
          code: t.code,
        });
    }
  }
  const error = e.text;
  return e.kind === 'netproxy'
    ? msg('net.explain.unreachableProxy', { error })
    : msg('net.explain.unreachable', { error });
}
