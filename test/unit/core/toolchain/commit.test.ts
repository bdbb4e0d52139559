import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readMarker, stageAndCommit } from '../../../../src/core/toolchain/commit';
import { MARKER_FILE } from '../../../../src/core/toolchain/layout';
import { tempDir } from '../../../support/fakeGo';

async function writeToolchain(root: string, marker?: object): Promise<void> {
  await fs.mkdir(path.join(root, 'bin'), { recursive: true });
  await fs.writeFile(path.join(root, 'bin', 'go'), '#!/bin/sh\n', { mode: 0o755 });
  if (marker) await fs.writeFile(path.join(root, MARKER_FILE), JSON.stringify(marker));
}

describe('toolchain commit', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir('ged-commit-');
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('leaves the installed GOROOT mode 0755, like the official archives, for other accounts', async () => {
    const r = await stageAndCommit({ dir, name: 'go1.22.5', populate: ({ root }) => writeToolchain(root) });
    assert.equal((await fs.stat(r.goroot)).mode & 0o777, 0o755);
  });

  it('keeps a toolchain another install committed while this one staged (its lock was broken as stale)', async () => {
    const goroot = path.join(dir, 'go1.22.5');
    const r = await stageAndCommit({
      dir,
      name: 'go1.22.5',
      populate: async ({ root }) => {
        await writeToolchain(root);
        // The other install, still alive, commits now.
        await writeToolchain(goroot, { installedBy: 'go-env-doctor', sha256: 'theirs' });
      },
    });
    assert.equal(r.alreadyInstalled, true);
    assert.equal((await readMarker(goroot))?.sha256, 'theirs');
    assert.deepEqual(
      (await fs.readdir(dir)).filter((n) => !n.endsWith('.lock')),
      ['go1.22.5'],
      'nothing staged is left',
    );
  });
});
