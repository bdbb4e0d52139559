import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { goVersion } from '../../../../src/core/go/inspect';
import { locateGo } from '../../../../src/core/go/locate';
import type { Platform } from '../../../../src/core/platform';
import { makeFakeGo, tempDir } from '../../../support/fakeGo';

function platform(env: NodeJS.ProcessEnv): Platform {
  return { env, homeDir: '/nonexistent-home', os: 'linux', arch: 'x64', now: () => Date.now() };
}

/** Runs `body` with the process in `cwd` and os.tmpdir() answering `tmp`, then puts both back. */
async function inDirs<T>(cwd: string, tmp: string, body: () => Promise<T>): Promise<T> {
  const oldCwd = process.cwd();
  const oldTmp = process.env['TMPDIR'];
  process.chdir(cwd);
  process.env['TMPDIR'] = tmp;
  try {
    return await body();
  } finally {
    process.chdir(oldCwd);
    if (oldTmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = oldTmp;
  }
}

describe('locating go: relative PATH entries', () => {
  it('skips a relative PATH entry, so a go planted in the directory go is run from never runs', async () => {
    // The user's project has bin/go; another user planted <tmp>/bin/go where go is spawned.
    const project = await tempDir('ged-project-');
    await makeFakeGo({ version: 'go version go1.21.0 linux/amd64' }, project);
    const spawnDir = await tempDir('ged-spawn-');
    await makeFakeGo({ version: 'go version go0.0.0-planted linux/amd64' }, spawnDir);
    const installed = await makeFakeGo({ version: 'go version go1.22.5 linux/amd64' });
    const p = platform({ PATH: `bin:.:${path.dirname(installed)}` });

    const ran = await inDirs(project, spawnDir, async () => {
      const r = await locateGo(p);
      assert.ok(r.found, JSON.stringify(r));
      const v = await goVersion(r.go.path, p, 5000);
      return { r, v };
    });
    assert.ok('ok' in ran.v, JSON.stringify(ran.v));
    assert.notEqual(ran.v.ok.version, 'go0.0.0-planted', 'the planted go ran');
    assert.equal(ran.v.ok.version, 'go1.22.5');
    assert.ok(ran.r.found && path.isAbsolute(ran.r.go.path), JSON.stringify(ran.r));
    assert.deepEqual(ran.r, { found: true, go: { path: installed, realPath: installed, source: 'PATH' } });
  });

  it('finds nothing on PATH when every entry is relative', async () => {
    const project = await tempDir('ged-project-');
    await makeFakeGo({}, project);
    await fs.symlink(path.join(project, 'bin', 'go'), path.join(project, 'go'));
    const r = await inDirs(project, project, () => locateGo(platform({ PATH: '.:bin:./bin' })));
    assert.ok(!r.found || r.go.source !== 'PATH', JSON.stringify(r));
  });

  it('spawns the real path: a symlinked go is resolved once', async () => {
    const real = await makeFakeGo({});
    const links = await tempDir('ged-links-');
    await fs.symlink(real, path.join(links, 'go'));
    const r = await locateGo(platform({ PATH: links }));
    assert.deepEqual(r, { found: true, go: { path: path.join(links, 'go'), realPath: real, source: 'PATH' } });
  });

  it('looks a bare --go name up on the absolute PATH entries only', async () => {
    const dir = await tempDir('ged-bare-');
    const go = await makeFakeGo({}, dir);
    await fs.rename(go, path.join(path.dirname(go), 'go1.22.5'));
    const abs = path.join(path.dirname(go), 'go1.22.5');
    assert.deepEqual(await locateGo(platform({ PATH: path.dirname(go) }), 'go1.22.5'), {
      found: true,
      go: { path: abs, realPath: abs, source: 'option' },
    });
    const rel = await inDirs(dir, dir, () => locateGo(platform({ PATH: 'bin' }), 'go1.22.5'));
    assert.equal(rel.found, false);
  });
});
