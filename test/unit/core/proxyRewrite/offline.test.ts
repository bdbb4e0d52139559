// `set-proxy --offline`: the module cache first in GOPROXY (the rest kept), checked with the real
// go reading through the file:// URL; which go.mod requirements the cache lacks; restore undoes it.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../../../support/fakeGo';
import { runProxyCli } from '../../../support/mirrors';
import { runProcess } from '../../../../src/core/process/run';
import { offlineGoproxy } from '../../../../src/core/proxyRewrite';
import { parseGoModDeps, resolveReplacement } from '../../../../src/core/proxyRewrite/goModRequires';

const GO_MOD = `module example.com/app

go 1.19

require example.com/hello v1.0.0 // a single-line require

require (
	github.com/BurntSushi/toml v1.2.0
	golang.org/x/text v0.3.0 // indirect
	"example.com/missing" v1.0.0
	example.com/old v1.0.0
	example.com/local v0.0.0
)

replace example.com/old v1.0.0 => example.com/new v1.1.0

replace (
	example.com/local => ../local
)
`;

async function put(cache: string, modPath: string, version: string, files: Record<string, string>): Promise<void> {
  const dir = path.join(
    cache,
    'cache',
    'download',
    ...modPath.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`).split('/'),
    '@v',
  );
  await fs.mkdir(dir, { recursive: true });
  for (const [ext, text] of Object.entries(files)) await fs.writeFile(path.join(dir, `${version}${ext}`), text);
}

describe('set-proxy --offline (CLI, real go, temp GOMODCACHE)', function () {
  this.timeout(30000);
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  it('puts file://<GOMODCACHE>/cache/download first, lists what the cache lacks, and go reads modules through it', async () => {
    const home = await tempDir('ged-offline-');
    dirs.push(home);
    const cache = path.join(home, 'modcache');
    await put(cache, 'example.com/hello', 'v1.0.0', {
      '.info': '{"Version":"v1.0.0","Time":"2020-01-01T00:00:00Z"}',
      '.mod': 'module example.com/hello\n',
      '.zip': 'PK',
    });
    await put(cache, 'github.com/BurntSushi/toml', 'v1.2.0', {
      '.mod': 'module github.com/BurntSushi/toml\n',
      '.zip': 'PK',
    });
    await put(cache, 'golang.org/x/text', 'v0.3.0', { '.mod': 'module golang.org/x/text\n' });
    await put(cache, 'example.com/new', 'v1.1.0', { '.mod': 'module example.com/new\n', '.zip': 'PK' });
    const project = path.join(home, 'app');
    await fs.mkdir(path.join(project, 'cmd', 'tool'), { recursive: true });
    await fs.writeFile(path.join(project, 'go.mod'), GO_MOD);
    const envFile = path.join(home, 'goenv');
    // off after the cache: nothing in this test can reach the network.
    await fs.writeFile(envFile, 'GOPROXY=off\n');
    const env = { PATH: '/usr/bin:/bin', HOME: home, GOENV: envFile, GOMODCACHE: cache, GOFLAGS: '', GOSUMDB: 'off' };

    const r = await runProxyCli('set-proxy', ['--offline', '--cwd', path.join(project, 'cmd', 'tool'), '--json'], {
      env,
    });
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const doc = JSON.parse(r.stdout);
    const fileUrl = pathToFileURL(path.join(cache, 'cache', 'download')).href;
    assert.equal(doc.value, `${fileUrl},off`);
    assert.equal(doc.ok, true);
    assert.equal(doc.offline.goMod, path.join(project, 'go.mod'));
    assert.deepEqual(doc.offline.missing, [
      { path: 'golang.org/x/text', version: 'v0.3.0', status: 'goModOnly', line: 9 },
      { path: 'example.com/missing', version: 'v1.0.0', status: 'missing', line: 10 },
    ]);
    assert.equal(await fs.readFile(envFile, 'utf8'), `GOPROXY=${fileUrl},off\n`);

    // The real go, with another (empty) module cache, fetches through the written file:// entry.
    const other = path.join(home, 'othercache');
    const list = await runProcess('/usr/bin/go', {
      args: ['list', '-m', '-json', 'example.com/hello@v1.0.0'],
      env: { ...env, GOMODCACHE: other },
      cwd: home,
      timeoutMs: 15000,
    });
    if (list.kind !== 'exited') assert.fail(`go list: ${list.kind}`);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /"Version": "v1\.0\.0"/);

    const text = await runProxyCli('set-proxy', ['--offline', '--cwd', project, '--dry-run'], { env, inProcess: true });
    assert.match(text.stdout, /2 of the 6 modules .*go\.mod requires are not fully in the cache/);
    assert.match(text.stdout, /example\.com\/missing v1\.0\.0 {2}missing/);
    assert.match(text.stdout, /golang\.org\/x\/text v0\.3\.0 {2}only its go\.mod is cached/);
    assert.match(text.stdout, /go mod download/);
    assert.match(text.stdout, /already holds this value/, 'offline twice does not stack the file:// entry');

    const back = await runProxyCli('restore-proxy', [], { env });
    assert.equal(back.code, 0, back.stderr);
    assert.equal(await fs.readFile(envFile, 'utf8'), 'GOPROXY=off\n');
  });

  it('keeps the rest of GOPROXY with its separators, and never stacks the file:// entry twice', () => {
    const url = 'file:///home/u/go/pkg/mod/cache/download';
    assert.equal(
      offlineGoproxy(url, 'https://a.example.com|https://b.example.com,direct'),
      `${url},https://a.example.com|https://b.example.com,direct`,
    );
    assert.equal(
      offlineGoproxy(url, `${url},https://proxy.golang.org,direct`),
      `${url},https://proxy.golang.org,direct`,
    );
    assert.equal(offlineGoproxy(url, ''), `${url},https://proxy.golang.org,direct`);
  });

  it('reads require and replace directives, single and in blocks, quoted, with comments', () => {
    const deps = parseGoModDeps(GO_MOD);
    assert.deepEqual(
      deps.requires.map((r) => `${r.path}@${r.version}:${r.line}${r.indirect ? ' indirect' : ''}`),
      [
        'example.com/hello@v1.0.0:5',
        'github.com/BurntSushi/toml@v1.2.0:8',
        'golang.org/x/text@v0.3.0:9 indirect',
        'example.com/missing@v1.0.0:10',
        'example.com/old@v1.0.0:11',
        'example.com/local@v0.0.0:12',
      ],
    );
    assert.deepEqual(resolveReplacement(deps.requires[4]!, deps.replaces), {
      path: 'example.com/new',
      version: 'v1.1.0',
    });
    assert.deepEqual(resolveReplacement(deps.requires[5]!, deps.replaces), { dir: '../local' });
    assert.deepEqual(resolveReplacement(deps.requires[0]!, deps.replaces), {
      path: 'example.com/hello',
      version: 'v1.0.0',
    });
  });

  it('no module cache yet: says so, and still plans', async () => {
    const home = await tempDir('ged-offline-');
    dirs.push(home);
    const env = {
      PATH: '/usr/bin:/bin',
      HOME: home,
      GOENV: path.join(home, 'goenv'),
      GOMODCACHE: path.join(home, 'none'),
      GOFLAGS: '',
      GOSUMDB: 'off',
      GOPROXY: '',
    };
    const r = await runProxyCli('set-proxy', ['--offline', '--dry-run'], { env, cwd: home, inProcess: true });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /it does not exist yet: nothing is cached/);
    assert.match(r.stdout, /No go\.mod governs this directory/);
  });
});
