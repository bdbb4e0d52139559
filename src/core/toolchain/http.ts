// The HTTP client the installer uses: undici with the proxy taken from the Platform's
// environment (not process.env), redirects followed (go.dev/dl/<file> redirects to the CDN),
// and network errors turned into short explanations that say whether a retry may help.
import { EnvHttpProxyAgent, interceptors, type Dispatcher } from 'undici';
import { errorCode, errorMessage } from '../errors';
import type { Platform } from '../platform';

export interface HttpTimeouts {
  connectMs: number;
  headersMs: number;
  /** Body idle time: no bytes for this long is a stall. */
  stallMs: number;
}

/** A dispatcher for the installer; honours HTTP(S)_PROXY / NO_PROXY from `platform.env`. */
export function createDispatcher(platform: Pick<Platform, 'env'>, timeouts: Pick<HttpTimeouts, 'connectMs'>): Dispatcher {
  const env = platform.env;
  const agent = new EnvHttpProxyAgent({
    // '' (not undefined) so undici does not fall back to process.env.
    httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
    httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
    noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
    connect: { timeout: timeouts.connectMs },
  });
  return agent.compose(interceptors.redirect({ maxRedirections: 5 }));
}

export interface NetFailure {
  /** "connection refused", "the transfer stalled (no data for 30 s)", ... */
  reason: string;
  /** Whether trying the same URL again may help. */
  retryable: boolean;
}

const TLS_HINT = 'a TLS certificate problem (run "go-env-doctor diagnose" to see why)';

export function describeNetError(err: unknown, timeouts: HttpTimeouts): NetFailure {
  const code = errorCode(err) ?? '';
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { reason: `connecting timed out after ${seconds(timeouts.connectMs)}`, retryable: true };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { reason: `no response within ${seconds(timeouts.headersMs)}`, retryable: true };
    case 'UND_ERR_BODY_TIMEOUT':
      return { reason: `the transfer stalled (no data for ${seconds(timeouts.stallMs)})`, retryable: true };
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

export function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
