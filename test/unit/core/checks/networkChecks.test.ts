import * as assert from 'node:assert/strict';
import { serverPool } from '../../../support/findingAsserts';
import type { Finding } from '../../../../src/core/findings';
import { runNetworkChecks } from '../../../../src/core/checks/networkChecks';
import { testCerts, type TestCerts } from '../../../support/certs';
import { testEnv, testPlatform, removeNetTestFiles } from '../../../support/netEnv';
import {
  goproxyHandler,
  startConnectProxy,
  startCutBodyServer,
  rendezvous,
  startHttpsServer,
  startSilentServer,
  startStallingBodyServer,
  testVerifierKey,
} from '../../../support/servers';

const ids = (fs: Finding[]): string[] => fs.map((f) => f.id).sort();

// Root-level: runs once after every suite of the run (idempotent), so temp files do not pile up.
after(removeNetTestFiles);

describe('checks/network (runNetworkChecks)', () => {
  let certs: TestCerts;
  const keep = serverPool();
  before(async () => {
    certs = await testCerts();
  });

  const run = async (o: {
    goproxy: string;
    gosumdb: string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    signal?: AbortSignal;
    extraMirrors?: string[];
  }) =>
    runNetworkChecks({
      goproxy: o.goproxy,
      gosumdb: o.gosumdb,
      platform: testPlatform(await testEnv(o.env)),
      timeoutMs: o.timeoutMs ?? 2000,
      ...(o.extraMirrors ? { extraMirrors: o.extraMirrors } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });

  it('probes every endpoint at once: no endpoint answers until all five have been asked', async () => {
    // Each server holds its answer until every server has received a request. Probing one
    // endpoint after another would stall on the first until the probe timeout (proxy.timeout).
    const meet = rendezvous(5);
    const servers = await Promise.all(
      [0, 1, 2, 3, 4].map(() => startHttpsServer(goproxyHandler({ hold: meet.hold() }), certs.valid)),
    );
    servers.forEach(keep);
    const [db, ...proxies] = servers;
    const fs = await run({
      goproxy: proxies.map((p) => `https://localhost:${p.port}`).join('|'),
      gosumdb: `sum.golang.org https://localhost:${db!.port}`,
      timeoutMs: 10_000,
    });
    assert.equal(meet.reached(), 5);
    assert.deepEqual(ids(fs), ['clock.ok', 'proxy.ok', 'proxy.ok', 'proxy.ok', 'proxy.ok', 'sumdb.ok']);
  });

  it('ends within about the timeout whatever the servers do (silent, stalled body, cut body)', async () => {
    const silent = keep(await startSilentServer());
    const stall = keep(await startStallingBodyServer());
    const cut = keep(await startCutBodyServer());
    const silentTls = keep(await startSilentServer());
    const t = performance.now();
    const fs = await run({
      goproxy: `${silent.url}|${stall.url}|${cut.url}|https://localhost:${silentTls.port}`,
      gosumdb: `sum.golang.org ${silent.url}`,
      timeoutMs: 500,
    });
    const took = performance.now() - t;
    // None of them ever finishes an answer: ending at all is the timeout (precise bound: the bench).
    assert.ok(took < 10_000, `took ${Math.round(took)} ms`);
    // The stalled and cut bodies still brought headers, so the clock could be read.
    assert.deepEqual(ids(fs), [
      'clock.ok',
      'proxy.badResponse',
      'proxy.timeout',
      'proxy.timeout',
      'proxy.timeout',
      'sumdb.unreachable',
    ]);
  });

  it('rejects promptly with an AbortError when cancelled', async () => {
    const silent = keep(await startSilentServer());
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const t = performance.now();
    await assert.rejects(
      run({ goproxy: silent.url, gosumdb: `sum.golang.org ${silent.url}`, timeoutMs: 30_000, signal: ac.signal }),
      (e: Error) => e.name === 'AbortError',
    );
    assert.ok(performance.now() - t < 10_000); // far below the 30 s timeout: it was the signal
  });

  it('reports one TLS finding per host when GOPROXY and the checksum DB meet the same bad certificate', async () => {
    const bad = keep(
      await startHttpsServer(goproxyHandler({ sumdbNames: ['sum.example.invalid'] }), certs.intercepted),
    );
    const url = `https://localhost:${bad.port}`;
    const fs = await run({ goproxy: `${url},direct`, gosumdb: `sum.golang.org ${url}` });
    assert.deepEqual(ids(fs), ['clock.unknown', 'sumdb.unreachable', 'tls.untrusted']);
    assert.equal(fs.find((f) => f.id === 'tls.untrusted')!.severity, 'error');
  });

  it('never prints a credential, in any finding, through any path', async () => {
    const target = keep(await startHttpsServer(goproxyHandler({ sumdbNames: ['sum.example.invalid'] }), certs.valid));
    const proxy = keep(await startConnectProxy({ auth: { user: 'user', pass: 'secret' } }));
    const key = testVerifierKey('sum.example.invalid');
    const fs = await run({
      goproxy: `https://user:secret@mirror.test:${target.port},https://user:secret@unreachable.test|direct`,
      gosumdb: key,
      env: { HTTPS_PROXY: `user:secret@127.0.0.1:${proxy.port}`, ALL_PROXY: 'socks5://user:secret@127.0.0.1:1' },
      extraMirrors: ['https://user:secret@goproxy.example.invalid'],
    });
    const text = JSON.stringify(fs);
    assert.doesNotMatch(text, /secret/);
    assert.doesNotMatch(text, /user:/);
    assert.ok(ids(fs).includes('proxy.ok'));
    assert.ok(ids(fs).includes('sumdb.ok'), text);
  });
});
