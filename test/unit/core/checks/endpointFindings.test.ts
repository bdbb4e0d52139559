// dns.suspicious and tls.expiresSoon through the whole network diagnosis. DNS answers come from a
// responder the test starts (Platform.dnsServers): a public Go host resolves to loopback, where the
// test's server runs.
import * as assert from 'node:assert/strict';
import { runNetworkChecks } from '../../../../src/core/checks/networkChecks';
import { suspiciousDnsFindings } from '../../../../src/core/checks/dnsSuspicious';
import type { ProbeResult } from '../../../../src/core/net/probe';
import { startDnsResponder } from '../../../support/dnsResponder';
import { ids, only, serverPool } from '../../../support/findingAsserts';
import { testCerts, type TestCerts } from '../../../support/certs';
import { removeNetTestFiles, testEnv, testPlatform } from '../../../support/netEnv';
import { goproxyHandler, startHttpServer, startHttpsServer } from '../../../support/servers';

after(removeNetTestFiles);

describe('checks: DNS redirection signs and certificate expiry', () => {
  let certs: TestCerts;
  const keep = serverPool();
  /** Every other name is NXDOMAIN. */
  const run = async (goproxy: string, map: Record<string, string[]>, os: NodeJS.Platform = 'linux') => {
    const dns = await startDnsResponder(Object.fromEntries(Object.entries(map).map(([host, a]) => [host, { a }])));
    try {
      const platform = { ...testPlatform(await testEnv()), os, dnsServers: [dns.server] };
      return await runNetworkChecks({ goproxy, gosumdb: 'off', platform, timeoutMs: 3000 });
    } finally {
      await dns.close();
    }
  };

  before(async () => {
    certs = await testCerts();
  });

  it('dns.suspicious: proxy.golang.org answering from loopback, with the flush command for the OS', async () => {
    const s = keep(await startHttpServer(goproxyHandler()));
    const fs = await run(`http://proxy.golang.org:${s.port}`, { 'proxy.golang.org': ['127.0.0.1'] });
    const f = only(fs, 'dns.suspicious');
    assert.equal(f.severity, 'warning');
    assert.equal(f.subject, 'proxy.golang.org');
    assert.match(f.detail, /DNS answered 127\.0\.0\.1 \(loopback\)/);
    assert.match(f.detail, /internal proxy/);
    assert.deepEqual(
      f.fixes?.map((x) => x.command),
      ['resolvectl flush-caches'],
    );
    const win = await run(`http://proxy.golang.org:${s.port}`, { 'proxy.golang.org': ['127.0.0.1'] }, 'win32');
    assert.deepEqual(
      only(win, 'dns.suspicious').fixes?.map((x) => x.command),
      ['ipconfig /flushdns'],
    );
  });

  it('dns.suspicious says the traffic goes elsewhere when the certificate there is for another name', async () => {
    const s = keep(await startHttpsServer(goproxyHandler(), certs.valid));
    const fs = await run(`https://proxy.golang.org:${s.port}`, { 'proxy.golang.org': ['127.0.0.1'] });
    assert.ok(ids(fs).includes('tls.hostnameMismatch'), ids(fs).join());
    assert.match(only(fs, 'dns.suspicious').detail, /not for proxy\.golang\.org .*the traffic goes to another server/);
  });

  it('a name the user configured is never flagged, whatever it resolves to', async () => {
    const s = keep(await startHttpServer(goproxyHandler()));
    const fs = await run(`http://goproxy.corp.test:${s.port}`, { 'goproxy.corp.test': ['127.0.0.1'] });
    assert.ok(fs.some((f) => f.id === 'proxy.ok'));
    assert.ok(!ids(fs).includes('dns.suspicious'));
  });

  it('dns.suspicious is absent once the public host resolves to a public address', () => {
    // No connection is made: the probe result is what a probe to a public address returns.
    const fixed: ProbeResult = {
      url: 'https://proxy.golang.org/golang.org/x/text/@latest',
      steps: { dnsMs: 1, connectMs: 1 },
      headers: {},
      body: '',
      truncated: false,
      addresses: ['2001:4860:4802:32::11', '142.250.72.177'],
      totalMs: 2,
    };
    const platform = testPlatform({});
    assert.deepEqual(suspiciousDnsFindings([fixed], platform), []);
    assert.equal(suspiciousDnsFindings([{ ...fixed, addresses: ['fd00::1'] }], platform).length, 1);
    assert.equal(suspiciousDnsFindings([{ ...fixed, addresses: ['198.18.0.7'] }], platform).length, 1);
  });

  it('tls.expiresSoon: a certificate five days from expiry, with its date and issuer; absent for a 30-day one', async () => {
    const soon = keep(await startHttpsServer(goproxyHandler(), certs.expiresSoon));
    const fs = await run(`https://localhost:${soon.port}`, { localhost: ['127.0.0.1'] });
    const f = only(fs, 'tls.expiresSoon');
    assert.equal(f.severity, 'info');
    assert.match(f.title, /expires in 5 days/);
    assert.ok(f.detail.includes(certs.expiresSoon.notAfter.toISOString().slice(0, 16)), f.detail);
    assert.match(f.detail, /issued by Go Env Doctor Test CA/);
    assert.ok(fs.some((x) => x.id === 'proxy.ok'));

    const fine = keep(await startHttpsServer(goproxyHandler(), certs.valid));
    const ok = await run(`https://localhost:${fine.port}`, { localhost: ['127.0.0.1'] });
    assert.ok(ok.some((x) => x.id === 'proxy.ok'));
    assert.ok(!ids(ok).includes('tls.expiresSoon'));
  });
});

describe('checks: TLS verdicts where go asks the system verifier', () => {
  let certs: TestCerts;
  const keep = serverPool();
  before(async () => {
    certs = await testCerts();
  });

  it('on Windows and macOS an untrusted verdict names the verifier go uses and says it is approximate', async () => {
    const s = keep(await startHttpsServer(goproxyHandler(), certs.valid));
    const verifier: Record<string, RegExp> = {
      win32: /the go command asks the Windows certificate store; this verdict uses Node's CA list and is approximate/,
      darwin: /the go command asks the macOS keychain verifier; this verdict uses Node's CA list and is approximate/,
    };
    for (const os of ['win32', 'darwin'] as const) {
      const platform = { ...testPlatform(await testEnv()), os };
      const fs = await runNetworkChecks({
        goproxy: `https://127.0.0.1:${s.port}`,
        gosumdb: 'off',
        platform,
        timeoutMs: 3000,
      });
      const tls = fs.find((f) => f.id.startsWith('tls.'));
      assert.ok(tls, `${os}: ${ids(fs).join()}`);
      assert.match(tls.detail, verifier[os]!, os);
    }
  });
});
