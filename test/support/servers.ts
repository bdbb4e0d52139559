// Local servers for network tests, all on 127.0.0.1 port 0: HTTP and HTTPS servers with a handler,
// a GOPROXY-protocol handler (optionally slow, skewed, or a captive portal), a CONNECT proxy that
// maps `*.test` hosts to 127.0.0.1, a server that accepts and never answers, one that cuts the
// body midway. Every server's close() also destroys its open connections.
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyPair } from './certs';

export interface StartedServer {
  /** `http://127.0.0.1:<port>` or `https://127.0.0.1:<port>` */
  url: string;
  port: number;
  close(): Promise<void>;
}

function track(server: net.Server): Set<net.Socket> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // TLS servers report the raw socket here too, before the handshake.
  server.on('secureConnection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return sockets;
}

async function listen(server: net.Server, scheme: string): Promise<StartedServer> {
  const sockets = track(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function startHttpServer(handler: http.RequestListener): Promise<StartedServer> {
  return listen(http.createServer(handler), 'http');
}

export function startHttpsServer(handler: http.RequestListener, cert: KeyPair): Promise<StartedServer> {
  return listen(https.createServer({ cert: cert.cert, key: cert.key }, handler), 'https');
}

// ---------------------------------------------------------------------------------------------
// The GOPROXY protocol, as much of it as the doctor asks for.

export const LATEST_TEXT = { Version: 'v0.21.0', Time: '2024-12-04T16:39:12Z' };

/** A syntactically valid signed tree note (the signature is random bytes: nobody verifies it here). */
export function treeNote(name = 'sum.golang.org', size = 31234567): string {
  const hash = randomBytes(32).toString('base64');
  const sig = randomBytes(68).toString('base64');
  return `go.sum database tree\n${size}\n${hash}\n\n\u2014 ${name} ${sig}\n`;
}

/** A checksum-database verifier key (`name+hash+key`) for a test database name, as GOSUMDB takes it. */
export function testVerifierKey(name: string): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const key = Buffer.concat([Buffer.from([1]), raw]);
  const hash = createHash('sha256').update(`${name}\n`).update(key).digest().readUInt32BE(0);
  return `${name}+${hash.toString(16).padStart(8, '0')}+${key.toString('base64')}`;
}

export interface GoproxyOptions {
  /** Wait this long before answering anything. */
  delayMs?: number;
  /** Called on every request; answering waits until the returned promise settles. */
  hold?: () => Promise<void>;
  /** Checksum database names this server forwards (`/sumdb/<name>/...`); default sum.golang.org. */
  sumdbNames?: string[];
  /** Shift the Date header by this much (ms). */
  dateOffsetMs?: number;
  /** Answer every request with 200 and a login page, as a captive portal does. */
  captivePortal?: boolean;
  /** Answer every request with this status. */
  status?: number;
  /** Count of requests per path, for assertions. */
  hits?: Map<string, number>;
}

/** Serves `<module>/@latest`, `/sumdb/<name>/supported|latest` and `/latest` (a checksum DB itself). */
export function goproxyHandler(o: GoproxyOptions = {}): http.RequestListener {
  return (req, res) => {
    const names = o.sumdbNames ?? ['sum.golang.org']; // read per request: tests may set it after listen()
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    o.hits?.set(path, (o.hits.get(path) ?? 0) + 1);
    const answer = (): void => {
      if (res.destroyed) return;
      if (o.dateOffsetMs) res.setHeader('Date', new Date(Date.now() + o.dateOffsetMs).toUTCString());
      if (o.captivePortal) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(
          '<!DOCTYPE html><html><head><title>Hotel WiFi - Sign in</title></head><body>Please accept the terms.</body></html>',
        );
        return;
      }
      if (o.status) {
        res.writeHead(o.status, { 'Content-Type': 'text/plain' });
        res.end(`status ${o.status}\n`);
        return;
      }
      if (path.endsWith('/@latest')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(LATEST_TEXT));
        return;
      }
      const m = /^\/sumdb\/(.+)\/(supported|latest)$/.exec(path);
      if (m && names.includes(m[1]!)) {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(m[2] === 'latest' ? treeNote(m[1]) : '');
        return;
      }
      if (path === '/latest') {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(treeNote(names[0]));
        return;
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found\n');
    };
    const delayed = (): void => {
      if (o.delayMs) setTimeout(answer, o.delayMs);
      else answer();
    };
    if (o.hold) void o.hold().then(delayed, delayed);
    else delayed();
  };
}

/**
 * A barrier across servers: each server's `hold` (pass it as GoproxyOptions.hold) marks that
 * server as reached and waits until all `count` servers have been reached. Requests made one
 * endpoint after another never get past the first server, which is what a concurrency test needs.
 */
export function rendezvous(count: number): { hold: () => () => Promise<void>; reached: () => number } {
  let reached = 0;
  let release!: () => void;
  const all = new Promise<void>((r) => (release = r));
  return {
    hold: () => {
      let counted = false;
      return () => {
        if (!counted) {
          counted = true;
          if (++reached === count) release();
        }
        return all;
      };
    },
    reached: () => reached,
  };
}

/**
 * A module proxy + checksum DB that waits `delayMs` before each answer (benchmarks: N of these
 * show whether probes really run in parallel). Plain HTTP unless `cert` is given.
 */
export function startDelayedProxy(
  delayMs: number,
  o: Omit<GoproxyOptions, 'delayMs'> & { cert?: KeyPair } = {},
): Promise<StartedServer> {
  const handler = goproxyHandler({ ...o, delayMs });
  return o.cert ? startHttpsServer(handler, o.cert) : startHttpServer(handler);
}

// ---------------------------------------------------------------------------------------------
// Misbehaving servers.

/** Accepts TCP connections and never sends a byte. */
export function startSilentServer(): Promise<StartedServer & { accepted: () => number }> {
  let count = 0;
  const server = net.createServer(() => {
    count++;
  });
  return listen(server, 'http').then((s) => ({ ...s, accepted: () => count }));
}

/** Sends headers promising `length` bytes, sends `sent` of them, then destroys the connection. */
export function startCutBodyServer(length = 5000, sent = 100): Promise<StartedServer> {
  return startHttpServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(length) });
    res.write('{"Version":"v0.21.0",' + ' '.repeat(Math.max(0, sent - 21)));
    setTimeout(() => res.socket?.destroy(), 20);
  });
}

/** Sends headers, a few bytes, then nothing more (the body stalls). */
export function startStallingBodyServer(): Promise<StartedServer> {
  return startHttpServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000' });
    res.write('{"Version":');
  });
}

// ---------------------------------------------------------------------------------------------
// An HTTP proxy: CONNECT tunnels and absolute-form GETs, `*.test` hosts mapped to 127.0.0.1.

export interface ConnectProxyOptions {
  /** Require `Proxy-Authorization: Basic base64(user:pass)`; answer 407 otherwise. */
  auth?: { user: string; pass: string };
  /** Serve the proxy itself over TLS (HTTPS_PROXY=https://...). */
  cert?: KeyPair;
  /** Tunnels to `host:443` go to this local port instead (an origin served on a random port). */
  ports?: Record<string, number>;
}

export interface ConnectProxy extends StartedServer {
  /** Every CONNECT target (`host:port`) and absolute-form URL seen, in order. */
  requests: string[];
  /** The Proxy-Authorization header of each request (undefined when absent). */
  authHeaders: (string | undefined)[];
}

/** Where the test proxy sends `host`: `*.test`, localhost and 127.0.0.1 go to 127.0.0.1; nothing else is reachable. */
function mapHost(host: string): string | undefined {
  const h = host.toLowerCase();
  if (h === 'localhost' || h === '127.0.0.1' || h.endsWith('.test'))
    return h.startsWith('unreachable.') ? undefined : '127.0.0.1';
  return undefined;
}

export async function startConnectProxy(o: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const requests: string[] = [];
  const authHeaders: (string | undefined)[] = [];
  const expected = o.auth ? `Basic ${Buffer.from(`${o.auth.user}:${o.auth.pass}`).toString('base64')}` : undefined;
  const authorized = (req: http.IncomingMessage): boolean => {
    const h = req.headers['proxy-authorization'];
    authHeaders.push(h);
    return !expected || h === expected;
  };
  const handler: http.RequestListener = (req, res) => {
    requests.push(req.url ?? '');
    if (!authorized(req)) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"' });
      res.end();
      return;
    }
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    const ip = mapHost(target.hostname);
    if (!ip) {
      res.writeHead(502);
      res.end();
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const up = http.request(
      {
        host: ip,
        port: Number(target.port || 80),
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers,
      },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => {
      res.destroy();
    });
    req.pipe(up);
  };
  const server: http.Server = o.cert
    ? https.createServer({ cert: o.cert.cert, key: o.cert.key }, handler)
    : http.createServer(handler);
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    requests.push(req.url ?? '');
    client.on('error', () => undefined);
    if (!authorized(req)) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const [host = '', portText = '443'] = (req.url ?? '').split(/:(?=\d+$)/);
    const ip = mapHost(host.replace(/^\[|\]$/g, ''));
    if (!ip) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const port = portText === '443' ? (o.ports?.[host.toLowerCase()] ?? 443) : Number(portText);
    const upstream = net.connect({ host: ip, port }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => {
      if (client.writable) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const started = await listen(server, o.cert ? 'https' : 'http');
  return { ...started, requests, authHeaders };
}

/** A port that refuses connections: listen, note the port, close. */
export async function refusedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A SOCKS5 proxy (RFC 1928, optional RFC 1929 user/password) with the same host mapping. */
export async function startSocks5Proxy(o: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const requests: string[] = [];
  const authHeaders: (string | undefined)[] = [];
  const server = net.createServer((client) => {
    client.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    let stage: 'greeting' | 'auth' | 'request' | 'done' = 'greeting';
    const onData = (d: Buffer): void => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        if (stage === 'greeting') {
          if (buf.length < 2 || buf.length < 2 + buf[1]!) return;
          const methods = [...buf.subarray(2, 2 + buf[1]!)];
          buf = buf.subarray(2 + buf[1]!);
          const want = o.auth ? 2 : 0;
          if (!methods.includes(want)) return void client.end(Buffer.from([5, 0xff]));
          client.write(Buffer.from([5, want]));
          stage = o.auth ? 'auth' : 'request';
        } else if (stage === 'auth') {
          if (buf.length < 2) return;
          const ulen = buf[1]!;
          if (buf.length < 3 + ulen || buf.length < 3 + ulen + buf[2 + ulen]!) return;
          const plen = buf[2 + ulen]!;
          const user = buf.subarray(2, 2 + ulen).toString();
          const pass = buf.subarray(3 + ulen, 3 + ulen + plen).toString();
          buf = buf.subarray(3 + ulen + plen);
          authHeaders.push(`${user}:${pass}`);
          const ok = user === o.auth!.user && pass === o.auth!.pass;
          if (!ok) return void client.end(Buffer.from([1, 1]));
          client.write(Buffer.from([1, 0]));
          stage = 'request';
        } else if (stage === 'request') {
          if (buf.length < 5) return;
          const atyp = buf[3]!;
          const alen = atyp === 1 ? 4 : atyp === 4 ? 16 : 1 + buf[4]!;
          if (buf.length < 4 + alen + 2) return;
          const host =
            atyp === 3
              ? buf.subarray(5, 5 + buf[4]!).toString()
              : atyp === 1
                ? [...buf.subarray(4, 8)].join('.')
                : '::1';
          const port = buf.readUInt16BE(4 + alen);
          buf = buf.subarray(4 + alen + 2);
          stage = 'done';
          requests.push(`${host}:${port}`);
          const ip = mapHost(host);
          const reply = (code: number): Buffer => Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0]);
          if (!ip) return void client.end(reply(4));
          client.off('data', onData);
          const upstream = net.connect({ host: ip, port }, () => {
            client.write(reply(0));
            if (buf.length > 0) upstream.write(buf);
            upstream.pipe(client);
            client.pipe(upstream);
          });
          upstream.on('error', () => client.end(reply(5)));
          client.on('close', () => upstream.destroy());
          upstream.on('close', () => client.destroy());
          return;
        } else return;
      }
    };
    client.on('data', onData);
  });
  const started = await listen(server, 'socks5');
  return { ...started, requests, authHeaders };
}
