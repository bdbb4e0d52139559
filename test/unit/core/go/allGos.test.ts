import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { goFileNames, installDirs, listAllGos } from '../../../../src/core/go/allGos';
import { absolutePathDirs } from '../../../../src/core/go/locate';
import { goVersion } from '../../../../src/core/go/inspect';
import type { Platform } from '../../../../src/core/platform';
import { runProcess } from '../../../../src/core/process/run';
import { makeFakeGo, tempDir } from '../../../support/fakeGo';

function platform(env: NodeJS.ProcessEnv, homeDir = '/nonexistent-home', os: NodeJS.Platform = 'linux'): Platform {
  return { env, homeDir, os, arch: 'x64', now: () => Date.now() };
}

/** A fake Go tree whose VERSION file says `version`; running its go leaves a marker file. */
async function goTree(version: string, root?: string): Promise<{ go: string; ran: string }> {
  const dir = root ?? (await tempDir('ged-tree-'));
  const ran = path.join(dir, 'ran');
  const go = await makeFakeGo({ versionScript: `touch '${ran}'; echo 'go version ${version} linux/amd64'` }, dir);
  await fs.writeFile(path.join(dir, 'VERSION'), `${version}\ntime 2024-01-01T00:00:00Z\n`);
  return { go, ran };
}

const exists = (f: string) =>
  fs.stat(f).then(
    () => true,
    () => false,
  );

describe('every go on this machine', () => {
  it('lists PATH in order, then ~/sdk, reading VERSION instead of running go', async () => {
    const home = await tempDir('ged-home-');
    const old = await goTree('go1.20.3');
    const newer = await goTree('go1.22.5');
    const sdk = await goTree('go1.23.1', path.join(home, 'sdk', 'go1.23.1'));
    const noVersion = await makeFakeGo({ version: 'go version go1.21.0 linux/amd64' });
    const p = platform(
      { PATH: ['bin', path.dirname(old.go), path.dirname(noVersion), path.dirname(newer.go)].join(':') },
      home,
    );
    const all = await listAllGos(p, 5000);
    const mine = all.filter((g) => g.place !== 'well-known');
    assert.deepEqual(
      mine.map((g) => [g.path, g.version, g.place, g.pathIndex]),
      [
        [old.go, 'go1.20.3', 'PATH', 0],
        [noVersion, 'go1.21.0', 'PATH', 1],
        [newer.go, 'go1.22.5', 'PATH', 2],
        [sdk.go, 'go1.23.1', 'sdk', undefined],
      ],
    );
    for (const t of [old, newer, sdk]) assert.equal(await exists(t.ran), false, `${t.go} was run`);
  });

  it('reports the real go with the version it prints itself', async () => {
    const p = platform({ PATH: '/usr/bin:/bin' });
    const all = await listAllGos(p, 10000);
    const real = all.find((g) => g.path === '/usr/bin/go');
    assert.ok(real, JSON.stringify(all));
    assert.equal(real.pathIndex, 0);
    const v = await goVersion('/usr/bin/go', p, 10000);
    assert.ok('ok' in v);
    assert.equal(real.version, v.ok.version);
    // What a shell runs for `go` is the first on PATH.
    const sh = await runProcess('/bin/sh', { args: ['-c', 'command -v go'], env: p.env, timeoutMs: 5000 });
    assert.ok(sh.kind === 'exited');
    assert.equal(sh.stdout.trim(), real.path);
  });

  it('lists a go reached through PATH and a symlink once, at its first place', async () => {
    const t = await goTree('go1.22.5');
    const links = await tempDir('ged-links-');
    await fs.symlink(t.go, path.join(links, 'go'));
    const all = await listAllGos(platform({ PATH: `${links}:${path.dirname(t.go)}` }), 5000);
    const mine = all.filter((g) => g.realPath === t.go);
    assert.deepEqual(
      mine.map((g) => [g.path, g.pathIndex]),
      [[path.join(links, 'go'), 0]],
    );
  });

  it('on Windows: splits PATH on ";", tries each PATHEXT name and skips relative entries', () => {
    const p = platform(
      {
        Path: 'C:\\Go\\bin;"C:\\Program Files\\Go\\bin";bin;.;D:relative;C:\\Users\\u\\go\\bin',
        PATHEXT: '.COM;.EXE;.BAT;.CMD',
        LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local',
        ProgramFiles: 'C:\\Program Files',
        USERPROFILE: 'C:\\Users\\u',
        GOROOT: 'C:\\go1.21',
      },
      'C:\\Users\\u',
      'win32',
    );
    assert.deepEqual(absolutePathDirs(p), ['C:\\Go\\bin', 'C:\\Program Files\\Go\\bin', 'C:\\Users\\u\\go\\bin']);
    assert.deepEqual(goFileNames(p), ['go.com', 'go.exe', 'go.bat', 'go.cmd']);
    assert.deepEqual(goFileNames(platform({}, '/h')), ['go']);
    assert.deepEqual(
      installDirs(p).map((d) => d.dir),
      [
        'C:\\go1.21\\bin',
        'C:\\Users\\u\\AppData\\Local\\Programs\\Go\\bin',
        'C:\\Program Files\\Go\\bin',
        'C:\\Go\\bin',
        'C:\\Users\\u\\go\\bin',
      ],
    );
  });
});
