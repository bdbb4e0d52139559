// What every network check of one diagnosis shares: one trust store (one TLS context), the
// HTTP(S)_PROXY routing, the per-probe timeout, the clock and the cancellation signal.
import type { Platform } from '../platform';
import type { ProbeOptions } from '../net/probe';
import type { GoTrust } from '../net/trust';
import type { NetProxyConfig } from '../net/netproxy';
import { hostLookup } from '../net/resolverLookup';

export interface NetContext {
  /** Loaded at most once per diagnosis, on first use (a probe's TLS step, say). */
  trust: () => Promise<GoTrust>;
  netproxy: NetProxyConfig;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  platform: Platform;
  /** The options every probe of this diagnosis shares (all but the URL). */
  probeOptions(): Omit<ProbeOptions, 'url'>;
}

export function netContext(o: {
  trust: () => Promise<GoTrust>;
  netproxy: NetProxyConfig;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  platform: Platform;
}): NetContext {
  let loaded: Promise<GoTrust> | undefined;
  const trust = (): Promise<GoTrust> => (loaded ??= o.trust());
  const lookup = hostLookup(o.platform);
  return {
    ...o,
    trust,
    probeOptions: () => ({
      timeoutMs: o.timeoutMs,
      trust,
      netproxy: o.netproxy,
      now: () => o.platform.now(),
      ...(lookup ? { lookup } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    }),
  };
}
