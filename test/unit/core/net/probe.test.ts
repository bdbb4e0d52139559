import * as assert from 'node:assert/strict';
import { removeNetTestFiles } from '../../../support/netEnv';
import { probe, probeFollowingRedirects, probeTcp } from '../../../../src/core/net/probe';
import { loadGoTrust, type GoTrust } from '../../../../src/core/net/trust';
import { netProxyConfigFromEnv } from '../../../../src/core/net/netproxy';
import { testCerts, type TestCerts } from '../../../support/certs';
import {
  goproxyHandler,
  refusedPort,
  startConnectProxy,
  startCutBodyServer,
  startHttpServer,
  startHttpsServer,
  startSilentServer,
  startSocks5Proxy,
  startStallingBodyServer,
  type StartedServer,
} from '../../../support/servers';

// Root-level: runs once after every suite of the run (idempotent), so temp files do not pile up.
after(removeNetTestFiles);

describe('net/probe', () => {
  let certs: TestCerts;
  let trust: GoTrust;
  const servers: StartedServer[] = [];
  const keep = <T extends StartedServer>(s: T): T => {
    servers.push(s);
    return s;
  };

  before(async () => {
    certs = await testCerts();
    trust = await loadGoTrust({ os: 'linux', env: { SSL_CERT_FILE: certs.ca.file } });
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  const latest = (base: string): URL => new URL(`${base}/golang.org/x/text/@latest`);

  it('times every step of a plain HTTP GET and returns status, headers and body', async () => {
    const s = keep(await startHttpServer(goproxyHandler()));
    const r = await probe({ url: latest(s.url), timeoutMs: 2000, trust });
    assert.equal(r.error, undefined);
    assert.equal(r.status, 200);
    assert.match(r.body, /"Version":"v0\.21\.0"/);
    assert.ok(r.headers.date, 'Date header kept');
    assert.equal(typeof r.steps.dnsMs, 'number');
    assert.equal(typeof r.steps.connectMs, 'number');
    assert.equal(typeof r.steps.httpMs, 'number');
    assert.equal(r.steps.tlsMs, undefined);
    assert.ok(r.rttMs !== undefined && r.rttMs >= 0);
    assert.ok(r.responseAt !== undefined);
  });

  it('verifies HTTPS with the Go trust set and keeps the peer chain', async () => {
    const s = keep(await startHttpsServer(goproxyHandler(), certs.valid));
    const r = await probe({ url: latest(s.url.replace('127.0.0.1', 'localhost')), timeoutMs: 2000, trust });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(r.status, 200);
    assert.equal(typeof r.steps.tlsMs, 'number');
    assert.equal(r.peerChain?.length, 2);
  });

  const tlsCases: [string, keyof TestCerts, string, RegExp][] = [
    ['expired', 'expired', 'CERT_HAS_EXPIRED', /Go Env Doctor Test CA/],
    ['not yet valid', 'notYetValid', 'CERT_NOT_YET_VALID', /Go Env Doctor Test CA/],
    ['for another host', 'wrongHost', 'ERR_TLS_CERT_ALTNAME_INVALID', /Go Env Doctor Test CA/],
    [
      'from an unknown (intercepting) CA',
      'intercepted',
      'SELF_SIGNED_CERT_IN_CHAIN',
      /Corp Intercept CA \(Example Corp Security\)/,
    ],
    ['self-signed', 'selfSigned', 'DEPTH_ZERO_SELF_SIGNED_CERT', /Captive Portal Login/],
  ];
  for (const [what, kind, code, issuer] of tlsCases) {
    it(`classifies a certificate ${what} as ${code} and names the issuer`, async () => {
      const s = keep(await startHttpsServer(goproxyHandler(), certs[kind] as { cert: string; key: string }));
      const r = await probe({ url: latest(s.url.replace('127.0.0.1', 'localhost')), timeoutMs: 2000, trust });
      assert.equal(r.error?.kind, 'tls');
      assert.equal(r.error?.step, 'tls');
      assert.equal(r.error?.tls?.code, code);
      assert.match(r.error?.tls?.issuer ?? '', issuer);
      assert.ok((r.peerChain?.length ?? 0) >= 1, 'chain captured before Node destroyed the socket');
    });
  }

  it('reports the expiry date and the names a wrong-host certificate covers', async () => {
    const s = keep(await startHttpsServer(goproxyHandler(), certs.wrongHost));
    const r = await probe({ url: latest(s.url.replace('127.0.0.1', 'localhost')), timeoutMs: 2000, trust });
    assert.match(r.error?.tls?.altNames ?? '', /wrong\.test/);
    const e = keep(await startHttpsServer(goproxyHandler(), certs.expired));
    const r2 = await probe({ url: latest(e.url), timeoutMs: 2000, trust });
    assert.equal(r2.error?.tls?.validTo, certs.expired.notAfter.toISOString().replace(/\.\d+Z$/, '.000Z'));
  });

  it('orders failures as Go does: an expired certificate from an unknown CA is "expired"', async () => {
    const untrustingGo = await loadGoTrust({ os: 'linux', env: { SSL_CERT_FILE: certs.interceptCa.file } });
    const s = keep(await startHttpsServer(goproxyHandler(), certs.expired));
    const r = await probe({ url: latest(s.url), timeoutMs: 2000, trust: untrustingGo });
    assert.equal(r.error?.tls?.code, 'CERT_HAS_EXPIRED');
  });

  it('reports a refused connection', async () => {
    const port = await refusedPort();
    const r = await probe({ url: new URL(`http://127.0.0.1:${port}/x`), timeoutMs: 2000 });
    assert.equal(r.error?.kind, 'refused');
    assert.equal(r.error?.step, 'connect');
    assert.equal(r.error?.code, 'ECONNREFUSED');
  });

  it('reports a name that does not resolve', async () => {
    const r = await probe({ url: new URL('https://goproxy.example.invalid/x'), timeoutMs: 2000, trust });
    assert.equal(r.error?.kind, 'dns');
    assert.equal(r.error?.code, 'ENOTFOUND');
    assert.match(r.error?.message ?? '', /goproxy\.example\.invalid/);
  });

  it('gives up on a server that accepts and never answers, within the timeout', async () => {
    const s = keep(await startSilentServer());
    const t = Date.now();
    const r = await probe({ url: latest(s.url), timeoutMs: 300 });
    const took = Date.now() - t;
    assert.equal(r.error?.kind, 'timeout');
    assert.equal(r.error?.step, 'http');
    // The server never answers, so anything that ends was the timeout; the upper bound only
    // catches a timer started far too late (the precise bound is in `npm run bench`).
    assert.ok(took >= 290 && took < 5000, `took ${took} ms`);
  });

  it('gives up on an HTTPS server that never completes the handshake', async () => {
    const s = keep(await startSilentServer());
    const r = await probe({ url: new URL(`https://localhost:${s.port}/x`), timeoutMs: 300, trust });
    assert.equal(r.error?.kind, 'timeout');
    assert.equal(r.error?.step, 'tls');
  });

  it('reports a body cut midway as a reset, and a stalled body as a timeout', async () => {
    const cut = keep(await startCutBodyServer());
    const r = await probe({ url: latest(cut.url), timeoutMs: 2000 });
    assert.equal(r.error?.kind, 'reset');
    assert.equal(r.error?.step, 'http');
    assert.equal(r.status, 200);
    const stall = keep(await startStallingBodyServer());
    const r2 = await probe({ url: latest(stall.url), timeoutMs: 300 });
    assert.equal(r2.error?.kind, 'timeout');
    assert.equal(r2.error?.step, 'http');
  });

  it('reads at most the body cap', async () => {
    const s = keep(await startHttpServer((_q, res) => res.end('x'.repeat(200_000))));
    const r = await probe({ url: latest(s.url), timeoutMs: 2000, bodyCap: 1024 });
    assert.equal(r.error, undefined);
    assert.equal(r.truncated, true);
    assert.equal(r.body.length, 1024);
  });

  it('stops at once when the signal aborts', async () => {
    const s = keep(await startSilentServer());
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const t = Date.now();
    const r = await probe({ url: latest(s.url), timeoutMs: 30_000, signal: ac.signal });
    assert.equal(r.error?.kind, 'aborted');
    assert.ok(Date.now() - t < 10_000); // far below the 30 s timeout: it was the signal
  });

  it('tunnels HTTPS through a CONNECT proxy, times the CONNECT, and sends proxy credentials', async () => {
    const target = keep(await startHttpsServer(goproxyHandler(), certs.valid));
    const proxy = keep(await startConnectProxy({ auth: { user: 'alice', pass: 's3cret' } }));
    const withAuth = netProxyConfigFromEnv({ HTTPS_PROXY: `http://alice:s3cret@127.0.0.1:${proxy.port}` });
    const r = await probe({
      url: latest(`https://mirror.test:${target.port}`),
      timeoutMs: 2000,
      trust,
      netproxy: withAuth,
    });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(r.status, 200);
    assert.equal(typeof r.steps.proxyConnectMs, 'number');
    assert.equal(r.via?.display, `http://***@127.0.0.1:${proxy.port}`);
    assert.deepEqual(proxy.requests, [`mirror.test:${target.port}`]);
    assert.equal(proxy.authHeaders[0], `Basic ${Buffer.from('alice:s3cret').toString('base64')}`);

    const noAuth = netProxyConfigFromEnv({ HTTPS_PROXY: `127.0.0.1:${proxy.port}` });
    const r2 = await probe({
      url: latest(`https://mirror.test:${target.port}`),
      timeoutMs: 2000,
      trust,
      netproxy: noAuth,
    });
    assert.equal(r2.error?.kind, 'netproxy');
    assert.equal(r2.error?.code, 'HTTP_407');
    assert.match(r2.error?.message ?? '', /wants credentials/);
    assert.doesNotMatch(JSON.stringify(r), /s3cret/);
  });

  it('speaks TLS to an https:// proxy, verified with the same trust set', async () => {
    const target = keep(await startHttpsServer(goproxyHandler(), certs.valid));
    const proxy = keep(await startConnectProxy({ cert: certs.valid }));
    const cfg = netProxyConfigFromEnv({ HTTPS_PROXY: `https://localhost:${proxy.port}` });
    const r = await probe({ url: latest(`https://mirror.test:${target.port}`), timeoutMs: 2000, trust, netproxy: cfg });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(r.status, 200);
    const badProxy = keep(await startConnectProxy({ cert: certs.intercepted }));
    const bad = netProxyConfigFromEnv({ HTTPS_PROXY: `https://localhost:${badProxy.port}` });
    const b = await probe({ url: latest(`https://mirror.test:${target.port}`), timeoutMs: 2000, trust, netproxy: bad });
    assert.equal(b.error?.kind, 'netproxy');
    assert.match(b.error?.message ?? '', /TLS to the proxy https:\/\/localhost:\d+ failed/);
  });

  it('sends plain HTTP through the proxy in absolute form', async () => {
    const target = keep(await startHttpServer(goproxyHandler()));
    const proxy = keep(await startConnectProxy());
    const cfg = netProxyConfigFromEnv({ HTTP_PROXY: `http://127.0.0.1:${proxy.port}` });
    const r = await probe({ url: latest(`http://mirror.test:${target.port}`), timeoutMs: 2000, netproxy: cfg });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(r.status, 200);
    assert.deepEqual(proxy.requests, [`http://mirror.test:${target.port}/golang.org/x/text/@latest`]);
  });

  it('never proxies loopback targets, as Go does', async () => {
    const target = keep(await startHttpServer(goproxyHandler()));
    const proxy = keep(await startConnectProxy());
    const cfg = netProxyConfigFromEnv({ HTTP_PROXY: `http://127.0.0.1:${proxy.port}` });
    const r = await probe({ url: latest(target.url), timeoutMs: 2000, netproxy: cfg });
    assert.equal(r.status, 200);
    assert.equal(r.via, undefined);
    assert.deepEqual(proxy.requests, []);
  });

  it('reports an unreachable HTTP proxy as a proxy failure, not a target failure', async () => {
    const port = await refusedPort();
    const cfg = netProxyConfigFromEnv({ HTTPS_PROXY: `http://bob:hunter2@127.0.0.1:${port}` });
    const r = await probe({ url: new URL('https://mirror.test/x'), timeoutMs: 2000, trust, netproxy: cfg });
    assert.equal(r.error?.kind, 'netproxy');
    assert.equal(r.error?.step, 'connect');
    assert.equal(r.error?.code, 'ECONNREFUSED');
    assert.doesNotMatch(JSON.stringify(r), /hunter2/);
  });

  it('reports a proxy that cannot reach the target (502 to CONNECT)', async () => {
    const proxy = keep(await startConnectProxy());
    const cfg = netProxyConfigFromEnv({ HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` });
    const r = await probe({ url: new URL('https://unreachable.test/x'), timeoutMs: 2000, trust, netproxy: cfg });
    assert.equal(r.error?.kind, 'netproxy');
    assert.equal(r.error?.code, 'HTTP_502');
    assert.match(r.error?.message ?? '', /could not reach unreachable\.test:443/);
  });

  it('tunnels HTTPS and plain HTTP through a SOCKS5 proxy, with user and password', async () => {
    const tlsTarget = keep(await startHttpsServer(goproxyHandler(), certs.valid));
    const plainTarget = keep(await startHttpServer(goproxyHandler()));
    const socks = keep(await startSocks5Proxy({ auth: { user: 'carol', pass: 'pw' } }));
    const cfg = netProxyConfigFromEnv({
      HTTPS_PROXY: `socks5://carol:pw@127.0.0.1:${socks.port}`,
      HTTP_PROXY: `socks5://carol:pw@127.0.0.1:${socks.port}`,
    });
    const r = await probe({
      url: latest(`https://mirror.test:${tlsTarget.port}`),
      timeoutMs: 2000,
      trust,
      netproxy: cfg,
    });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(r.status, 200);
    assert.equal(r.via?.display, `socks5://***@127.0.0.1:${socks.port}`);
    const p = await probe({ url: latest(`http://mirror.test:${plainTarget.port}`), timeoutMs: 2000, netproxy: cfg });
    assert.equal(p.error, undefined, JSON.stringify(p.error));
    assert.match(p.body, /v0\.21\.0/);
    assert.deepEqual(socks.requests, [`mirror.test:${tlsTarget.port}`, `mirror.test:${plainTarget.port}`]);
    assert.deepEqual(socks.authHeaders, ['carol:pw', 'carol:pw']);

    const wrong = netProxyConfigFromEnv({ HTTPS_PROXY: `socks5://carol:nope@127.0.0.1:${socks.port}` });
    const w = await probe({
      url: latest(`https://mirror.test:${tlsTarget.port}`),
      timeoutMs: 2000,
      trust,
      netproxy: wrong,
    });
    assert.equal(w.error?.kind, 'netproxy');
    assert.equal(w.error?.code, 'SOCKS_AUTH');
    const gone = await probe({ url: latest('https://unreachable.test'), timeoutMs: 2000, trust, netproxy: cfg });
    assert.equal(gone.error?.code, 'SOCKS_4');
    assert.match(gone.error?.message ?? '', /could not connect to unreachable\.test:443 \(host unreachable\)/);
  });

  it('follows redirects within the same timeout', async () => {
    const end = keep(await startHttpServer(goproxyHandler()));
    const start = keep(
      await startHttpServer((_q, res) => {
        res.writeHead(302, { Location: `${end.url}/golang.org/x/text/@latest` });
        res.end();
      }),
    );
    const r = await probeFollowingRedirects({ url: latest(start.url), timeoutMs: 2000 });
    assert.equal(r.status, 200);
    assert.deepEqual(r.redirects, [`${end.url}/golang.org/x/text/@latest`]);
  });

  it('probeTcp connects, or says why not', async () => {
    const s = keep(await startSilentServer());
    assert.equal((await probeTcp('127.0.0.1', s.port, { timeoutMs: 1000 })).ok, true);
    const bad = await probeTcp('127.0.0.1', await refusedPort(), { timeoutMs: 1000 });
    assert.equal(bad.ok, false);
    assert.equal(bad.error?.kind, 'refused');
  });
});
