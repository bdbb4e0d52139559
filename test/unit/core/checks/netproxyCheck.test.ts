import * as assert from 'node:assert/strict';
import { runNetproxyCheck } from '../../../../src/core/checks/netproxyCheck';
import { runNetworkChecks } from '../../../../src/core/checks/networkChecks';
import { netProxyConfigFromEnv } from '../../../../src/core/net/netproxy';
import { ids, only, serverPool } from '../../../support/findingAsserts';
import { testCerts, type TestCerts } from '../../../support/certs';
import { testEnv, testPlatform, removeNetTestFiles } from '../../../support/netEnv';
import {
  goproxyHandler,
  refusedPort,
  startConnectProxy,
  startHttpsServer,
  startSilentServer,
} from '../../../support/servers';

// Root-level: runs once after every suite of the run (idempotent), so temp files do not pile up.
after(removeNetTestFiles);

describe('checks/netproxy (HTTP(S)_PROXY)', () => {
  let certs: TestCerts;
  const keep = serverPool();
  before(async () => {
    certs = await testCerts();
  });

  const network = async (env: NodeJS.ProcessEnv, goproxy: string, timeoutMs = 2000) =>
    runNetworkChecks({ goproxy, gosumdb: 'off', platform: testPlatform(await testEnv(env)), timeoutMs });

  it('netproxy.unreachable, and the GOPROXY probe behind it says the proxy is why; no credential anywhere', async () => {
    const port = await refusedPort();
    const fs = await network({ HTTPS_PROXY: `http://alice:secret@127.0.0.1:${port}` }, 'https://mirror.test,direct');
    const np = only(fs, 'netproxy.unreachable');
    assert.equal(np.severity, 'error');
    assert.equal(np.subject, `http://***@127.0.0.1:${port}`);
    assert.match(
      np.detail,
      /HTTPS_PROXY names http:\/\/\*\*\*@127\.0\.0\.1:\d+, but nothing accepts connections there/,
    );
    const behind = only(fs, 'proxy.refused');
    assert.match(
      behind.detail,
      /reaches mirror\.test through the HTTP proxy http:\/\/\*\*\*@127\.0\.0\.1:\d+ \(HTTPS_PROXY\).*see netproxy\.unreachable/,
    );
    assert.doesNotMatch(JSON.stringify(fs), /secret|alice/);
  });

  it('no netproxy.unreachable when the proxy works (netproxy.ok), and probes go through it', async () => {
    const target = keep(await startHttpsServer(goproxyHandler(), certs.valid));
    const proxy = keep(await startConnectProxy({ auth: { user: 'alice', pass: 'secret' } }));
    const fs = await network(
      { HTTPS_PROXY: `http://alice:secret@127.0.0.1:${proxy.port}` },
      `https://mirror.test:${target.port},direct`,
    );
    assert.ok(!ids(fs).includes('netproxy.unreachable'));
    assert.equal(only(fs, 'netproxy.ok').severity, 'ok');
    assert.equal(only(fs, 'proxy.ok').severity, 'ok');
    assert.doesNotMatch(JSON.stringify(fs), /secret|alice/);
  });

  it('a proxy that does not accept in time is unreachable too', async () => {
    // A listening socket with a full backlog is hard to make portably; a DNS failure stands in for "no route".
    const fs = await runNetproxyCheck({
      netproxy: netProxyConfigFromEnv({ HTTPS_PROXY: 'http://proxy.example.invalid:3128' }),
      timeoutMs: 1000,
    });
    const f = only(fs, 'netproxy.unreachable');
    assert.match(f.detail, /host name does not resolve \(ENOTFOUND\)/);
    const silent = keep(await startSilentServer());
    const ok = await runNetproxyCheck({
      netproxy: netProxyConfigFromEnv({ HTTPS_PROXY: `127.0.0.1:${silent.port}` }),
      timeoutMs: 1000,
    });
    assert.deepEqual(ids(ok), ['netproxy.ok']);
  });

  it('one finding per proxy, naming every variable that points at it', async () => {
    const port = await refusedPort();
    const fs = await runNetproxyCheck({
      netproxy: netProxyConfigFromEnv({
        HTTPS_PROXY: `http://127.0.0.1:${port}`,
        http_proxy: `http://127.0.0.1:${port}`,
      }),
      timeoutMs: 1000,
    });
    const f = only(fs, 'netproxy.unreachable');
    assert.match(f.detail, /^HTTPS_PROXY and http_proxy names/);
    assert.equal(f.fixes?.[0]?.command, 'unset HTTPS_PROXY http_proxy');
    const win = await runNetproxyCheck({
      netproxy: netProxyConfigFromEnv({ HTTPS_PROXY: `http://127.0.0.1:${port}` }),
      timeoutMs: 1000,
      os: 'win32',
    });
    const w = only(win, 'netproxy.unreachable');
    assert.equal(
      w.fixes?.[0]?.command,
      "$env:HTTPS_PROXY = $null; [Environment]::SetEnvironmentVariable('HTTPS_PROXY', $null, 'User')",
    );
    assert.match(w.detail, /In cmd, `set HTTPS_PROXY=` clears it/);
  });

  it('mentions ALL_PROXY, which Go ignores, and values Go cannot parse', async () => {
    const fs = await runNetproxyCheck({
      netproxy: netProxyConfigFromEnv({
        ALL_PROXY: 'socks5://bob:secret@127.0.0.1:1080',
        HTTP_PROXY: 'bad proxy:3128',
      }),
      timeoutMs: 1000,
    });
    const all = only(fs, 'netproxy.allProxyIgnored');
    assert.equal(all.severity, 'warning');
    assert.match(all.detail, /not by the go command.*set HTTPS_PROXY/);
    assert.equal(only(fs, 'netproxy.invalid').subject, 'HTTP_PROXY');
    assert.doesNotMatch(JSON.stringify(fs), /secret/);
    assert.deepEqual(await runNetproxyCheck({ netproxy: netProxyConfigFromEnv({}), timeoutMs: 1000 }), []);
  });
});
