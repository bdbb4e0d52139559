import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseGoMod } from '../../../../src/core/gomod/parse';
import { goModFindings } from '../../../../src/core/checks/gomodCheck';
import { findGoMod } from '../../../../src/core/gomod/find';
import { tempDir } from '../../../support/fakeGo';

async function goMod(text: string): Promise<string> {
  const dir = await tempDir('ged-gomod-');
  const file = path.join(dir, 'go.mod');
  await fs.writeFile(file, text);
  return file;
}

const base = { gotoolchain: 'auto', goproxy: 'https://goproxy.cn,direct', goos: 'linux', goarch: 'amd64' };

describe('go.mod', () => {
  it('parses go and toolchain with 1-based lines, skipping comments and blocks', () => {
    const m = parseGoMod(
      '// header\nmodule example.com/m // trailing\n\nrequire (\n\tgo 1.99\n)\ngo 1.22 // the go line\ntoolchain go1.22.3\n',
    );
    assert.deepEqual(m.module, { value: 'example.com/m', line: 2 });
    assert.deepEqual(m.go, { value: '1.22', line: 7 });
    assert.deepEqual(m.toolchain, { value: 'go1.22.3', line: 8 });
    assert.deepEqual(m.problems, []);
  });

  it('finds the governing go.mod above the working directory', async () => {
    const file = await goMod('module m\n');
    const sub = path.join(path.dirname(file), 'a', 'b');
    await fs.mkdir(sub, { recursive: true });
    assert.equal(await findGoMod(sub), file);
  });

  it('reports a go.mod that needs a newer Go on the directive line, with what GOTOOLCHAIN will do', async () => {
    const file = await goMod('module example.com/m\n\ngo 1.22\n');
    const [f] = await goModFindings({ ...base, file, localVersion: 'go1.21.5' });
    assert.equal(f!.id, 'gomod.goTooNew');
    assert.deepEqual(f!.location, { file, line: 3 });
    assert.match(
      f!.detail,
      /download golang\.org\/toolchain@v0\.0\.1-go1\.22\.0\.linux-amd64 through GOPROXY \(https:\/\/goproxy\.cn,direct\)/,
    );
    assert.deepEqual(f!.fixes![0]!.action, { kind: 'installToolchain', version: '1.22.0' });

    const [local] = await goModFindings({ ...base, file, localVersion: 'go1.21.5', gotoolchain: 'local' });
    assert.match(
      local!.detail,
      /will refuse: "go\.mod requires go >= 1\.22\.0 \(running go 1\.21\.5; GOTOOLCHAIN=local\)"/,
    );

    const [old] = await goModFindings({ ...base, file, localVersion: 'go1.19.8' });
    assert.match(old!.detail, /predates automatic toolchain switching/);
  });

  it('is satisfied when the installed Go is new enough (language version 1.21 < 1.21rc1 < 1.21.0)', async () => {
    const file = await goMod('module m\ngo 1.21\n');
    assert.deepEqual(
      (await goModFindings({ ...base, file, localVersion: 'go1.21rc2' })).map((f) => f.id),
      ['gomod.ok'],
    );
    const patch = await goMod('module m\ngo 1.21.3\n');
    assert.deepEqual(
      (await goModFindings({ ...base, file: patch, localVersion: 'go1.21.2' })).map((f) => f.id),
      ['gomod.goTooNew'],
    );
    assert.deepEqual(
      (await goModFindings({ ...base, file: patch, localVersion: 'go1.21.3' })).map((f) => f.id),
      ['gomod.ok'],
    );
  });

  it('says when only the toolchain line asks for more', async () => {
    const file = await goMod('module m\ngo 1.21\ntoolchain go1.23.1\n');
    const [f] = await goModFindings({ ...base, file, localVersion: 'go1.22.0' });
    assert.equal(f!.id, 'gomod.toolchainNewer');
    assert.equal(f!.location!.line, 3);
  });

  it('turns a malformed go.mod into findings, never a crash', async () => {
    for (const text of [
      'module m\ngo one.two\n',
      'module m\ngo 1.21 1.22\n',
      'module m\nrequire (\n  x v1\n',
      'go 1.2\ngo 1.3\n',
      '\u0000\u0001garbage',
      'toolchain latest\n',
    ]) {
      const file = await goMod(text);
      const f = await goModFindings({ ...base, file, localVersion: 'go1.22.0' });
      if (text.startsWith('\u0000')) {
        assert.deepEqual(f, []);
        continue;
      }
      assert.ok(
        f.some((x) => x.id === 'gomod.malformed' && x.location && x.location.line >= 1),
        `${JSON.stringify(text)} → ${JSON.stringify(f)}`,
      );
    }
    const unreadable = await goModFindings({ ...base, file: '/nonexistent/go.mod', localVersion: 'go1.22.0' });
    assert.equal(unreadable[0]!.id, 'gomod.unreadable');
  });
});
