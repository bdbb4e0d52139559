// Name resolution through the real resolver code (Platform.dnsServers → dns.Resolver) against a
// DNS responder the test starts on 127.0.0.1: the addresses of both families, dns.suspicious for a
// public Go host answered with loopback or private addresses, NXDOMAIN as proxy.dns, and the time a
// slow, failed or lost lookup took, in the finding and the waterfall.
import * as assert from 'node:assert/strict';
import { runNetworkChecks } from '../../../../src/core/checks/networkChecks';
import { runProxyCheck } from '../../../../src/core/checks/proxyCheck';
import { parseGoproxy } from '../../../../src/core/go/goproxy';
import type { Finding } from '../../../../src/core/findings';
import type { Report } from '../../../../src/core/report/model';
import { renderMarkdown } from '../../../../src/core/report/markdown';
import { renderText } from '../../../../src/core/report/text';
import { startDnsResponder, type DnsName, type DnsResponder } from '../../../support/dnsResponder';
import { ids, only, serverPool } from '../../../support/findingAsserts';
import { removeNetTestFiles, testEnv, testNet, testPlatform } from '../../../support/netEnv';
import { goproxyHandler, startHttpServer } from '../../../support/servers';

after(removeNetTestFiles);

describe('checks: DNS answers from a local responder, through the real resolver', () => {
  const keep = serverPool();
  let dns: DnsResponder | undefined;
  afterEach(async () => {
    await dns?.close();
    dns = undefined;
  });

  const responder = async (names: Record<string, DnsName>): Promise<DnsResponder> =>
    (dns = await startDnsResponder(names));
  const network = async (goproxy: string, names: Record<string, DnsName>): Promise<Finding[]> => {
    const r = await responder(names);
    const platform = { ...testPlatform(await testEnv()), dnsServers: [r.server] };
    return runNetworkChecks({ goproxy, gosumdb: 'off', platform, timeoutMs: 3000 });
  };
  const proxyCheck = async (goproxy: string, names: Record<string, DnsName>, timeoutMs = 3000) => {
    const r = await responder(names);
    return (
      await runProxyCheck({ goproxy: parseGoproxy(goproxy), net: await testNet({ dnsServers: [r.server], timeoutMs }) })
    ).findings;
  };
  const report = (findings: Finding[]): Report => ({
    schemaVersion: 1,
    tool: { name: 'go-env-doctor', version: '0' },
    go: { path: null, version: null, goroot: null },
    env: {},
    findings,
    durationMs: 1,
  });

  it('asks for AAAA and A, keeps every address of both families, and connects to the one that answers', async () => {
    const s = keep(await startHttpServer(goproxyHandler()));
    const fs = await network(`http://proxy.golang.org:${s.port}`, {
      'proxy.golang.org': { a: ['127.0.0.1'], aaaa: ['::1'] },
    });
    assert.deepEqual(dns!.asked.map((q) => `${q.name} ${q.type}`).sort(), [
      'proxy.golang.org A',
      'proxy.golang.org AAAA',
    ]);
    const ok = only(fs, 'proxy.ok');
    // IPv6 first, where nothing listens: the probe moves on to the IPv4 address that answers.
    assert.deepEqual(ok.timings?.addresses, ['::1', '127.0.0.1']);
    assert.equal(ok.timings?.connectedTo, '127.0.0.1');
    const suspicious = only(fs, 'dns.suspicious');
    assert.match(suspicious.detail, /DNS answered ::1 \(loopback\), 127\.0\.0\.1 \(loopback\)/);
  });

  it('dns.suspicious names a private 10.x answer of a public Go host; a configured name answering the same is not flagged', async () => {
    const s = keep(await startHttpServer(goproxyHandler()));
    // Loopback first: the probe connects there and never tries the private address.
    const answer = { a: ['127.0.0.1', '10.20.30.40'] };
    const fs = await network(`http://proxy.golang.org:${s.port}`, { 'proxy.golang.org': answer });
    assert.ok(
      fs.some((f) => f.id === 'proxy.ok'),
      ids(fs).join(),
    );
    assert.match(only(fs, 'dns.suspicious').detail, /127\.0\.0\.1 \(loopback\), 10\.20\.30\.40 \(private\)/);
    await dns!.close();

    const corp = await network(`http://goproxy.corp.test:${s.port}`, { 'goproxy.corp.test': answer });
    assert.deepEqual(only(corp, 'proxy.ok').timings?.addresses, ['127.0.0.1', '10.20.30.40']);
    assert.ok(!ids(corp).includes('dns.suspicious'), ids(corp).join());
  });

  it('NXDOMAIN is proxy.dns, and the failed lookup keeps its DNS time in the finding and the waterfall', async () => {
    const fs = await proxyCheck('https://goproxy.example.invalid,direct', {});
    assert.deepEqual(
      dns!.asked.map((q) => q.name),
      ['goproxy.example.invalid', 'goproxy.example.invalid'],
    );
    const f = only(fs, 'proxy.dns');
    assert.match(f.detail, /goproxy\.example\.invalid does not resolve \(ENOTFOUND\)/);
    assert.equal(typeof f.timings?.dnsMs, 'number');
    assert.equal(f.timings?.connectMs, undefined);
    assert.match(
      renderMarkdown(report(fs)),
      /## Network timings\n\n```text\nhttps:\/\/goproxy\.example\.invalid\n\s*\[d*\s*\] DNS \d+ ms\n/,
    );
  });

  it('a slow answer shows as DNS time in the waterfall; one that never comes in time is a timeout at the DNS step', async () => {
    const s = keep(await startHttpServer(goproxyHandler()));
    const slow = await proxyCheck(`http://goproxy.corp.test:${s.port},direct`, {
      'goproxy.corp.test': { a: ['127.0.0.1'], delayMs: 400 },
    });
    const ok = only(slow, 'proxy.ok');
    // The answer cannot arrive before the responder sends it.
    assert.ok(ok.timings!.dnsMs! >= 400, String(ok.timings?.dnsMs));
    const text = renderText(report(slow), { color: false, verbose: true });
    assert.match(text, new RegExp(`\\] DNS ${Math.round(ok.timings!.dnsMs!)} ms, TCP \\d+ ms, first byte \\d+ ms`));
    await dns!.close();

    const lost = await proxyCheck(
      `http://goproxy.corp.test:${s.port},direct`,
      { 'goproxy.corp.test': { a: ['127.0.0.1'], delayMs: 60_000 } },
      500,
    );
    const f = only(lost, 'proxy.timeout');
    assert.match(f.detail, /DNS/);
    assert.ok(f.timings!.dnsMs! >= 400, String(f.timings?.dnsMs));
  });
});
