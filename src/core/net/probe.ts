// One URL probed step by step, timing each step: DNS, TCP connect, (HTTP proxy: connect to it and
// CONNECT through it), TLS handshake with Go's CA set, then one HTTP/1.1 GET with a small body cap.
// Node's net/tls/http are used directly because per-step timings need them. A probe never throws:
// every failure is a value naming the step, a kind and the code, and every socket is destroyed.
import * as dns from 'node:dns';
import * as net from 'node:net';
import * as tls from 'node:tls';
import * as http from 'node:http';
import { X509Certificate } from 'node:crypto';
import type { GoTrust } from './trust';
import { displayName } from './trust';
import { type NetProxyConfig, type ProxySetting, proxyAuthorization, proxyForUrl } from './netproxy';
import { redact } from '../redact';
import { Socks5Error, socks5Connect } from './socks5';

export type ProbeStep = 'dns' | 'connect' | 'proxyConnect' | 'tls' | 'http';
export type ProbeErrorKind = 'dns' | 'refused' | 'timeout' | 'reset' | 'tls' | 'netproxy' | 'http' | 'aborted';

export interface TlsFailureInfo {
  /** OpenSSL/Node code after ordering failures as Go does: CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID... */
  code: string;
  /** The CA the chain leads to (for an untrusted chain: the one Go does not know). */
  issuer: string;
  /** The leaf certificate's subject. */
  subject: string;
  validFrom: string;
  validTo: string;
  /** The names the leaf certificate is valid for (`DNS:a, IP Address:1.2.3.4`). */
  altNames?: string;
}

export interface ProbeError {
  kind: ProbeErrorKind;
  step: ProbeStep;
  code: string;
  message: string;
  tls?: TlsFailureInfo;
}

export interface ProbeSteps {
  dnsMs?: number;
  connectMs?: number;
  proxyConnectMs?: number;
  tlsMs?: number;
  httpMs?: number;
}

export interface ProbeResult {
  /** The probed URL, credentials redacted. */
  url: string;
  steps: ProbeSteps;
  /** Set once response headers arrived. */
  status?: number | undefined;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** The body was longer than the cap and was cut there. */
  truncated: boolean;
  /** From sending the request to the response headers: bounds when the server wrote `Date`. */
  rttMs?: number;
  /** `now()` when the response headers arrived. */
  responseAt?: number;
  /** The HTTP proxy the request went through (as the go command would route it). */
  via?: { display: string; variable: string };
  /** Addresses DNS returned (of the proxy, when one is used). */
  addresses?: string[];
  /** The certificates the server presented, leaf first (TLS only, when the handshake got that far). */
  peerChain?: X509Certificate[];
  totalMs: number;
  error?: ProbeError;
}

export interface ProbeOptions {
  url: URL;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Required for https:// URLs and https:// proxies: the CA set of the go command. */
  trust?: GoTrust | Promise<GoTrust> | (() => Promise<GoTrust>);
  /** HTTP(S)_PROXY / NO_PROXY routing; omitted means direct. */
  netproxy?: NetProxyConfig;
  /** Default 64 KiB. */
  bodyCap?: number;
  /** Wall clock for `responseAt` (Platform.now). */
  now?: () => number;
  headers?: Record<string, string>;
}

export const DEFAULT_BODY_CAP = 64 * 1024;
const USER_AGENT = 'go-env-doctor';

class ProbeFailure extends Error {
  constructor(
    readonly info: ProbeError,
    /** The peer chain, for TLS failures (kept out of `info`, which must stay plain data). */
    readonly chain?: X509Certificate[],
  ) {
    super(info.message);
  }
}

const TIMEOUT = Symbol('timeout');
const ABORTED = Symbol('aborted');

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
  const ctx: StepContext = { signal: controller.signal, sockets, now: opts.now ?? Date.now };

  try {
    const isHttps = url.protocol === 'https:';
    const targetHost = unbracket(url.hostname);
    const targetPort = Number(url.port || (isHttps ? 443 : 80));
    const dialHost = proxy ? unbracket(proxy.url.hostname) : targetHost;
    const dialPort = proxy ? proxyPort(proxy.url) : targetPort;
    const socks = proxy?.url.protocol === 'socks5:';

    let t = performance.now();
    const addresses = await resolve(dialHost, ctx, !!proxy);
    result.steps.dnsMs = since(t);
    result.addresses = addresses;

    step = 'connect';
    t = performance.now();
    let socket: net.Socket = await connect(addresses, dialPort, ctx, !!proxy);
    result.steps.connectMs = since(t);

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
    result.error = classify(err, step, controller.signal, opts.timeoutMs, !!proxy);
    if (err instanceof ProbeFailure && err.chain && err.chain.length > 0) result.peerChain = err.chain;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    for (const s of sockets) s.destroy();
    result.totalMs = since(started);
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
  try {
    let t = performance.now();
    const addrs = await resolve(unbracket(host), ctx, false);
    out.dnsMs = since(t);
    step = 'connect';
    t = performance.now();
    await connect(addrs, port, ctx, false);
    out.connectMs = since(t);
    out.ok = true;
  } catch (err) {
    out.error = classify(err, step, controller.signal, o.timeoutMs, false);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
    for (const s of sockets) s.destroy();
    out.totalMs = since(started);
  }
  return out;
}

/** The port of a proxy URL, with each scheme's default. */
export function proxyPort(url: URL): number {
  return Number(url.port || (url.protocol === 'https:' ? 443 : url.protocol === 'socks5:' ? 1080 : 80));
}

// ---------------------------------------------------------------------------------------------

interface StepContext {
  signal: AbortSignal;
  sockets: net.Socket[];
  now: () => number;
}

function since(t: number): number {
  return Math.round((performance.now() - t) * 10) / 10;
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function hostForRequest(host: string): string {
  return net.isIPv6(host) ? `[${host}]` : host;
}

/** Rejects when the probe is cut short, so a hung step (getaddrinfo cannot be cancelled) never blocks. */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

async function awaitTrust(opts: ProbeOptions): Promise<GoTrust> {
  const t = opts.trust;
  if (!t) throw new Error('probe: https:// needs the trust store (ProbeOptions.trust)');
  return typeof t === 'function' ? t() : t;
}

async function resolve(host: string, ctx: StepContext, toProxy: boolean): Promise<string[]> {
  if (net.isIP(host) !== 0) return [host]; // Go does not look up IP literals
  try {
    const all = await untilAborted(dns.promises.lookup(host, { all: true, verbatim: true }), ctx.signal);
    return all.map((a) => a.address);
  } catch (err) {
    if (typeof err === 'symbol') throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'EDNS';
    const message =
      code === 'ENOTFOUND' ? `the name ${host} does not resolve (ENOTFOUND)` : `looking up ${host} failed (${code})`;
    throw new ProbeFailure({ kind: toProxy ? 'netproxy' : 'dns', step: 'dns', code, message });
  }
}

/** Tries each address in turn, as Go's dialer does for one address family. */
async function connect(addresses: string[], port: number, ctx: StepContext, toProxy: boolean): Promise<net.Socket> {
  let last: NodeJS.ErrnoException | undefined;
  for (const address of addresses) {
    try {
      return await connectOne(address, port, ctx);
    } catch (err) {
      if (typeof err === 'symbol') throw err;
      last = err as NodeJS.ErrnoException;
    }
  }
  const code = last?.code ?? 'ECONNREFUSED';
  const where =
    addresses.length === 1 ? `${hostForRequest(addresses[0]!)}:${port}` : `port ${port} of ${addresses.join(', ')}`;
  const kind: ProbeErrorKind = toProxy
    ? 'netproxy'
    : code === 'ETIMEDOUT'
      ? 'timeout'
      : code === 'ECONNRESET'
        ? 'reset'
        : 'refused';
  const what =
    code === 'ECONNREFUSED'
      ? 'refused the connection'
      : code === 'ETIMEDOUT'
        ? 'did not accept the connection in time'
        : `could not be reached (${code})`;
  throw new ProbeFailure({
    kind,
    step: 'connect',
    code,
    message: `${where} ${what}${code === 'ECONNREFUSED' ? ' (ECONNREFUSED)' : ''}`,
  });
}

function connectOne(host: string, port: number, ctx: StepContext): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (ctx.signal.aborted) return reject(ctx.signal.reason);
    const socket = net.connect({ host, port });
    ctx.sockets.push(socket);
    const onAbort = (): void => {
      socket.destroy();
      reject(ctx.signal.reason);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    const onError = (err: Error): void => {
      ctx.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(err);
    };
    socket.once('connect', () => {
      ctx.signal.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      socket.on('error', () => undefined); // later errors surface in the next step
      resolve(socket);
    });
    socket.on('error', onError);
  });
}

async function proxyTls(
  socket: net.Socket,
  proxy: ProxySetting,
  opts: ProbeOptions,
  ctx: StepContext,
): Promise<net.Socket> {
  const trust = await untilAborted(awaitTrust(opts), ctx.signal);
  try {
    return (await handshake(socket, unbracket(proxy.url.hostname), trust, ctx)).socket;
  } catch (err) {
    if (err instanceof ProbeFailure) {
      throw new ProbeFailure({
        ...err.info,
        kind: 'netproxy',
        step: 'proxyConnect',
        message: `TLS to the proxy ${proxy.display} failed: ${err.info.message}`,
      });
    }
    throw err;
  }
}

/** HTTP CONNECT through the proxy; resolves with the tunnelled socket. */
function connectTunnel(
  socket: net.Socket,
  authority: string,
  proxy: ProxySetting,
  ctx: StepContext,
): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (ctx.signal.aborted) return reject(ctx.signal.reason);
    const headers: Record<string, string> = { Host: authority, 'User-Agent': USER_AGENT };
    const auth = proxyAuthorization(proxy.url);
    if (auth) headers['Proxy-Authorization'] = auth;
    // ClientRequest, not http.request: VS Code's proxy support replaces http.request in the
    // extension host with one that ignores createConnection.
    const req = new http.ClientRequest({ method: 'CONNECT', path: authority, headers, createConnection: () => socket });
    const onAbort = (): void => {
      req.destroy();
      reject(ctx.signal.reason);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    req.once('connect', (res: http.IncomingMessage, tunnel: net.Socket, head: Buffer) => {
      ctx.signal.removeEventListener('abort', onAbort);
      ctx.sockets.push(tunnel);
      if (res.statusCode !== 200) {
        tunnel.destroy();
        const status = res.statusCode ?? 0;
        const hint =
          status === 407
            ? proxyAuthorization(proxy.url)
              ? ': the credentials in the proxy URL were rejected'
              : ': the proxy wants credentials (http://user:password@host:port)'
            : status === 403
              ? ': the proxy does not allow this destination'
              : status === 502 || status === 503 || status === 504
                ? `: the proxy could not reach ${authority}`
                : '';
        const statusText = `${status} ${res.statusMessage ?? ''}`.trim();
        reject(
          new ProbeFailure({
            kind: 'netproxy',
            step: 'proxyConnect',
            code: `HTTP_${status}`,
            message: `the proxy ${proxy.display} answered "${statusText}" to CONNECT ${authority}${hint}`,
          }),
        );
        return;
      }
      if (head.length > 0) tunnel.unshift(head);
      resolve(tunnel);
    });
    req.on('error', (err) => {
      ctx.signal.removeEventListener('abort', onAbort);
      reject(
        new ProbeFailure({
          kind: 'netproxy',
          step: 'proxyConnect',
          code: (err as NodeJS.ErrnoException).code ?? 'EPROXY',
          message: `the proxy ${proxy.display} dropped the CONNECT request (${err.message})`,
        }),
      );
    });
    req.end();
  });
}

/** SOCKS5 CONNECT through the proxy, failures reported as proxy failures. */
async function socksTunnel(
  socket: net.Socket,
  host: string,
  port: number,
  proxy: ProxySetting,
  ctx: StepContext,
): Promise<net.Socket> {
  try {
    await socks5Connect(socket, host, port, proxy.url, ctx.signal);
    return socket;
  } catch (err) {
    if (err instanceof Socks5Error) {
      throw new ProbeFailure({
        kind: 'netproxy',
        step: 'proxyConnect',
        code: err.code,
        message: `the SOCKS5 proxy ${proxy.display} ${err.message}`,
      });
    }
    throw err;
  }
}

function handshake(
  raw: net.Socket,
  host: string,
  trust: GoTrust,
  ctx: StepContext,
): Promise<{ socket: tls.TLSSocket; chain: X509Certificate[] }> {
  return new Promise((resolve, reject) => {
    if (ctx.signal.aborted) return reject(ctx.signal.reason);
    const options: tls.ConnectionOptions = {
      socket: raw,
      host, // what Node checks the certificate's names against
      secureContext: trust.secureContext,
      rejectUnauthorized: true,
      ALPNProtocols: ['http/1.1'],
    };
    if (net.isIP(host) === 0) options.servername = host; // SNI carries names only
    const socket = tls.connect(options);
    ctx.sockets.push(socket);
    let chain: X509Certificate[] = [];
    let peer: tls.DetailedPeerCertificate | undefined;
    // Runs before Node's own verification, which destroys an untrusted socket: keep the chain.
    socket.prependListener('secure', () => {
      peer = socket.getPeerCertificate(true);
      chain = chainOf(peer);
    });
    const onAbort = (): void => {
      socket.destroy();
      reject(ctx.signal.reason);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    const onError = (err: NodeJS.ErrnoException): void => {
      ctx.signal.removeEventListener('abort', onAbort);
      reject(tlsFailure(err, host, chain, peer));
    };
    socket.once('secureConnect', () => {
      ctx.signal.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      socket.on('error', () => undefined); // later errors surface in the HTTP step
      resolve({ socket, chain });
    });
    socket.on('error', onError);
  });
}

function chainOf(peer: tls.DetailedPeerCertificate | undefined): X509Certificate[] {
  const out: X509Certificate[] = [];
  const seen = new Set<string>();
  let cur: tls.DetailedPeerCertificate | undefined = peer;
  while (cur && cur.raw && !seen.has(cur.fingerprint256)) {
    seen.add(cur.fingerprint256);
    try {
      out.push(new X509Certificate(cur.raw));
    } catch {
      break;
    }
    cur = cur.issuerCertificate;
  }
  return out;
}

/** Verification codes that mean "the issuer is not one Go trusts" (vs expired, wrong host...). */
export const UNTRUSTED_CERT_CODES: ReadonlySet<string> = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
  'INVALID_CA',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
]);

const CERT_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  ...UNTRUSTED_CERT_CODES,
]);

function tlsFailure(
  err: NodeJS.ErrnoException,
  host: string,
  chain: X509Certificate[],
  peer: tls.DetailedPeerCertificate | undefined,
): unknown {
  const code = err.code ?? 'ETLS';
  if (!CERT_CODES.has(code)) {
    if (code === 'ECONNRESET' || /socket disconnected/i.test(err.message)) {
      return new ProbeFailure({
        kind: 'reset',
        step: 'tls',
        code: 'ECONNRESET',
        message: `the connection was closed during the TLS handshake with ${host}`,
      });
    }
    return new ProbeFailure({
      kind: 'tls',
      step: 'tls',
      code,
      message: `the TLS handshake with ${host} failed: ${err.message}`,
    });
  }
  const leaf = chain[0];
  // Go checks the leaf's dates first, then the host name, then builds the chain; OpenSSL reports
  // an unknown issuer before either. Reorder so the verdict is the one the go command prints.
  let goCode = code;
  if (leaf) {
    const now = Date.now();
    if (now > Date.parse(leaf.validTo)) goCode = 'CERT_HAS_EXPIRED';
    else if (now < Date.parse(leaf.validFrom)) goCode = 'CERT_NOT_YET_VALID';
    else if (peer && tls.checkServerIdentity(host, peer) !== undefined) goCode = 'ERR_TLS_CERT_ALTNAME_INVALID';
  }
  const top = chain[chain.length - 1];
  const untrusted = !['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID'].includes(goCode);
  const info: TlsFailureInfo = {
    code: goCode,
    issuer: displayName((untrusted ? top?.issuer : leaf?.issuer) ?? ''),
    subject: displayName(leaf?.subject ?? ''),
    validFrom: leaf ? new Date(leaf.validFrom).toISOString() : '',
    validTo: leaf ? new Date(leaf.validTo).toISOString() : '',
  };
  if (leaf?.subjectAltName) info.altNames = leaf.subjectAltName;
  return new ProbeFailure(
    {
      kind: 'tls',
      step: 'tls',
      code: goCode,
      message: `certificate verification failed for ${host}: ${goCode === code ? err.message : goCode}`,
      tls: info,
    },
    chain,
  );
}

function request(
  socket: net.Socket,
  url: URL,
  proxy: ProxySetting | undefined,
  opts: ProbeOptions,
  ctx: StepContext,
  result: ProbeResult,
): Promise<void> {
  const cap = opts.bodyCap ?? DEFAULT_BODY_CAP;
  return new Promise((resolve, reject) => {
    if (ctx.signal.aborted) return reject(ctx.signal.reason);
    const headers: Record<string, string> = {
      Host: url.host,
      'User-Agent': USER_AGENT,
      Accept: '*/*',
      'Accept-Encoding': 'identity',
      Connection: 'close',
      ...opts.headers,
    };
    if (url.username !== '' || url.password !== '') {
      // Go sends GOPROXY userinfo as basic auth.
      headers.Authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    }
    if (proxy) {
      const auth = proxyAuthorization(proxy.url);
      if (auth) headers['Proxy-Authorization'] = auth;
    }
    const target = new URL(url.href);
    target.username = '';
    target.password = '';
    target.hash = '';
    // ClientRequest, not http.request: see the CONNECT request above.
    const req = new http.ClientRequest({
      method: 'GET',
      path: proxy ? target.href : `${target.pathname}${target.search}`,
      headers,
      createConnection: () => socket,
    });
    let sentAt = performance.now();
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err?: unknown): void => {
      if (done) return;
      done = true;
      ctx.signal.removeEventListener('abort', onAbort);
      result.body = Buffer.concat(chunks).toString('utf8');
      if (err) reject(err);
      else resolve();
    };
    const onAbort = (): void => {
      req.destroy();
      finish(ctx.signal.reason);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    req.once('finish', () => {
      sentAt = performance.now();
    });
    req.once('response', (res: http.IncomingMessage) => {
      result.rttMs = since(sentAt);
      result.responseAt = ctx.now();
      result.status = res.statusCode;
      for (const [k, v] of Object.entries(res.headers))
        if (v !== undefined) result.headers[k] = Array.isArray(v) ? v.join(', ') : v;
      res.on('data', (chunk: Buffer) => {
        if (size + chunk.length > cap) {
          chunks.push(chunk.subarray(0, cap - size));
          size = cap;
          result.truncated = true;
          req.destroy();
          finish();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.once('end', () => finish());
      res.once('aborted', () =>
        finish(
          new ProbeFailure({
            kind: 'reset',
            step: 'http',
            code: 'ECONNRESET',
            message: `the connection was cut after ${size} bytes of the response body`,
          }),
        ),
      );
      res.on('error', (err) =>
        finish(
          new ProbeFailure({
            kind: 'reset',
            step: 'http',
            code: (err as NodeJS.ErrnoException).code ?? 'ECONNRESET',
            message: `the connection was cut after ${size} bytes of the response body`,
          }),
        ),
      );
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? 'EHTTP';
      if (code.startsWith('HPE_')) {
        finish(
          new ProbeFailure({
            kind: 'http',
            step: 'http',
            code,
            message: `the server did not answer with valid HTTP (${err.message})`,
          }),
        );
      } else if (code === 'ECONNRESET' || code === 'EPIPE') {
        finish(
          new ProbeFailure({
            kind: 'reset',
            step: 'http',
            code: 'ECONNRESET',
            message:
              result.status === undefined
                ? 'the server closed the connection without answering'
                : `the connection was cut after ${size} bytes of the response body`,
          }),
        );
      } else {
        finish(new ProbeFailure({ kind: 'http', step: 'http', code, message: err.message }));
      }
    });
    req.end();
  });
}

const STEP_WORDS: Record<ProbeStep, string> = {
  dns: 'the DNS lookup',
  connect: 'the TCP connection',
  proxyConnect: 'opening the tunnel through the proxy',
  tls: 'the TLS handshake',
  http: 'the HTTP response',
};

export function stepInWords(step: ProbeStep): string {
  return STEP_WORDS[step];
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
    return {
      kind,
      step,
      code: 'ETIMEDOUT',
      message: `no answer within ${timeoutMs} ms (stuck in ${STEP_WORDS[step]})`,
    };
  }
  if (err === ABORTED || (signal.aborted && signal.reason === ABORTED)) {
    return { kind: 'aborted', step, code: 'ABORT_ERR', message: 'the probe was cancelled' };
  }
  if (err instanceof ProbeFailure) return err.info;
  const e = err as NodeJS.ErrnoException;
  return { kind: 'http', step, code: e?.code ?? 'EUNKNOWN', message: redact(e?.message ?? String(err)) };
}
