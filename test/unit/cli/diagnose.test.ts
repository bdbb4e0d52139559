import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildCli, CLI, runCli } from '../../support/cli';
import { makeFakeGo, tempDir } from '../../support/fakeGo';
import { refusedPort } from '../../support/servers';

/** An environment with no network to reach: module downloads off, so no probe leaves the machine. */
async function offlineEnv(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const home = await tempDir('ged-home-');
  return {
    PATH: '/usr/bin:/bin',
    HOME: home,
    GOENV: path.join(home, 'goenv'),
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOFLAGS: '',
    ...extra,
  };
}

describe('go-env-doctor diagnose (CLI)', () => {
  before(buildCli);

  it('prints one JSON document in the documented shape, with the real go', async () => {
    const env = await offlineEnv();
    const r = await runCli(['--json'], { env });
    assert.equal(r.stderr, '');
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.tool.name, 'go-env-doctor');
    assert.match(doc.go.version, /^go1\.\d+/);
    assert.equal(doc.go.path, '/usr/bin/go');
    assert.ok(doc.go.goroot.length > 0);
    assert.deepEqual(doc.env.GOPROXY, { value: 'off', source: 'environment' });
    assert.equal(doc.env.GOROOT.source, 'default');
    assert.ok(typeof doc.durationMs === 'number');
    for (const f of doc.findings) {
      assert.match(f.id, /^[a-z]+\.[a-zA-Z]+$/);
      assert.ok(['ok', 'info', 'warning', 'error'].includes(f.severity));
      assert.ok(f.title && f.detail);
    }
    const ids = doc.findings.map((f: { id: string }) => f.id);
    assert.ok(ids.includes('go.ok') && ids.includes('env.proxyOff') && ids.includes('env.sumdbOff'), ids.join());
    assert.equal(r.code, 0, 'warnings only: exit 0');
  });

  it('exits 1 with go.notFound when there is no go, and names the fix', async () => {
    const env = await offlineEnv({ PATH: '/nonexistent' });
    const r = await runCli(['--go', '/nonexistent/go'], { env });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /\[✗\] The configured go binary does not exist/);
    // Started as `node dist/cli.js`, so that is how the printed fix runs it: go-env-doctor is not on PATH.
    assert.ok(r.stdout.includes(`fix: node ${CLI} install latest`), r.stdout);
    assert.doesNotMatch(r.stdout, /fix: go-env-doctor /);
  });

  it('puts the go.mod finding on its line and exits 1', async () => {
    const dir = await tempDir('ged-mod-');
    await fs.writeFile(path.join(dir, 'go.mod'), 'module example.com/m\n\ngo 1.99\n');
    // Go 1.99 is not installed, so the release download route is probed: keep it on loopback.
    const dlBase = `http://127.0.0.1:${await refusedPort()}/dl/`;
    const r = await runCli(['--json', '--cwd', dir, '--dl-base', dlBase], { env: await offlineEnv() });
    assert.equal(r.code, 1);
    const f = JSON.parse(r.stdout).findings.find((x: { id: string }) => x.id === 'gomod.goTooNew');
    assert.deepEqual(f.location, { file: path.join(dir, 'go.mod'), line: 3 });
  });

  it('finds a hanging go and still ends in about the timeout', async () => {
    const fake = await makeFakeGo({ versionScript: 'sleep 60', envScript: 'sleep 60' });
    const r = await runCli(['--json', '--go', fake, '--timeout', '1000'], { env: await offlineEnv() });
    assert.equal(r.code, 1);
    // go sleeps 60 s: ending well before that can only be the timeout (the precise bound is in the bench).
    assert.ok(r.ms < 20_000, `took ${r.ms} ms`);
    const ids = JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id);
    assert.deepEqual(
      ids.filter((i: string) => i.startsWith('go.') && i !== 'go.all'),
      ['go.timeout', 'go.timeout'],
    );
  });

  it('treats bad usage as exit 2 with a message', async () => {
    const env = await offlineEnv();
    for (const args of [['--bogus'], ['--timeout', 'soon'], ['frobnicate'], ['--json', 'extra']]) {
      const r = await runCli(args, { env });
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /go-env-doctor/);
      assert.equal(r.stdout, '');
    }
    const help = await runCli(['--help'], { env });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: go-env-doctor/);
  });

  it('never prints proxy credentials', async () => {
    const env = await offlineEnv({
      GOPROXY: 'https://alice:s3cret@proxy.corp.invalid,bad entry',
      HTTPS_PROXY: 'http://bob:hunter2@127.0.0.1:9',
    });
    const r = await runCli(['--json', '--timeout', '1000'], { env });
    assert.ok(!/s3cret|hunter2/.test(r.stdout + r.stderr), r.stdout);
    const text = await runCli(['--timeout', '1000'], { env });
    assert.ok(!/s3cret|hunter2/.test(text.stdout + text.stderr), text.stdout);
  });
});
