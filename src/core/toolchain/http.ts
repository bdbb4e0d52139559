// The HTTP client the installer uses: undici, reaching the network the way the go command does
// (HTTP(S)_PROXY / NO_PROXY routed by Go's rules, see src/core/net/netproxy.ts; Go's CA set when
// given, see src/core/net/trust.ts), following redirects (go.dev/dl/<file> redirects to the CDN),
// and network errors turned into short explanations that say whether a retry may help.
import type * as tls from 'node:tls';
import { Agent, Dispatcher, ProxyAgent, interceptors } from 'undici';
import { errorCode, errorMessage } from '../errors';
import { netProxyConfigFromEnv, proxyAuthorization, proxyForUrl, type NetProxyConfig } from '../net/netproxy';
import type { Platform } from '../platform';

export interface HttpTimeouts {
  connectMs: number;
  headersMs: number;
  /** Body idle time: no bytes for this long is a stall. */
  stallMs: number;
}

export interface DispatcherOptions {
  /** The CAs to trust (Go's set from loadGoTrust); Node's built-in list when absent. */
  secureContext?: tls.SecureContext;
}

/**
 * A dispatcher for the installer, routed like the go command on `platform.env` (so when
 * `go-env-doctor diagnose` finds a host reachable, the install reaches it the same way).
 */
export function createDispatcher(
  platform: Pick<Platform, 'env'>,
  timeouts: Pick<HttpTimeouts, 'connectMs'>,
  opts: DispatcherOptions = {},
): Dispatcher {
  return new GoRoutedDispatcher(netProxyConfigFromEnv(platform.env), timeouts.connectMs, opts.secureContext).compose(
    interceptors.redirect({ maxRedirections: 5 }),
  );
}

/** Picks a direct Agent or a ProxyAgent per request origin, creating each once. */
class GoRoutedDispatcher extends Dispatcher {
  private readonly agents = new Map<string, Dispatcher>();

  constructor(
    private readonly proxies: NetProxyConfig,
    private readonly connectMs: number,
    private readonly secureContext: tls.SecureContext | undefined,
  ) {
    super();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return this.agentFor(new URL(String(options.origin))).dispatch(options, handler);
  }

  private agentFor(url: URL): Dispatcher {
    const proxy = proxyForUrl(this.proxies, url);
    const key = proxy ? proxy.url.href : 'direct';
    let agent = this.agents.get(key);
    if (!agent) {
      const tlsOptions = this.secureContext ? { secureContext: this.secureContext } : {};
      // keepAlive off: a CLI gains nothing from TCP keep-alive, and undici's keep-alive connect fails under wine.
      const connect = { timeout: this.connectMs, keepAlive: false, ...tlsOptions };
      if (proxy) {
        const uri = new URL(proxy.url.href);
        uri.username = '';
        uri.password = '';
        const token = proxyAuthorization(proxy.url);
        agent = new ProxyAgent({
          uri: uri.href,
          ...(token ? { token } : {}),
          connect,
          requestTls: connect,
          proxyTls: connect,
        });
      } else {
        agent = new Agent({ connect });
      }
      this.agents.set(key, agent);
    }
    return agent;
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const done = Promise.all([...this.agents.values()].map((a) => a.close())).then(() => undefined);
    if (!callback) return done;
    done.then(callback, callback);
  }

  override destroy(): Promise<void>;
  override destroy(err: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(err: Error | null, callback: () => void): void;
  override destroy(a?: Error | null | (() => void), b?: () => void): Promise<void> | void {
    const err = typeof a === 'function' ? null : (a ?? null);
    const callback = typeof a === 'function' ? a : b;
    const done = Promise.all([...this.agents.values()].map((d) => d.destroy(err))).then(() => undefined);
    if (!callback) return done;
    done.then(callback, callback);
  }
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
