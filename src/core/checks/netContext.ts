// What every network check of one diagnosis shares: one trust store (one TLS context), the
// HTTP(S)_PROXY routing, the per-probe timeout, the clock and the cancellation signal.
import type { Platform } from '../platform';
import type { ProbeOptions } from '../net/probe';
import type { GoTrust } from '../net/trust';
import type { NetProxyConfig } from '../net/netproxy';

export interface NetContext {
  /** Loaded once per diagnosis; probes await it only when they reach their TLS step. */
  trust: Promise<GoTrust>;
  netproxy: NetProxyConfig;
  timeoutMs: number;
  signal?: AbortSignal;
  platform: Platform;
  /** The options every probe of this diagnosis shares (all but the URL). */
  probeOptions(): Omit<ProbeOptions, 'url'>;
}

export function netContext(o: { trust: Promise<GoTrust>; netproxy: NetProxyConfig; timeoutMs: number; signal?: AbortSignal; platform: Platform }): NetContext {
  return {
    ...o,
    probeOptions: () => ({
      timeoutMs: o.timeoutMs,
      trust: o.trust,
      netproxy: o.netproxy,
      now: () => o.platform.now(),
      ...(o.signal ? { signal: o.signal } : {}),
    }),
  };
}
