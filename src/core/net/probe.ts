// One URL probed step by step, timing each step: DNS, TCP connect, (HTTP proxy: connect to it and
// CONNECT through it), TLS handshake with Go's CA set, then one HTTP/1.1 GET with a small body cap.
// Node's net/tls/http are used directly because per-step timings need them. A probe never throws:
// every failure is a value naming the step, a kind and the code, and every socket is destroyed.
import type * as net from 'node:net';
import { hasUserinfo } from './credentials';
import { proxyForUrl } from './netproxy';
import { redact } from '../redact';
import { connect, resolve } from './probeDial';
import { request } from './probeHttp';
import { handshake } from './probeTls';
import { connectTunnel, proxyTls, socksTunnel } from './probeTunnel';
import {
  ABORTED,
  awaitTrust,
  hostForRequest,
  ProbeFailure,
  probeError,
  since,
  stepText,
  TIMEOUT,
  unbracket,
  untilAborted,
  type ProbeError,
  type ProbeErrorKind,
  type ProbeOptions,
  type ProbeResult,
  type ProbeStep,
  type StepContext,
} from './probeTypes';
import { verbatim } from '../i18n/findingText';
import { msg } from '../i18n/message';

export type {
  ProbeError,
  ProbeErrorKind,
  ProbeOptions,
  ProbeResult,
  ProbeStep,
  ProbeSteps,
  HostLookup,
  TlsFailureInfo,
} from './probeTypes';
export { DEFAULT_BODY_CAP } from './probeTypes';
export { UNTRUSTED_CERT_CODES } from './probeTls';

export async function probe(opts: ProbeOptions): Promise<ProbeResult> {
  const started = performance.now();
  const url = opts.url;
  const proxy = opts.netproxy ? proxyForUrl(opts.netproxy, url) : undefined;
  const result: ProbeResult = { url: redact(url.href), steps: {}, headers: {}, body: '', truncated: false, totalMs: 0 };
  if (proxy) result.via = { display: proxy.display, variable: proxy.variable };

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMEOUT), opts.timeoutMs);
  const onAbort = (): void => controller.abort(ABORTED);
  if (opts.signal?.aborted) controller.abort(ABORTED);
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  const sockets: net.Socket[] = [];
  let step: ProbeStep = 'dns';
  let t = performance.now(); // when the current step started
  const ctx: StepContext = { signal: controller.signal, sockets, now: opts.now ?? Date.now, lookup: opts.lookup };

  try {
    // cmd/go refuses before dialing ("refusing to pass credentials to insecure URL"), loopback too.
    if (url.protocol === 'http:' && hasUserinfo(url)) {
      // The go command's own words, quoted as they are.
      const words = `refusing to pass credentials to insecure URL ${redact(url.href)}`;
      throw new ProbeFailure(
        probeError({ kind: 'insecureCredentials', step: 'http', code: 'INSECURE_CREDENTIALS' }, verbatim(words)),
      );
    }
    const isHttps = url.protocol === 'https:';
    const targetHost = unbracket(url.hostname);
    const targetPort = Number(url.port || (isHttps ? 443 : 80));
    const dialHost = proxy ? unbracket(proxy.url.hostname) : targetHost;
    const dialPort = proxy ? proxyPort(proxy.url) : targetPort;
    const socks = proxy?.url.protocol === 'socks5:';

    t = performance.now();
    const addresses = await resolve(dialHost, ctx, !!proxy);
    result.steps.dnsMs = since(t);
    result.addresses = addresses;

    step = 'connect';
    t = performance.now();
    let socket: net.Socket = await connect(addresses, dialPort, ctx, !!proxy);
    result.steps.connectMs = since(t);
    if (socket.remoteAddress) result.connectedTo = socket.remoteAddress;

    if (proxy) {
      step = 'proxyConnect';
      t = performance.now();
      if (proxy.url.protocol === 'https:') socket = await proxyTls(socket, proxy, opts, ctx);
      if (socks) socket = await socksTunnel(socket, targetHost, targetPort, proxy, ctx);
      else if (isHttps) socket = await connectTunnel(socket, `${hostForRequest(targetHost)}:${targetPort}`, proxy, ctx);
      result.steps.proxyConnectMs = since(t);
    }

    if (isHttps) {
      step = 'tls';
      t = performance.now();
      const trust = await untilAborted(awaitTrust(opts), ctx.signal);
      const out = await handshake(socket, targetHost, trust, ctx);
      result.peerChain = out.chain;
      socket = out.socket;
      result.steps.tlsMs = since(t);
    }

    step = 'http';
    t = performance.now();
    const absolute = !!proxy && !socks && !isHttps; // plain http through an HTTP proxy: absolute-form request
    await request(socket, url, absolute ? proxy : undefined, opts, ctx, result);
    result.steps.httpMs = since(t);
  } catch (err) {
    // A lookup that failed or timed out took time too: a slow resolver shows in the waterfall.
    if (step === 'dns') result.steps.dnsMs = since(t);
    result.error = classify(err, step, controller.signal, opts.timeoutMs, !!proxy);
    if (err instanceof ProbeFailure && err.chain && err.chain.length > 0) result.peerChain = err.chain;
  } finally {
    result.totalMs = endProbe(timer, opts.signal, onAbort, sockets, started);
  }
  return result;
}

/** `probe` following up to `max` redirects (301/302/303/307/308), as Go's HTTP client does, within one timeout. */
export async function probeFollowingRedirects(
  opts: ProbeOptions,
  max = 10,
): Promise<ProbeResult & { redirects: string[] }> {
  const started = performance.now();
  const redirects: string[] = [];
  let url = opts.url;
  for (;;) {
    const remaining = Math.max(1, opts.timeoutMs - since(started));
    const r = await probe({ ...opts, url, timeoutMs: remaining });
    const location = r.headers.location;
    if (
      !r.error &&
      r.status !== undefined &&
      [301, 302, 303, 307, 308].includes(r.status) &&
      location &&
      redirects.length < max
    ) {
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return { ...r, redirects, totalMs: since(started) };
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return { ...r, redirects, totalMs: since(started) };
      redirects.push(redact(next.href));
      url = next;
      continue;
    }
    return { ...r, redirects, totalMs: since(started) };
  }
}

export interface TcpProbeResult {
  ok: boolean;
  dnsMs?: number;
  connectMs?: number;
  totalMs: number;
  error?: ProbeError;
}

/** DNS + TCP connect only (e.g. to an HTTP proxy), with the same timeout and abort handling. */
export async function probeTcp(
  host: string,
  port: number,
  o: { timeoutMs: number; signal?: AbortSignal },
): Promise<TcpProbeResult> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMEOUT), o.timeoutMs);
  const onAbort = (): void => controller.abort(ABORTED);
  if (o.signal?.aborted) controller.abort(ABORTED);
  else o.signal?.addEventListener('abort', onAbort, { once: true });
  const sockets: net.Socket[] = [];
  const ctx: StepContext = { signal: controller.signal, sockets, now: Date.now };
  const out: TcpProbeResult = { ok: false, totalMs: 0 };
  let step: ProbeStep = 'dns';
  let t = performance.now(); // when the current step started
  try {
    const addrs = await resolve(unbracket(host), ctx, false);
    out.dnsMs = since(t);
    step = 'connect';
    t = performance.now();
    await connect(addrs, port, ctx, false);
    out.connectMs = since(t);
    out.ok = true;
  } catch (err) {
    if (step === 'dns') out.dnsMs = since(t);
    out.error = classify(err, step, controller.signal, o.timeoutMs, false);
  } finally {
    out.totalMs = endProbe(timer, o.signal, onAbort, sockets, started);
  }
  return out;
}

/** The port of a proxy URL, with each scheme's default. */
export function proxyPort(url: URL): number {
  return Number(url.port || (url.protocol === 'https:' ? 443 : url.protocol === 'socks5:' ? 1080 : 80));
}

function classify(
  err: unknown,
  step: ProbeStep,
  signal: AbortSignal,
  timeoutMs: number,
  viaProxy: boolean,
): ProbeError {
  if (err === TIMEOUT || (signal.aborted && signal.reason === TIMEOUT && !(err instanceof ProbeFailure))) {
    const kind: ProbeErrorKind = viaProxy && (step === 'dns' || step === 'connect') ? 'netproxy' : 'timeout';
    return probeError({ kind, step, code: 'ETIMEDOUT' }, msg('probe.timeout', { ms: timeoutMs, step: stepText(step) }));
  }
  if (err === ABORTED || (signal.aborted && signal.reason === ABORTED)) {
    return probeError({ kind: 'aborted', step, code: 'ABORT_ERR' }, msg('probe.cancelled'));
  }
  if (err instanceof ProbeFailure) return err.info;
  const e = err as NodeJS.ErrnoException;
  return probeError({ kind: 'http', step, code: e?.code ?? 'EUNKNOWN' }, verbatim(redact(e?.message ?? String(err))));
}

/** Every probe ends alike: no timer, no abort listener, no open socket; returns its total time. */
function endProbe(
  timer: ReturnType<typeof setTimeout>,
  signal: AbortSignal | undefined,
  onAbort: () => void,
  sockets: Iterable<{ destroy(): void }>,
  started: number,
): number {
  clearTimeout(timer);
  signal?.removeEventListener('abort', onAbort);
  for (const s of sockets) s.destroy();
  return since(started);
}
