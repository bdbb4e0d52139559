import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gorootFindings } from '../../../../src/core/checks/gorootCheck';
import { goEnvJson } from '../../../../src/core/go/inspect';
import type { Platform } from '../../../../src/core/platform';
import { runProcess } from '../../../../src/core/process/run';
import { tempDir } from '../../../support/fakeGo';

const REAL_GO = '/usr/lib/go-1.19/bin/go';
const REAL_ROOT = '/usr/lib/go-1.19';

function platform(env: NodeJS.ProcessEnv, homeDir = '/nonexistent-home', os: NodeJS.Platform = 'linux'): Platform {
  return { env: { PATH: '/usr/bin:/bin', ...env }, homeDir, os, arch: 'x64', now: () => Date.now() };
}

async function goEnvGoroot(p: Platform): Promise<string> {
  const e = await goEnvJson(REAL_GO, p, 10000);
  assert.ok('ok' in e, JSON.stringify(e));
  return e.ok['GOROOT']!;
}

/**
 * A Go tree made of links into the real one, with a real copy of bin/go (go finds its root from
 * its own location) and the tool directory's entries linked one by one, `leaveOut` omitted.
 */
async function linkedTree(leaveOut: string[]): Promise<string> {
  const root = await tempDir('ged-goroot-');
  await fs.mkdir(path.join(root, 'bin'));
  await fs.copyFile(REAL_GO, path.join(root, 'bin', 'go'));
  if (!leaveOut.includes('gofmt'))
    await fs.symlink(path.join(REAL_ROOT, 'bin', 'gofmt'), path.join(root, 'bin', 'gofmt'));
  for (const e of await fs.readdir(REAL_ROOT)) {
    if (e !== 'bin' && e !== 'pkg') await fs.symlink(path.join(REAL_ROOT, e), path.join(root, e));
  }
  await fs.mkdir(path.join(root, 'pkg', 'tool', 'linux_amd64'), { recursive: true });
  for (const e of await fs.readdir(path.join(REAL_ROOT, 'pkg'))) {
    if (e !== 'tool') await fs.symlink(path.join(REAL_ROOT, 'pkg', e), path.join(root, 'pkg', e));
  }
  const tools = path.join(REAL_ROOT, 'pkg', 'tool', 'linux_amd64');
  for (const t of await fs.readdir(tools)) {
    if (!leaveOut.includes(t)) await fs.symlink(path.join(tools, t), path.join(root, 'pkg', 'tool', 'linux_amd64', t));
  }
  return root;
}

describe('GOROOT', () => {
  it('flags GOROOT set to a directory that is not a Go tree, names the profile line, and agrees with go', async () => {
    const home = await tempDir('ged-home-');
    const bogus = await tempDir('ged-notgo-');
    await fs.writeFile(path.join(home, '.bashrc'), `# go\nexport GOROOT=${bogus}\n`);
    const p = platform({ GOROOT: bogus, SHELL: '/bin/bash' }, home);
    // go uses the GOROOT it is given, not its own tree.
    assert.equal(await goEnvGoroot(p), bogus);
    const tool = await runProcess(REAL_GO, { args: ['tool', '-n', 'compile'], env: p.env, timeoutMs: 10000 });
    assert.ok(tool.kind === 'exited' && tool.code !== 0, JSON.stringify(tool));

    const found = await gorootFindings({
      platform: p,
      goRealPath: REAL_GO,
      goroot: bogus,
      goos: 'linux',
      goarch: 'amd64',
    });
    assert.deepEqual(
      found.map((f) => f.id),
      ['env.gorootMismatch'],
    );
    const f = found[0]!;
    assert.equal(f.severity, 'error');
    assert.match(f.detail, /not a Go installation/);
    assert.match(f.detail, new RegExp(`${path.join(home, '.bashrc')}:2`));
    assert.deepEqual(
      { title: f.fixes?.[0]?.title, command: f.fixes?.[0]?.command },
      { title: 'Unset GOROOT', command: 'unset GOROOT' },
    );

    // Fixed: GOROOT unset (or set to go's own tree), and go finds its own root.
    const fixed = platform({}, home);
    assert.equal(await goEnvGoroot(fixed), REAL_ROOT);
    assert.deepEqual(
      await gorootFindings({ platform: fixed, goRealPath: REAL_GO, goroot: REAL_ROOT, goos: 'linux', goarch: 'amd64' }),
      [],
    );
    const same = platform({ GOROOT: REAL_ROOT }, home);
    assert.deepEqual(
      await gorootFindings({ platform: same, goRealPath: REAL_GO, goroot: REAL_ROOT, goos: 'linux', goarch: 'amd64' }),
      [],
    );
  });

  it("flags GOROOT naming another Go installation than the binary's own", async () => {
    const other = await linkedTree([]);
    const p = platform({ GOROOT: other });
    assert.equal(await goEnvGoroot(p), other);
    const found = await gorootFindings({
      platform: p,
      goRealPath: REAL_GO,
      goroot: other,
      goos: 'linux',
      goarch: 'amd64',
    });
    assert.deepEqual(
      found.map((f) => f.id),
      ['env.gorootMismatch'],
    );
    assert.match(found[0]!.detail, new RegExp(`set to ${other} .* but ${REAL_GO} belongs to ${REAL_ROOT}`));
  });

  it('names the tools missing from GOROOT, as go fails to find them, and is quiet once they are back', async () => {
    const root = await linkedTree(['compile', 'gofmt']);
    const go = path.join(root, 'bin', 'go');
    const p = platform({});
    const missing = await runProcess(go, { args: ['tool', '-n', 'compile'], env: p.env, timeoutMs: 10000 });
    assert.ok(missing.kind === 'exited' && missing.code !== 0, JSON.stringify(missing));
    assert.match(missing.stderr, /no such tool "compile"/);

    const found = await gorootFindings({
      platform: p,
      goRealPath: go,
      goroot: root,
      goos: 'linux',
      goarch: 'amd64',
      version: 'go1.19.8',
    });
    assert.deepEqual(
      found.map((f) => f.id),
      ['go.incomplete'],
    );
    const f = found[0]!;
    assert.equal(f.detail.split(' ')[0], `${path.join(root, 'pkg', 'tool', 'linux_amd64', 'compile')},`);
    assert.match(f.detail, new RegExp(`${path.join(root, 'bin', 'gofmt')} are missing`));
    assert.deepEqual(f.fixes?.[0]?.action, { kind: 'installToolchain', version: '1.19.8' });

    const tools = path.join(REAL_ROOT, 'pkg', 'tool', 'linux_amd64');
    await fs.symlink(path.join(tools, 'compile'), path.join(root, 'pkg', 'tool', 'linux_amd64', 'compile'));
    await fs.symlink(path.join(REAL_ROOT, 'bin', 'gofmt'), path.join(root, 'bin', 'gofmt'));
    const back = await runProcess(go, { args: ['tool', '-n', 'compile'], env: p.env, timeoutMs: 10000 });
    assert.ok(back.kind === 'exited' && back.code === 0, JSON.stringify(back));
    assert.deepEqual(
      await gorootFindings({ platform: p, goRealPath: go, goroot: root, goos: 'linux', goarch: 'amd64' }),
      [],
    );
  });

  it('on Windows: looks for .exe tools and names antivirus quarantine', async () => {
    const root = await tempDir('ged-wingo-');
    await fs.mkdir(path.join(root, 'bin'));
    await fs.writeFile(path.join(root, 'bin', 'go.exe'), '');
    await fs.mkdir(path.join(root, 'pkg', 'tool', 'windows_amd64'), { recursive: true });
    for (const t of ['link.exe', 'asm.exe']) await fs.writeFile(path.join(root, 'pkg', 'tool', 'windows_amd64', t), '');
    await fs.writeFile(path.join(root, 'bin', 'gofmt.exe'), '');
    const p = platform({}, '/nonexistent-home', 'win32');
    const found = await gorootFindings({
      platform: p,
      goRealPath: path.join(root, 'bin', 'go.exe'),
      goos: 'windows',
      goarch: 'amd64',
    });
    assert.deepEqual(
      found.map((f) => f.id),
      ['go.incomplete'],
    );
    assert.match(found[0]!.detail, /compile\.exe is missing/);
    assert.match(found[0]!.detail, /antivirus/);
  });
});
