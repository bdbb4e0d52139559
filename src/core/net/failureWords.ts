// A network failure in words, for every HTTP client of the doctor: what went wrong, and whether
// trying the same URL again may help.
import { errorCode, errorMessage } from '../errors';
import { formatLimit } from '../units';
import { InsecureCredentialsError } from './credentials';
import type { ProbeError } from './probe';
import { RedirectRefusedError } from './redirectPolicy';
import type { GoTrust } from './trust';
import { redact } from '../redact';

export interface HttpTimeouts {
  connectMs: number;
  headersMs: number;
  /** Body idle time: no bytes for this long is a stall. */
  stallMs: number;
}

export interface NetFailure {
  /** "connection refused", "the transfer stalled (no data for 30 s)", ... */
  reason: string;
  /** Whether trying the same URL again may help. */
  retryable: boolean;
}

const TLS_HINT = 'a TLS certificate problem (run "go-env-doctor diagnose" to see why)';

export function describeNetError(err: unknown, timeouts: HttpTimeouts): NetFailure {
  if (err instanceof RedirectRefusedError) return { reason: err.message, retryable: false };
  if (err instanceof InsecureCredentialsError)
    return { reason: `${err.message}: the go command does not send credentials over plain http`, retryable: false };
  const code = errorCode(err) ?? '';
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { reason: `connecting timed out after ${formatLimit(timeouts.connectMs)}`, retryable: true };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { reason: `no response within ${formatLimit(timeouts.headersMs)}`, retryable: true };
    case 'UND_ERR_BODY_TIMEOUT':
      return { reason: `the transfer stalled (no data for ${formatLimit(timeouts.stallMs)})`, retryable: true };
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
    case 'ECONNRESET':
    case 'EPIPE':
      return { reason: 'the connection was closed mid-transfer', retryable: true };
    case 'ECONNREFUSED':
      return { reason: 'connection refused', retryable: true };
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'EAI_AGAIN':
      return { reason: `the network is unreachable (${code})`, retryable: true };
    case 'ENOTFOUND':
      return { reason: 'the host name does not resolve (ENOTFOUND)', retryable: false };
    case 'UND_ERR_PRX_TLS':
      return { reason: `the proxy connection failed: ${errorMessage(err)}`, retryable: false };
    default:
      if (/CERT|SELF_SIGNED|ERR_TLS|UNABLE_TO_/.test(code)) return { reason: `${TLS_HINT}: ${code}`, retryable: false };
      return { reason: code ? `${errorMessage(err)} (${code})` : errorMessage(err), retryable: true };
  }
}

/** A probe failure as one clause: "its TLS certificate expired on …", "refused the connection …". */
export function explainProbeError(e: ProbeError, url: URL, trust: GoTrust): string {
  const host = url.hostname;
  if (e.kind === 'tls' && e.tls) {
    const t = e.tls;
    switch (t.code) {
      case 'CERT_HAS_EXPIRED':
        return `its TLS certificate expired on ${t.validTo} (or this machine's clock is ahead), so the go command refuses it`;
      case 'CERT_NOT_YET_VALID':
        return `its TLS certificate is valid only from ${t.validFrom} (or this machine's clock is behind), so the go command refuses it`;
      case 'ERR_TLS_CERT_ALTNAME_INVALID':
        return `its TLS certificate is not valid for ${host}${t.altNames ? ` (it names ${t.altNames})` : ''}: a DNS hijack or captive portal?`;
      default:
        return `its TLS certificate is issued by ${t.issuer || 'an unknown CA'}, which the go command does not trust (it trusts ${trust.source}): a TLS-intercepting proxy? (${t.code})`;
    }
  }
  const where = e.kind === 'netproxy' ? 'through the HTTP proxy:' : '';
  return redact(`could not be reached${where ? ` ${where} ` : ': '}${e.message}`);
}
