// The one undici dispatcher factory: each request is routed as the go command routes it
// (HTTP(S)_PROXY / NO_PROXY, netproxy.ts) and verified against the CA set go trusts (trust.ts).
// It does not follow redirects: netRequest (request.ts) does, hop by hop, under the policy.
import type * as tls from 'node:tls';
import type { Dispatcher } from 'undici';
import { withoutUserinfo } from './credentials';
import type { Platform } from '../platform';
import { netProxyConfigFromEnv, proxyAuthorization, proxyForUrl, type NetProxyConfig } from './netproxy';
import { undici } from './undiciModule';

export interface DispatcherOptions {
  /** The CAs to trust (Go's set from loadGoTrust); Node's built-in list when absent. */
  secureContext?: tls.SecureContext | undefined;
}

interface RoutingOptions extends DispatcherOptions {
  connectMs: number;
}

/**
 * A dispatcher routed like the go command on `platform.env`, so that when `go-env-doctor diagnose`
 * finds a host reachable, every other request reaches it the same way.
 */
export function createDispatcher(
  platform: Pick<Platform, 'env'>,
  timeouts: { connectMs: number },
  opts: DispatcherOptions = {},
): Dispatcher {
  const GoRouted = goRoutedDispatcher();
  return new GoRouted(netProxyConfigFromEnv(platform.env), { ...opts, connectMs: timeouts.connectMs });
}

type RoutedDispatcherClass = new (proxies: NetProxyConfig, opts: RoutingOptions) => Dispatcher;
let routedClass: RoutedDispatcherClass | undefined;

/** The class, defined on first use: its base is undici's Dispatcher, loaded then (undiciModule.ts). */
function goRoutedDispatcher(): RoutedDispatcherClass {
  if (routedClass) return routedClass;
  const { Agent, Dispatcher: Base, ProxyAgent } = undici();

  /** Picks a direct Agent or a ProxyAgent per request origin, creating each once. */
  class GoRoutedDispatcher extends Base {
    private readonly agents = new Map<string, Dispatcher>();

    constructor(
      private readonly proxies: NetProxyConfig,
      private readonly opts: RoutingOptions,
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
        const tlsOptions = this.opts.secureContext ? { secureContext: this.opts.secureContext } : {};
        // keepAlive: false: undici's default socket options fail under wine; a CLI loses nothing.
        const connect = { timeout: this.opts.connectMs, keepAlive: false, ...tlsOptions };
        if (proxy) {
          const token = proxyAuthorization(proxy.url);
          agent = new ProxyAgent({
            uri: withoutUserinfo(proxy.url).href,
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
  return (routedClass = GoRoutedDispatcher);
}
