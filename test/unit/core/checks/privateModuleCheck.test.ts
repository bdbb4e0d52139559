// gomod.privateModule against a local module world (mirror and checksum database), with the real
// go command asked the same question in the same environment.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { moduleRouteFindings } from '../../../../src/core/checks/moduleRoutesCheck';
import { privatePrefix } from '../../../../src/core/checks/privateModuleCheck';
import { runProcess } from '../../../../src/core/process/run';
import { tempDir } from '../../../support/fakeGo';
import { ids, only } from '../../../support/findingAsserts';
import { pkg, REAL_GO } from '../../../support/goProject';
import { throwawayGo } from '../../../support/goReferee';
import { startModuleWorld, type ModuleWorld } from '../../../support/moduleWorld';
import { refusedPort, startSilentServer } from '../../../support/servers';

const PUBLIC = pkg('example.test/a', 'v1.0.0');

describe('checks/privateModule (requires the public proxy and database do not know)', function () {
  this.timeout(60_000);
  let world: ModuleWorld;
  let dir: string;
  let noProxy: string;

  before(async () => {
    world = await startModuleWorld([PUBLIC]);
    noProxy = `http://127.0.0.1:${await refusedPort()}`;
  });
  after(async () => {
    await world?.close();
  });
  beforeEach(async () => {
    dir = await tempDir('ged-private-');
    await fs.writeFile(
      path.join(dir, 'go.mod'),
      'module example.test/app\n\ngo 1.19\n\nrequire (\n\texample.test/a v1.0.0\n\tgit.corp.test/team/lib v1.2.0\n\tgithub.com/acme/tool v0.1.0 // indirect\n)\n',
    );
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}) => ({
    GOPROXY: world.url,
    GOSUMDB: world.gosumdb,
    GOPRIVATE: '',
    GONOPROXY: '',
    GONOSUMDB: '',
    ...extra,
  });
  const check = (extra: Record<string, string> = {}) =>
    moduleRouteFindings({
      goModFiles: [path.join(dir, 'go.mod')],
      env: env(extra),
      // Origins are reached only through a proxy that refuses: nothing is resolved or contacted.
      platform: { env: { HTTPS_PROXY: noProxy }, homeDir: dir, os: 'linux', arch: 'x64', now: () => Date.now() },
      timeoutMs: 5000,
    });

  it('reports each private prefix as an error with the go.mod line, and a fix that appends to GOPRIVATE', async () => {
    const found = await check();
    assert.deepEqual(ids(found), ['gomod.privateModule', 'gomod.privateModule']);
    const corp = found.find((f) => f.subject === 'git.corp.test/team/lib@v1.2.0')!;
    assert.equal(corp.severity, 'error');
    assert.deepEqual(corp.location, { file: path.join(dir, 'go.mod'), line: 7 });
    assert.match(corp.detail, /answers HTTP 404|\(HTTP 404\)/);
    assert.match(corp.detail, /sumdb\.world\.test, which has no record/);
    assert.equal(corp.fixes?.[0]?.command, 'go env -w GOPRIVATE=git.corp.test');
    assert.deepEqual(corp.fixes?.[0]?.action, { kind: 'setGoEnv', name: 'GOPRIVATE', value: 'git.corp.test' });
    const gh = found.find((f) => f.subject === 'github.com/acme/tool@v0.1.0')!;
    assert.equal(gh.fixes?.[0]?.command, 'go env -w GOPRIVATE=github.com/acme');
    assert.ok(corp.text, 'built from catalog messages');
  });

  it('keeps the patterns already in GOPRIVATE when it appends', async () => {
    const found = await check({ GOPRIVATE: 'github.com/acme' });
    const f = only(found, 'gomod.privateModule');
    assert.equal(f.fixes?.[0]?.command, 'go env -w GOPRIVATE=github.com/acme,git.corp.test');
    assert.match(f.detail, /GOPRIVATE=github\.com\/acme/);
  });

  it('is absent once GOPRIVATE, GONOPROXY or GONOSUMDB covers the modules (Go glob rules)', async () => {
    const privateIds = async (extra: Record<string, string>) =>
      ids(await check(extra)).filter((id) => id === 'gomod.privateModule');
    assert.deepEqual(await privateIds({ GOPRIVATE: 'git.corp.test,github.com/acme' }), []);
    assert.deepEqual(await privateIds({ GONOSUMDB: '*.corp.test', GONOPROXY: 'github.com/acm?' }), []);
    // GOPRIVATE sends them to their origins, which must then answer (they do not here).
    assert.deepEqual(ids(await check({ GOPRIVATE: 'git.corp.test' })), ['gomod.privateModule', 'direct.unreachable']);
  });

  it('is a warning (a leak, not a failure) when go.sum records it and GOPROXY falls back to direct', async () => {
    await fs.writeFile(
      path.join(dir, 'go.sum'),
      'git.corp.test/team/lib v1.2.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n' +
        'git.corp.test/team/lib v1.2.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n',
    );
    const found = await check({ GOPROXY: `${world.url},direct`, GOPRIVATE: 'github.com/acme' });
    const f = only(found, 'gomod.privateModule');
    assert.equal(f.severity, 'warning');
    assert.match(f.detail, /only because go\.sum already records it/);
    // Without the fallback the mirror's 404 ends the download: an error again.
    assert.equal(only(await check({ GOPRIVATE: 'github.com/acme' }), 'gomod.privateModule').severity, 'error');
  });

  it('says nothing of a module the mirror serves, nor when the database is off', async () => {
    await fs.writeFile(path.join(dir, 'go.mod'), 'module example.test/app\n\nrequire example.test/a v1.0.0\n');
    assert.deepEqual(ids(await check()), []);
    await fs.writeFile(path.join(dir, 'go.mod'), 'module example.test/app\n\nrequire git.corp.test/x v1.0.0\n');
    assert.deepEqual(ids(await check({ GOSUMDB: 'off' })), []);
  });

  it('the real go fails on the same module in the same environment, and the doctor names the cause go names', async () => {
    const home = await tempDir('ged-private-go-');
    try {
      const goEnv = {
        ...env(),
        ...throwawayGo(home),
      };
      const r = await runProcess(REAL_GO, {
        args: ['mod', 'download', 'git.corp.test/team/lib@v1.2.0'],
        cwd: home,
        env: goEnv,
        timeoutMs: 60_000,
      });
      assert.equal(r.kind, 'exited');
      if (r.kind === 'exited') {
        assert.notEqual(r.code, 0);
        assert.match(r.stderr, /404 Not Found|not found/);
      }
    } finally {
      await fs.rm(home, { recursive: true, force: true });
    }
  });

  it('a mirror that never answers ends the check at the deadline without a verdict; cancelling rejects', async () => {
    const silent = await startSilentServer();
    try {
      const input = {
        goModFiles: [path.join(dir, 'go.mod')],
        env: env({ GOPROXY: silent.url }),
        platform: { env: {}, homeDir: dir, os: 'linux' as const, arch: 'x64', now: () => Date.now() },
        timeoutMs: 300,
      };
      assert.deepEqual(await moduleRouteFindings(input), []);
      assert.ok(silent.accepted() > 0, 'the mirror was asked');
      const ac = new AbortController();
      const cancelled = moduleRouteFindings({ ...input, timeoutMs: 30_000, signal: ac.signal });
      setImmediate(() => ac.abort());
      await assert.rejects(cancelled, { name: 'AbortError' });
    } finally {
      await silent.close();
    }
  });

  it('the prefix is the host, or host/owner on a shared code host', () => {
    assert.equal(privatePrefix('git.corp.example/team/lib/v2'), 'git.corp.example');
    assert.equal(privatePrefix('github.com/acme/tool'), 'github.com/acme');
    assert.equal(privatePrefix('gitlab.com/group/sub/proj'), 'gitlab.com/group');
    assert.equal(privatePrefix('gitee.com/team/x'), 'gitee.com/team');
  });
});
