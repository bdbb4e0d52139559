// direct.unreachable with local HTTPS origins (test CA) reached through an HTTP proxy that maps
// `*.test:443` to them, as the go command reaches them with HTTPS_PROXY: a vanity `?go-get=1`
// page pointing at a repository on another local host. The real go fails where the doctor says.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import type * as http from 'node:http';
import * as path from 'node:path';
import { moduleRouteFindings } from '../../../../src/core/checks/moduleRoutesCheck';
import { goImportFor, originOf, parseGoImports } from '../../../../src/core/go/goImport';
import { runProcess } from '../../../../src/core/process/run';
import { testCerts } from '../../../support/certs';
import { tempDir } from '../../../support/fakeGo';
import { ids, only } from '../../../support/findingAsserts';
import { REAL_GO } from '../../../support/goProject';
import { throwawayGo } from '../../../support/goReferee';
import { startModuleWorld, type ModuleWorld } from '../../../support/moduleWorld';
import { testEnv } from '../../../support/netEnv';
import {
  refusedPort,
  startConnectProxy,
  startHttpsServer,
  type ConnectProxy,
  type StartedServer,
} from '../../../support/servers';

const goImport = (prefix: string, repo: string) =>
  `<html><head><meta name="go-import" content="${prefix} git ${repo}"></head><body>go get</body></html>`;

describe('checks/directOrigin (the origin direct fetches from must answer)', function () {
  this.timeout(60_000);
  const servers: StartedServer[] = [];
  let world: ModuleWorld;
  let dir: string;
  let proxy: ConnectProxy;

  before(async () => {
    const certs = await testCerts();
    const vanity: http.RequestListener = (req, res) => {
      const u = new URL(req.url ?? '/', 'https://a.test');
      if (u.searchParams.get('go-get') !== '1') return void res.writeHead(404).end();
      if (u.pathname === '/x') return void res.writeHead(200).end(goImport('a.test/x', 'https://b.test/x.git'));
      if (u.pathname === '/broken')
        return void res.writeHead(200).end(goImport('a.test/broken', 'https://c.test/b.git'));
      res.writeHead(200).end('<html><head><title>no meta</title></head></html>');
    };
    const origin = await startHttpsServer(vanity, certs.valid);
    const repo = await startHttpsServer((_req, res) => res.writeHead(200).end('ok'), certs.valid);
    world = await startModuleWorld([]);
    servers.push(origin, repo, world);
    proxy = await startConnectProxy({
      ports: { 'a.test': origin.port, 'b.test': repo.port, 'c.test': await refusedPort() },
    });
    servers.push(proxy);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });
  beforeEach(async () => {
    dir = await tempDir('ged-direct-');
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const requireOf = async (...mods: string[]) =>
    fs.writeFile(
      path.join(dir, 'go.mod'),
      `module example.test/app\n\ngo 1.19\n\nrequire (\n${mods.map((m) => `\t${m} v1.0.0\n`).join('')})\n`,
    );
  const goEnv = async (extra: Record<string, string>) =>
    testEnv({ HTTPS_PROXY: proxy.url, GOSUMDB: 'off', GOPRIVATE: '', GONOPROXY: '', GONOSUMDB: '', ...extra });
  const check = async (extra: Record<string, string>) => {
    const env = await goEnv(extra);
    return moduleRouteFindings({
      goModFiles: [path.join(dir, 'go.mod')],
      env,
      platform: { env, homeDir: dir, os: 'linux', arch: 'x64', now: () => Date.now() },
      timeoutMs: 5000,
    });
  };

  it('says nothing when the vanity page and the repository it names answer', async () => {
    await requireOf('a.test/x');
    assert.deepEqual(ids(await check({ GOPROXY: 'direct' })), []);
    assert.ok(proxy.requests.includes('a.test:443') && proxy.requests.includes('b.test:443'), proxy.requests.join());
  });

  it('names the repository host and the network failure when the go-import target refuses (GOPROXY=direct)', async () => {
    await requireOf('a.test/broken');
    const f = only(await check({ GOPROXY: 'direct' }), 'direct.unreachable');
    assert.equal(f.severity, 'error');
    assert.equal(f.subject, 'c.test');
    assert.match(f.detail, /GOPROXY is "direct"/);
    assert.match(f.detail, /The repository https:\/\/c\.test\/b\.git could not be reached/);
    assert.match(f.detail, /a\.test\/broken@v1\.0\.0/);
    assert.deepEqual(f.location, { file: path.join(dir, 'go.mod'), line: 6 });
    assert.equal(f.fixes?.[0]?.command, 'go-env-doctor set-proxy --auto');
  });

  it('names the ?go-get=1 step when the page has no go-import tag, or the host cannot be reached', async () => {
    await requireOf('a.test/nometa', 'unreachable.test/y');
    const found = await check({ GOPROXY: 'direct' });
    assert.deepEqual(ids(found), ['direct.unreachable', 'direct.unreachable']);
    const noMeta = found.find((f) => f.subject === 'a.test')!;
    assert.match(
      noMeta.detail,
      /Asked where the repository is, https:\/\/a\.test\/nometa\?go-get=1 answered HTTP 200 without a go-import meta tag/,
    );
    const gone = found.find((f) => f.subject === 'unreachable.test')!;
    assert.match(gone.detail, /https:\/\/unreachable\.test\/y\?go-get=1 could not be reached/);
  });

  it('private modules (GOPRIVATE) and the ,direct fallback after a 404 go to the origin too; a mirror that serves them does not', async () => {
    await requireOf('a.test/broken');
    const priv = only(await check({ GOPROXY: world.url, GOPRIVATE: 'a.test' }), 'direct.unreachable');
    assert.match(priv.detail, /a\.test\/broken matches GOPRIVATE "a\.test"/);
    assert.equal(priv.fixes, undefined, 'no proxy change helps private code');
    const fallback = only(await check({ GOPROXY: `${world.url},direct` }), 'direct.unreachable');
    assert.match(fallback.detail, /answer 404\/410 for a\.test\/broken/);
    assert.deepEqual(ids(await check({ GOPROXY: world.url })), [], 'no direct in GOPROXY: the origin is never asked');
  });

  it('is absent once the module is fetched through a mirror that serves it', async () => {
    await world.add({ path: 'a.test/broken', version: 'v1.0.0' });
    await requireOf('a.test/broken');
    assert.deepEqual(ids(await check({ GOPROXY: `${world.url},direct` })), []);
  });

  it('the real go fails at the same steps (go-get page without a tag; repository refused)', async () => {
    const home = await tempDir('ged-direct-go-');
    try {
      const env = {
        ...(await goEnv({ GOPROXY: 'direct' })),
        ...throwawayGo(home),
        GIT_TERMINAL_PROMPT: '0',
        GIT_SSL_CAINFO: (await testCerts()).ca.file,
      };
      const download = async (mod: string) => {
        const r = await runProcess(REAL_GO, { args: ['mod', 'download', mod], cwd: home, env, timeoutMs: 60_000 });
        assert.equal(r.kind, 'exited');
        return r.kind === 'exited' ? { code: r.code, out: r.stdout + r.stderr } : { code: -1, out: '' };
      };
      const noMeta = await download('a.test/nometa@v1.0.0');
      assert.notEqual(noMeta.code, 0);
      assert.match(noMeta.out, /unrecognized import path "a\.test\/nometa"|no go-import meta tags/);
      const refused = await download('a.test/broken@v1.0.0');
      assert.notEqual(refused.code, 0);
      assert.match(refused.out, /c\.test/);
    } finally {
      await fs.rm(home, { recursive: true, force: true });
    }
  });

  it('finds the origin as cmd/go does: known hosts, .git paths, go-import tags by longest prefix', () => {
    assert.deepEqual(originOf('github.com/acme/tool/v2'), {
      kind: 'repo',
      host: 'github.com',
      repoUrl: 'https://github.com/acme/tool',
    });
    assert.deepEqual(originOf('git.corp.example/team/lib.git/sub'), {
      kind: 'repo',
      host: 'git.corp.example',
      repoUrl: 'https://git.corp.example/team/lib.git',
    });
    assert.deepEqual(originOf('golang.org/x/text'), {
      kind: 'goGet',
      host: 'golang.org',
      url: 'https://golang.org/x/text?go-get=1',
    });
    const tags = parseGoImports(
      `<meta name="go-import" content="golang.org/x/text git https://go.googlesource.com/text">` +
        `<meta content='golang.org/x mod https://mirror.example' name='go-import'>`,
    );
    assert.equal(goImportFor(tags, 'golang.org/x/text')?.repoRoot, 'https://go.googlesource.com/text');
    assert.equal(goImportFor(tags, 'golang.org/x/net')?.vcs, 'mod');
    assert.equal(goImportFor(tags, 'golang.org/y'), undefined);
  });
});
