// Every check's findings in Simplified Chinese, judged by test/support/zhFindings.ts.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { archFinding } from '../../../../src/core/checks/archCheck';
import { certExpiryFindings } from '../../../../src/core/checks/certExpiry';
import { clockCheck } from '../../../../src/core/checks/clockCheck';
import { directFindings } from '../../../../src/core/checks/directCheck';
import { envFindings } from '../../../../src/core/checks/envCheck';
import { goNotFoundFinding, goOkFinding, goProblemFinding } from '../../../../src/core/checks/goCheck';
import { goModFindings } from '../../../../src/core/checks/gomodCheck';
import { moduleModeFindings } from '../../../../src/core/checks/moduleModeCheck';
import { runNetworkChecks } from '../../../../src/core/checks/networkChecks';
import { runToolchainCheck } from '../../../../src/core/checks/toolchainCheck';
import { pathFindings } from '../../../../src/core/checks/pathCheck';
import { goAllFinding, goShadowedFinding } from '../../../../src/core/checks/whichGoCheck';
import type { Finding } from '../../../../src/core/findings';
import type { FoundGo } from '../../../../src/core/go/allGos';
import type { ProbeResult } from '../../../../src/core/net/probe';
import type { Platform } from '../../../../src/core/platform';
import type { EnvEntry } from '../../../../src/core/report/model';
import { makeFakeGo, tempDir } from '../../../support/fakeGo';
import { serverPool } from '../../../support/findingAsserts';
import { removeNetTestFiles, testEnv, testPlatform } from '../../../support/netEnv';
import { goproxyHandler, refusedPort, startHttpServer } from '../../../support/servers';
import { englishRuns, zhProblems } from '../../../support/zhFindings';

after(removeNetTestFiles);

function env(values: Record<string, string>, source: EnvEntry['source'] = 'goenv'): Record<string, EnvEntry> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, source }]));
}

function platform(o: Partial<Platform> = {}): Platform {
  return { env: {}, homeDir: '/nonexistent-home', os: 'linux', arch: 'x64', now: () => Date.now(), ...o };
}

describe('core/i18n: every check speaks Simplified Chinese', function () {
  this.timeout(60_000);
  const keep = serverPool();
  const seen = new Set<string>();
  const check = (findings: Finding[], outside: readonly string[] = []) => {
    assert.ok(findings.length > 0, 'the fixture produced no finding');
    for (const f of findings) seen.add(f.id);
    assert.deepEqual(
      findings.flatMap((f) => zhProblems(f, outside)),
      [],
    );
  };

  it('the English heuristic finds English sentences and lets code, identifiers and quotes through', () => {
    assert.deepEqual(englishRuns('请运行 `go mod tidy`，然后设置 GOPROXY=https://goproxy.cn,direct。'), []);
    assert.deepEqual(englishRuns('go 会拒绝：“go: module ./a listed in go.work file requires go >= 1.22”。'), []);
    assert.deepEqual(englishRuns('本机的 GOROOT 和 GOPATH 以及 go.mod 与 TLS HTTP DNS 都正常'), []);
    assert.deepEqual(englishRuns('模块代理 the go command refuses it。'), ['the go command refuses it']);
    assert.deepEqual(englishRuns('Install git, or fetch modules'), ['Install git, or fetch modules']);
    assert.deepEqual(englishRuns('the go 命令 refuses it now'), []);
  });

  it('go env: overrides, GOPROXY off and invalid, GOSUMDB off, GOINSECURE, -insecure, look-alikes, broad patterns', () => {
    check(
      envFindings({
        env: env({ GOPROXY: 'https://goproxy.cn,direct', GOSUMDB: 'sum.golang.org' }),
        os: { GOPROXY: 'https://goproxy.io' },
        file: { path: '/home/u/.config/go/env', values: new Map([['GOPROXY', 'https://goproxy.cn,direct']]) },
        platform: { os: 'win32' },
      }),
    );
    check(envFindings({ env: env({ GOPROXY: 'off', GOSUMDB: 'off' }, 'environment'), os: {} }));
    check(envFindings({ env: env({ GOPROXY: 'https://goproxy.cn,off' }), os: {} }));
    check(envFindings({ env: env({ GOPROXY: 'https://a.example,ftp://b.example' }), os: {} }));
    check(envFindings({ env: env({ GOPROXY: 'https://a.example,https://b.example,direct' }), os: {} }));
    check(envFindings({ env: env({ GOINSECURE: 'git.corp.example', GOFLAGS: '-insecure -mod=mod' }), os: {} }));
    check(
      envFindings({ env: env({ GOPROXY: 'https://goproxy.cn，direct', GOPRIVATE: 'git.corp.example\u200b' }), os: {} }),
    );
    check(
      envFindings({
        env: env({ GOPRIVATE: '*', GONOPROXY: 'github.com', GOINSECURE: 'github.com,x.example' }),
        os: {},
      }),
    );
    check(envFindings({ env: env({ GOPROXY: 'https://goproxy.cn,direct', GOSUMDB: 'sum.golang.org' }), os: {} }));
  });

  it('PATH on Windows: too long, quotes, a trailing backslash', () => {
    const PATH = [`"C:\\Program Files\\Go\\bin"`, 'C:\\tools\\', 'x'.repeat(8200)].join(';');
    check(pathFindings({ os: 'win32', env: { Path: PATH } }));
  });

  it('the go binary: not found, hanging, failing, printing garbage, cancelled, fine', () => {
    check(
      [
        goNotFoundFinding({ found: false, searched: ['/usr/local/go/bin/go', '/usr/bin/go'] }),
        goNotFoundFinding({ found: false, searched: [], explicit: '/opt/go/bin/go' }),
        goProblemFinding('/usr/bin/go', { kind: 'timeout', what: 'go version', timeoutMs: 5000 }),
        goProblemFinding('/usr/bin/go', {
          kind: 'spawn',
          what: 'go version',
          code: 'EACCES',
          message: 'permission denied',
        }),
        goProblemFinding('/usr/bin/go', {
          kind: 'failed',
          what: 'go env -json',
          exitCode: 1,
          signal: null,
          stderr: 'go: reading go env file: bad line',
        }),
        goProblemFinding('/usr/bin/go', {
          kind: 'failed',
          what: 'go env -json',
          exitCode: null,
          signal: 'SIGKILL',
          stderr: '',
        }),
        goProblemFinding('/usr/bin/go', {
          kind: 'badOutput',
          what: 'go version',
          output: 'hello',
          expected: '"go version goX.Y.Z os/arch"',
        }),
        goProblemFinding('/usr/bin/go', { kind: 'aborted', what: 'go version' }),
        goOkFinding('/usr/bin/go', { version: 'go1.19.8', goos: 'linux', goarch: 'amd64' }, '/usr/lib/go-1.19', 12),
        // What go printed is go's.
      ],
      ['go: reading go env file: bad line'],
    );
  });

  it('which go runs: every go installed, a shadowed newer one, the editor disagreeing, emulation', () => {
    const gos: FoundGo[] = [
      {
        path: '/usr/bin/go',
        realPath: '/usr/lib/go-1.19/bin/go',
        place: 'PATH',
        pathIndex: 0,
        version: 'go1.19.8',
        goroot: '/usr/lib/go-1.19',
      },
      {
        path: '/usr/local/go/bin/go',
        realPath: '/usr/local/go/bin/go',
        place: 'well-known',
        version: 'go1.22.5',
        goroot: '/usr/local/go',
      },
      { path: '/opt/go/bin/go', realPath: '/opt/go/bin/go', place: 'editor', goroot: '/opt/go' },
    ];
    const editor = { realPath: '/opt/go/bin/go', setting: 'go.alternateTools' };
    const p = platform({ env: { SHELL: '/bin/zsh' } });
    check([goAllFinding(gos, editor), goAllFinding([], undefined), goAllFinding(gos.slice(0, 1), undefined)]);
    check([goShadowedFinding(gos, editor, p)!]);
    check([
      archFinding({ path: '/usr/local/go/bin/go', version: 'go1.22.5', goarch: 'amd64' }, 'arm64', { os: 'darwin' })!,
    ]);
    check([
      archFinding({ path: '/usr/local/go/bin/go', version: 'go1.22.5', goarch: 'amd64' }, 'arm64', { os: 'linux' })!,
    ]);
  });

  it('go.mod and module mode: a newer Go needed, a toolchain line, malformed lines, GOPATH mode, missing vendor/', async () => {
    const dir = await tempDir('ged-zh-');
    try {
      const file = path.join(dir, 'go.mod');
      await fs.writeFile(
        file,
        'module example.com/m\n\ngo 1.23.1\n\ntoolchain go1.23.4\n\nrequire golang.org/x/text v0.14.0\n',
      );
      const base = { file, goproxy: 'https://goproxy.cn,direct', goos: 'linux', goarch: 'amd64' };
      check(await goModFindings({ ...base, localVersion: 'go1.19.8', gotoolchain: 'auto' }));
      check(await goModFindings({ ...base, localVersion: 'go1.22.5', gotoolchain: 'local' }));
      check(await goModFindings({ ...base, localVersion: 'go1.22.5', gotoolchain: 'auto', goproxy: 'off' }));
      check(await goModFindings({ ...base, localVersion: 'go1.23.1', gotoolchain: 'auto' }));
      check(await goModFindings({ ...base, localVersion: 'go1.23.1', gotoolchain: 'local' }));
      check(await goModFindings({ ...base, localVersion: 'go1.24.0', gotoolchain: 'auto' }));
      await fs.writeFile(file, 'module m\ngo one\ntoolchain 1.2\nrequire (\n');
      check(await goModFindings({ ...base, localVersion: 'go1.22.5', gotoolchain: 'auto' }));
      await fs.writeFile(file, 'module example.com/m\n\ngo 1.21\n\nrequire golang.org/x/text v0.14.0\n');
      const modes = env({ GO111MODULE: 'off', GOFLAGS: '-mod=vendor', GOPATH: '/home/u/go' }, 'environment');
      check(await moduleModeFindings({ goModFiles: [file], env: modes, version: 'go1.19.8', os: 'linux' }));
      const auto = env({ GO111MODULE: '', GOPATH: dir });
      const inside = path.join(dir, 'src', 'm', 'go.mod');
      check(await moduleModeFindings({ goModFiles: [inside], env: auto, version: 'go1.12.17', os: 'linux' }));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('git missing for direct downloads', async () => {
    const empty = await tempDir('ged-zh-path-');
    try {
      check(await directFindings({ env: env({ GOPROXY: 'direct' }), pathEnv: empty, os: 'linux' }));
      check(await directFindings({ env: env({ GOPRIVATE: 'git.corp.example' }), pathEnv: undefined, os: 'darwin' }));
      check(await directFindings({ env: env({ GOPROXY: 'https://goproxy.cn,direct' }), pathEnv: empty, os: 'win32' }));
    } finally {
      await fs.rm(empty, { recursive: true, force: true });
    }
  });

  it('the toolchain: a switch GOTOOLCHAIN forbids, a toolchain no source has, an invalid GOTOOLCHAIN', async () => {
    const work = await tempDir('ged-zh-tc-');
    try {
      const dead = `http://127.0.0.1:${await refusedPort()}`;
      await fs.writeFile(path.join(work, 'go.mod'), 'module example.com/m\n\ngo 1.24.1\n');
      const toolchain = async (version: string, env: NodeJS.ProcessEnv) => {
        const go = await makeFakeGo({ version: `go version ${version} linux/amd64` }, await tempDir('ged-zh-go-'));
        const p = platform({ env: { PATH: '/usr/bin:/bin', HOME: work, ...env }, homeDir: work });
        const r = await runToolchainCheck({
          cwd: work,
          go: { path: go, version, goos: 'linux', goarch: 'amd64' },
          layers: { os: p.env, file: new Map(), filePath: path.join(work, 'goenv') },
          gorootDir: path.dirname(path.dirname(go)),
          goEnv: { GOMODCACHE: path.join(work, 'modcache') },
          goproxy: `${dead},direct`,
          gosumdb: `sum.golang.org ${dead}`,
          platform: p,
          timeoutMs: 3000,
          directBase: dead,
        });
        await fs.rm(path.dirname(path.dirname(go)), { recursive: true, force: true });
        return r.findings;
      };
      check(await toolchain('go1.23.4', { GOTOOLCHAIN: 'local' }));
      check(await toolchain('go1.23.4', { GOTOOLCHAIN: 'auto' }));
      check(await toolchain('go1.23.4', { GOTOOLCHAIN: 'banana' }));
      for (const id of ['toolchain.plan', 'toolchain.switchForbidden', 'toolchain.unavailable', 'toolchain.invalid'])
        assert.ok(seen.has(id), `${id} not produced: ${[...seen].join(', ')}`);
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  });

  it('certificate expiry and the clock, from probe results', () => {
    const now = Date.parse('2026-12-06T09:00:00Z');
    const probe = (url: string, validTo: string): ProbeResult =>
      ({
        url,
        headers: { date: new Date(now - 600_000).toUTCString() },
        responseAt: now,
        rttMs: 10,
        status: 200,
        steps: {},
        peerChain: [{ subject: 'CN=goproxy.example.test', issuer: 'CN=Example CA', validTo }],
      }) as unknown as ProbeResult;
    const p = platform({ now: () => now });
    check(
      certExpiryFindings(
        [
          probe('https://a.example.test/', new Date(now + 3600_000).toUTCString()),
          probe('https://b.example.test/', new Date(now + 1.5 * 86400_000).toUTCString()),
          probe('https://c.example.test/', new Date(now + 5 * 86400_000).toUTCString()),
        ],
        p,
      ),
    );
    check([clockCheck([probe('https://a.example.test/', 'x')], p).finding!]);
    check([clockCheck([], p).finding!]);
  });

  it('the network: a refused GOPROXY, a captive portal, an unreachable checksum database and HTTP proxy, DNS sent to loopback', async () => {
    const portal = keep(await startHttpServer(goproxyHandler({ captivePortal: true })));
    const good = keep(await startHttpServer(goproxyHandler()));
    const refused = `http://127.0.0.1:${await refusedPort()}`;
    const base = testPlatform(await testEnv({ HTTPS_PROXY: refused, ALL_PROXY: 'socks5://127.0.0.1:1080' }));
    const lookup = async (host: string): Promise<string[]> => {
      if (host === 'proxy.golang.org') return ['127.0.0.1'];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    const findings = await runNetworkChecks({
      goproxy: `${refused},${portal.url},http://proxy.golang.org:${good.port}`,
      gosumdb: `sum.golang.org ${refused}`,
      extraMirrors: [good.url],
      platform: { ...base, lookup },
      timeoutMs: 3000,
    });
    check(findings);
    for (const id of [
      'proxy.refused',
      'proxy.badResponse',
      'sumdb.unreachable',
      'netproxy.allProxyIgnored',
      'dns.suspicious',
    ])
      assert.ok(seen.has(id), `${id} not produced: ${[...seen].join(', ')}`);
  });
});
