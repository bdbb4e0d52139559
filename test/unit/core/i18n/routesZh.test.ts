// The findings about routes in Simplified Chinese, from the fixtures their own tests use: private
// modules sent to the public services, origins go fetches from, the release download route, Go
// hosts pinned in the hosts file, and what a macOS login shell exports. Probe failures (a refused
// port, a CONNECT proxy's 502) and checksum-database answers must read as Chinese too.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import type * as http from 'node:http';
import * as path from 'node:path';
import { runDlRouteCheck } from '../../../../src/core/checks/dlRouteCheck';
import { loginShellFindings } from '../../../../src/core/checks/loginShellCheck';
import { moduleRouteFindings } from '../../../../src/core/checks/moduleRoutesCheck';
import { runNetworkChecks } from '../../../../src/core/checks/networkChecks';
import type { Finding } from '../../../../src/core/findings';
import { testCerts } from '../../../support/certs';
import { tempDir } from '../../../support/fakeGo';
import { serverPool } from '../../../support/findingAsserts';
import { pkg } from '../../../support/goProject';
import { startModuleWorld } from '../../../support/moduleWorld';
import { removeNetTestFiles, testEnv, testNet, testPlatform } from '../../../support/netEnv';
import {
  goproxyHandler,
  refusedPort,
  startConnectProxy,
  startHttpServer,
  startHttpsServer,
} from '../../../support/servers';
import { zhProblems } from '../../../support/zhFindings';

after(removeNetTestFiles);

describe('core/i18n: route, DNS and login-shell findings speak Simplified Chinese', function () {
  this.timeout(60_000);
  const keep = serverPool();
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir('ged-zh-routes-');
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  const check = (findings: Finding[], ids: readonly string[], outside: readonly string[] = []) => {
    for (const id of ids)
      assert.ok(
        findings.some((f) => f.id === id),
        `${id} not produced: ${findings.map((f) => f.id)}`,
      );
    assert.deepEqual(
      findings.flatMap((f) => zhProblems(f, outside)),
      [],
    );
  };
  const goMod = (requires: readonly string[]) =>
    fs.writeFile(
      path.join(dir, 'go.mod'),
      `module example.test/app\n\ngo 1.19\n\nrequire (\n${requires.map((r) => `\t${r}\n`).join('')})\n`,
    );

  /** The module-route check on ./go.mod, with no private pattern unless `env` sets one. */
  const routes = (env: Record<string, string | undefined>, platformEnv: NodeJS.ProcessEnv) =>
    moduleRouteFindings({
      goModFiles: [path.join(dir, 'go.mod')],
      env: { GOPRIVATE: '', GONOPROXY: '', GONOSUMDB: '', ...env },
      platform: { env: platformEnv, homeDir: dir, os: 'linux', arch: 'x64', now: () => Date.now() },
      timeoutMs: 5000,
    });

  it('gomod.privateModule: a private require the public mirror and checksum database do not know', async () => {
    const world = keep(await startModuleWorld([pkg('example.test/a', 'v1.0.0')]));
    const noProxy = `http://127.0.0.1:${await refusedPort()}`;
    await goMod(['example.test/a v1.0.0', 'git.corp.test/team/lib v1.2.0', 'github.com/acme/tool v0.1.0 // indirect']);
    const env = { GOPROXY: world.url, GOSUMDB: world.gosumdb, GOPRIVATE: 'github.com/other' };
    // Origins are reached only through a proxy that refuses: nothing is resolved or contacted.
    check(await routes(env, { HTTPS_PROXY: noProxy }), ['gomod.privateModule']);
  });

  it('direct.unreachable: a go-get page without a tag, a refused repository behind a CONNECT proxy', async () => {
    const certs = await testCerts();
    const vanity: http.RequestListener = (req, res) => {
      const u = new URL(req.url ?? '/', 'https://a.test');
      if (u.pathname === '/broken')
        return void res
          .writeHead(200)
          .end('<html><head><meta name="go-import" content="a.test/broken git https://c.test/b.git"></head></html>');
      res.writeHead(200).end('<html><head><title>no meta</title></head></html>');
    };
    const origin = keep(await startHttpsServer(vanity, certs.valid));
    const proxy = keep(await startConnectProxy({ ports: { 'a.test': origin.port, 'c.test': await refusedPort() } }));
    await goMod(['a.test/broken v1.0.0', 'a.test/nometa v1.0.0', 'unreachable.test/y v1.0.0']);
    const env = await testEnv({ HTTPS_PROXY: proxy.url, GOPROXY: 'direct', GOSUMDB: 'off' });
    const findings = await routes(env, env);
    assert.equal(findings.filter((f) => f.id === 'direct.unreachable').length, 3);
    check(findings, ['direct.unreachable']);
  });

  it('dl.ok and dl.unreachable: a release host that serves, one that refuses, a mirror without the archive', async () => {
    const served = keep(
      await startHttpServer((req, res) => {
        if ((req.url ?? '').includes('mode=json')) return void res.writeHead(200).end('[]');
        res.writeHead(206).end('x');
      }),
    );
    const empty = keep(await startHttpServer((_req, res) => res.writeHead(404).end('not here')));
    const refused = `http://127.0.0.1:${await refusedPort()}/dl/`;
    const { findings } = await runDlRouteCheck({
      name: 'go1.23.4',
      goos: 'linux',
      goarch: 'amd64',
      dlBases: [`${served.url}/dl/`, refused],
      mirrors: [`${empty.url}/mirror/`],
      net: await testNet({ timeoutMs: 3000 }),
    });
    check(findings, ['dl.ok', 'dl.unreachable'], ['not here']);
  });

  it('dns.hostsFile: a Go host pinned in the hosts file, working and failing', async () => {
    const good = keep(await startHttpServer(goproxyHandler()));
    const hostsFile = path.join(dir, 'hosts');
    await fs.writeFile(hostsFile, '127.0.0.1 localhost\n127.0.0.1 goproxy.corp.test\n10.1.2.3 go.dev\n');
    const platform = { ...testPlatform(await testEnv()), lookup: async () => ['127.0.0.1'], hostsFile };
    for (const port of [good.port, await refusedPort()]) {
      const findings = await runNetworkChecks({
        goproxy: `http://goproxy.corp.test:${port}`,
        gosumdb: 'off',
        platform,
        timeoutMs: 3000,
      });
      check(findings, ['dns.hostsFile']);
    }
  });

  it('env.loginShellOnly: PATH entries and go settings only the login shell has', () => {
    const findings = loginShellFindings(
      { PATH: '/usr/bin:/bin', GOFLAGS: '-v' },
      {
        shell: '/bin/zsh',
        env: {
          PATH: '/opt/homebrew/bin:/usr/local/go/bin:/usr/bin:/bin',
          GOPROXY: 'https://goproxy.cn,direct',
          GOFLAGS: '-mod=mod',
          HTTPS_PROXY: 'http://alice:s3cret@127.0.0.1:3128',
        },
      },
    );
    check(findings, ['env.loginShellOnly']);
  });
});
