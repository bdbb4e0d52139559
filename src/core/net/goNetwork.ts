// How the ranking talks to mirrors and checksum databases the way the go command would: Go's CA
// set (SSL_CERT_FILE / SSL_CERT_DIR), HTTP(S)_PROXY / NO_PROXY routed by Go's rules.
//  - MirrorFetch: text resources of the module proxy protocol, through the step-by-step probe, so a
//    failure is explained (TLS verdict as Go sees it, refused, timeout...).
//  - HttpGet (httpGet.ts): binary checksum-database traffic (lookups, tiles) through undici.
import type { Dispatcher } from 'undici';
import type { Platform } from '../platform';
import { createDispatcher } from './dispatcher';
import { explainProbeErrorText } from './failureWords';
import { undiciGet, type HttpGet } from './httpGet';
import { netProxyConfigFromEnv } from './netproxy';
import { probeFollowingRedirects } from './probe';
import { loadGoTrust, type GoTrust } from './trust';
import type { Message } from '../i18n/message';
import { render } from '../i18n/render';

export type FetchResult =
  | { ok: true; status: number; body: string; contentType: string; ms: number; truncated: boolean }
  | { ok: false; reason: string; reasonText: Message; ms: number; aborted: boolean };

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

/** undici's own default. */
const CONNECT_MS = 10_000;

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
    if (r.error) {
      const reasonText = explainProbeErrorText(r.error, url, await trust);
      return {
        ok: false,
        reason: render(reasonText, 'en'),
        reasonText,
        ms: r.totalMs,
        aborted: r.error.kind === 'aborted',
      };
    }
    return {
      ok: true,
      status: r.status ?? 0,
      body: r.body,
      contentType: r.headers['content-type'] ?? '',
      ms: r.totalMs,
      truncated: r.truncated,
    };
  };
  // One dispatcher, made once Go's CA set is known; each request still has its own deadline.
  let dispatcher: Promise<Dispatcher> | undefined;
  const sumdbGet: HttpGet = async (url, o) => {
    dispatcher ??= trust.then((t) =>
      createDispatcher(p, { connectMs: CONNECT_MS }, { secureContext: t.secureContext }),
    );
    return undiciGet(await dispatcher)(url, o);
  };
  return {
    fetch,
    sumdbGet,
    trust,
    close: async () => {
      const d = dispatcher;
      dispatcher = undefined;
      if (d) await (await d).close().catch(() => undefined);
    },
  };
}
