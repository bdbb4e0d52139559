// Where go will read its settings from, predicted without running it: the diagnosis and the
// installer share this, so they agree on GOROOT (and its go.env) whatever the layout.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { predictGoSettings } from '../../../../src/core/go/predictSettings';
import { effectiveSetting } from '../../../../src/core/go/envFile';
import { readGoChecksumSettings } from '../../../../src/core/toolchain/install';
import type { Platform } from '../../../../src/core/platform';
import { makeFakeGo, tempDir } from '../../../support/fakeGo';

const platform = (env: NodeJS.ProcessEnv, home: string): Platform => ({
  env,
  homeDir: home,
  os: 'linux',
  arch: 'x64',
  now: () => Date.now(),
});

describe('predicting go settings without running go', () => {
  it('reads go.env of the real GOROOT when go is reached through a symlink, as go resolves itself', async () => {
    const goroot = await tempDir('ged-goroot-');
    const go = await makeFakeGo({}, goroot);
    await fs.writeFile(path.join(goroot, 'go.env'), 'GOPROXY=https://goroot.example,direct\nGOTOOLCHAIN=local\n');
    const linkDir = await tempDir('ged-linkbin-');
    await fs.mkdir(path.join(linkDir, 'bin'));
    await fs.symlink(go, path.join(linkDir, 'bin', 'go'));
    const home = await tempDir('ged-home-');
    const p = platform({ PATH: path.join(linkDir, 'bin'), HOME: home, GOENV: path.join(home, 'env') }, home);

    const predicted = await predictGoSettings(p, { goBinary: path.join(linkDir, 'bin', 'go') });
    assert.equal(predicted.goroot, await fs.realpath(goroot));
    assert.deepEqual(effectiveSetting('GOTOOLCHAIN', predicted.layers), { value: 'local', source: 'default' });
    // The installer, locating go itself, reads the same layer.
    const installer = await readGoChecksumSettings(p);
    assert.deepEqual(installer.goproxy, { value: 'https://goroot.example,direct', source: 'default' });
  });

  it('takes $GOROOT over the binary, and an explicit GOROOT over both', async () => {
    const [a, b, c] = await Promise.all([tempDir('ged-a-'), tempDir('ged-b-'), tempDir('ged-c-')]);
    for (const [dir, v] of [
      [a, 'a'],
      [b, 'b'],
      [c, 'c'],
    ] as const)
      await fs.writeFile(path.join(dir, 'go.env'), `GOPROXY=https://${v}.example\n`);
    const go = await makeFakeGo({}, a);
    const home = await tempDir('ged-home-');
    const p = platform({ GOROOT: b, HOME: home, GOENV: 'off' }, home);
    const proxyOf = async (o: Parameters<typeof predictGoSettings>[1]) =>
      effectiveSetting('GOPROXY', (await predictGoSettings(p, o)).layers).value;
    assert.equal(await proxyOf({ goBinary: go }), 'https://b.example');
    assert.equal(await proxyOf({ goBinary: go, goroot: c }), 'https://c.example');
    const noGoroot = platform({ HOME: home, GOENV: 'off' }, home);
    assert.equal(
      effectiveSetting('GOPROXY', (await predictGoSettings(noGoroot, { goBinary: go })).layers).value,
      'https://a.example',
    );
  });
});
