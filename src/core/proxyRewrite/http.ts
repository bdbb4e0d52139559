// How the ranking talks to mirrors and checksum databases the way the go command would: Go's CA
// set (SSL_CERT_FILE / SSL_CERT_DIR), HTTP(S)_PROXY / NO_PROXY routed by Go's rules.
//  - MirrorFetch: text resources of the module proxy protocol, through the step-by-step probe, so a
//    failure is explained (TLS verdict as Go sees it, refused, timeout...).
//  - HttpGet (sumdb/httpGet.ts): binary checksum-database traffic (lookups, tiles) through undici.
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { netProxyConfigFromEnv, proxyAuthorization, proxyForUrl } from '../net/netproxy';
import { probeFollowingRedirects, type ProbeError } from '../net/probe';
import { loadGoTrust, type GoTrust } from '../net/trust';
import type { Platform } from '../platform';
import { redact } from '../redact';
import { undiciGet, type HttpGet } from '../sumdb/httpGet';

export type FetchResult =
  | { ok: true; status: number; body: string; contentType: string; ms: number; truncated: boolean }
  | { ok: false; reason: string; ms: number; aborted: boolean };

export type MirrorFetch = (
  url: URL,
  o: { timeoutMs: number; signal?: AbortSignal | undefined; maxBytes: number },
) => Promise<FetchResult>;

export interface GoNetwork {
  fetch: MirrorFetch;
  sumdbGet: HttpGet;
  trust: Promise<GoTrust>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

/** The network as the go command on this Platform sees it. */
export function goNetwork(p: Platform): GoNetwork {
  const trust = loadGoTrust(p);
  const netproxy = netProxyConfigFromEnv(p.env);
  const fetch: MirrorFetch = async (url, o) => {
    const r = await probeFollowingRedirects({
      url,
      timeoutMs: o.timeoutMs,
      signal: o.signal,
      trust,
      netproxy,
      bodyCap: o.maxBytes,
      now: p.now,
    });
    if (r.error)
      return {
        ok: false,
        reason: explainProbeError(r.error, url, await trust),
        ms: r.totalMs,
        aborted: r.error.kind === 'aborted',
      };
    return {
      ok: true,
      status: r.status ?? 0,
      body: r.body,
      contentType: r.headers['content-type'] ?? '',
      ms: r.totalMs,
      truncated: r.truncated,
    };
  };
  const dispatchers = new Map<string, Dispatcher>();
  const dispatcherFor = async (url: URL): Promise<Dispatcher> => {
    const secureContext = (await trust).secureContext;
    const proxy = proxyForUrl(netproxy, url);
    const key = proxy ? proxy.url.href : 'direct';
    let d = dispatchers.get(key);
    if (!d) {
      if (proxy) {
        const auth = proxyAuthorization(proxy.url);
        d = new ProxyAgent({
          uri: proxyUri(proxy.url),
          ...(auth ? { token: auth } : {}),
          requestTls: { secureContext },
          proxyTls: { secureContext },
        });
      } else {
        d = new Agent({ connect: { secureContext } });
      }
      dispatchers.set(key, d);
    }
    return d;
  };
  const sumdbGet: HttpGet = async (url, o) => undiciGet(await dispatcherFor(url))(url, o);
  return {
    fetch,
    sumdbGet,
    trust,
    close: async () => {
      await Promise.all([...dispatchers.values()].map((d) => d.close().catch(() => undefined)));
      dispatchers.clear();
    },
  };
}

function proxyUri(u: URL): string {
  const c = new URL(u.href);
  c.username = '';
  c.password = '';
  return c.href;
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
  return redact(`could not be reached${where ? ` ${where}` : ': '}${e.message}`);
}
