// Endpoint timings and addresses: from the probe into the finding, the text (--verbose) and Markdown
// waterfall. DNS answers come from a responder the test starts (Platform.dnsServers): a Go host
// resolves to loopback here, through the real resolver code.
import * as assert from 'node:assert/strict';
import { runProxyCheck } from '../../../../src/core/checks/proxyCheck';
import { parseGoproxy } from '../../../../src/core/go/goproxy';
import type { Report } from '../../../../src/core/report/model';
import { renderMarkdown } from '../../../../src/core/report/markdown';
import { renderText } from '../../../../src/core/report/text';
import { startDnsResponder, type DnsResponder } from '../../../support/dnsResponder';
import { only, serverPool } from '../../../support/findingAsserts';
import { removeNetTestFiles, testNet } from '../../../support/netEnv';
import { goproxyHandler, startHttpServer } from '../../../support/servers';

after(removeNetTestFiles);

describe('checks: endpoint timings and addresses', () => {
  const keep = serverPool();
  let dns: DnsResponder;
  // IPv6 first, where nothing listens: the probe moves on to the IPv4 address that answers.
  before(async () => {
    dns = await startDnsResponder({ 'proxy.golang.org': { aaaa: ['::1'], a: ['127.0.0.1'] } });
  });
  after(() => dns.close());
  const dnsServers = () => [dns.server];
  const report = (findings: Report['findings']): Report => ({
    schemaVersion: 1,
    tool: { name: 'go-env-doctor', version: '0' },
    go: { path: null, version: null, goroot: null },
    env: {},
    findings,
    durationMs: 1,
  });

  it('a finding carries every resolved address, the one connected to, and each step', async () => {
    const s = keep(await startHttpServer(goproxyHandler()));
    const url = `http://proxy.golang.org:${s.port}`;
    const { findings } = await runProxyCheck({
      goproxy: parseGoproxy(`${url},direct`),
      net: await testNet({ dnsServers: dnsServers() }),
    });
    const f = only(findings, 'proxy.ok');
    assert.deepEqual([...new Set(dns.asked.map((q) => q.name))], ['proxy.golang.org']);
    const t = f.timings!;
    assert.deepEqual(t.addresses, ['::1', '127.0.0.1']);
    assert.equal(t.connectedTo, '127.0.0.1');
    for (const k of ['dnsMs', 'connectMs', 'firstByteMs'] as const) assert.equal(typeof t[k], 'number', k);
    assert.equal(t.tlsMs, undefined);

    const verbose = renderText(report(findings), { color: false, verbose: true });
    assert.match(
      verbose,
      /Network timings\n {2}http:\/\/proxy\.golang\.org:\d+\n {4}\[d*c+b+ *\] DNS \d+ ms, TCP \d+ ms, first byte \d+ ms\n/,
    );
    assert.match(verbose, /resolved to ::1, 127\.0\.0\.1, connected to 127\.0\.0\.1/);
    assert.doesNotMatch(renderText(report(findings), { color: false }), /Network timings|resolved to/);

    const md = renderMarkdown(report(findings));
    assert.match(md, /## Network timings\n\n```text\nhttp:\/\/proxy\.golang\.org:\d+\n/);
    assert.match(md, /resolved to ::1, 127\.0\.0\.1, connected to 127\.0\.0\.1\n/);
  });

  it('a failure at DNS carries the time the lookup took, and the reports show it as a DNS-only row', async () => {
    const { findings } = await runProxyCheck({
      goproxy: parseGoproxy('https://goproxy.example.invalid,direct'),
      net: await testNet({ dnsServers: dnsServers() }),
    });
    const f = only(findings, 'proxy.dns');
    assert.deepEqual(Object.keys(f.timings ?? {}), ['dnsMs']);
    assert.match(renderMarkdown(report(findings)), /https:\/\/goproxy\.example\.invalid\n\s*\[d*\s*\] DNS \d+ ms\n/);
  });
});
