import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { listAllGos } from '../../../../src/core/go/allGos';
import { resolveEditorGo } from '../../../../src/core/go/editorGo';
import { goAllFinding, goShadowedFinding } from '../../../../src/core/checks/whichGoCheck';
import { pathFix, unsetVarFix, userShell } from '../../../../src/core/checks/shellFixes';
import type { Platform } from '../../../../src/core/platform';
import { runProcess } from '../../../../src/core/process/run';
import { makeFakeGo, tempDir } from '../../../support/fakeGo';

function platform(env: NodeJS.ProcessEnv, os: NodeJS.Platform = 'linux'): Platform {
  return { env, homeDir: '/nonexistent-home', os, arch: 'x64', now: () => Date.now() };
}

async function goTree(version: string): Promise<string> {
  const dir = await tempDir('ged-tree-');
  const go = await makeFakeGo({ version: `go version ${version} linux/amd64` }, dir);
  await fs.writeFile(path.join(dir, 'VERSION'), `${version}\n`);
  return go;
}

describe('which go a terminal and the editor run', () => {
  it('flags an older go first on PATH, with the PATH line for the shell, and not once it comes second', async () => {
    const old = await goTree('go1.19.2');
    const newer = await goTree('go1.22.5');
    const env = { PATH: `${path.dirname(old)}:${path.dirname(newer)}:/bin`, SHELL: '/bin/bash' };
    const p = platform(env);
    const all = await listAllGos(p, 5000);
    const f = goShadowedFinding(all, undefined, p);
    assert.ok(f, 'go.shadowed expected');
    assert.equal(f.id, 'go.shadowed');
    assert.equal(f.severity, 'warning');
    assert.match(f.detail, new RegExp(`A terminal runs go1\\.19\\.2 at ${old}.*go1\\.22\\.5 at ${newer}`));
    const dir = path.dirname(newer);
    const fix = f.fixes?.[0]?.command;
    assert.equal(fix, `echo 'export PATH=${dir}:"$PATH"' >> ~/.bashrc && export PATH=${dir}:"$PATH"`);

    // The fix, run by a real shell, makes the newer go the one `go` runs, for new shells too.
    const home = await tempDir('ged-home-');
    const sh = await runProcess('/bin/sh', {
      args: ['-c', `${fix}; go version; echo "$PATH"`],
      env: { ...env, HOME: home },
      timeoutMs: 5000,
    });
    assert.ok(sh.kind === 'exited', JSON.stringify(sh));
    const [version, fixedPath] = sh.stdout.trim().split('\n');
    assert.equal(version, 'go version go1.22.5 linux/amd64');
    assert.equal(await fs.readFile(path.join(home, '.bashrc'), 'utf8'), `export PATH=${dir}:"$PATH"\n`);
    const fixed = platform({ ...env, PATH: fixedPath });
    assert.equal(goShadowedFinding(await listAllGos(fixed, 5000), undefined, fixed), undefined);
  });

  it('does not count ~/sdk toolchains, which live side by side on purpose', async () => {
    const home = await tempDir('ged-home-');
    // Newer than any go this machine has in the usual places, so only ~/sdk holds a newer one.
    const sdkGo = await makeFakeGo({}, path.join(home, 'sdk', 'go1.41.0'));
    await fs.writeFile(path.join(home, 'sdk', 'go1.41.0', 'VERSION'), 'go1.41.0\n');
    const old = await goTree('go1.40.2');
    const p: Platform = { ...platform({ PATH: path.dirname(old) }), homeDir: home };
    const all = await listAllGos(p, 5000);
    assert.ok(all.some((g) => g.path === sdkGo && g.place === 'sdk'));
    assert.equal(goShadowedFinding(all, undefined, p), undefined);
  });

  it('says when the editor and a terminal run different gos, and not when they agree', async () => {
    const a = await goTree('go1.21.4');
    const b = await goTree('go1.22.5');
    const p = platform({ PATH: `${path.dirname(a)}:/bin` });
    const all = await listAllGos(p, 5000);
    const editor = await resolveEditorGo({ goroot: path.dirname(path.dirname(b)) }, p);
    assert.deepEqual(editor, { realPath: b, setting: 'go.goroot' });
    const f = goShadowedFinding(all, editor, p);
    assert.ok(f);
    assert.match(
      f.detail,
      new RegExp(`The editor runs ${b} \\(from go.goroot\\), a terminal runs go1\\.21\\.4 at ${a}`),
    );
    const same = await resolveEditorGo({ alternateGo: 'go', goPath: b }, p);
    assert.deepEqual(same, { realPath: a, setting: 'go.alternateTools' });
    assert.equal(goShadowedFinding(all, same, p), undefined);

    const listing = goAllFinding(all, editor);
    assert.equal(listing.id, 'go.all');
    assert.equal(listing.severity, 'info');
    const one = all.filter((g) => g.realPath === a);
    assert.equal(goAllFinding(one, undefined).severity, 'ok');
    assert.match(listing.detail, new RegExp(`go1\\.21\\.4 at ${a} \\(PATH #1; a terminal runs this one\\)`));
  });

  it('writes the PATH and unset lines for bash, zsh, fish and PowerShell', () => {
    const table: [NodeJS.Platform, string | undefined, string, string, string][] = [
      [
        'linux',
        '/bin/bash',
        'bash',
        `echo 'export PATH=/opt/go/bin:"$PATH"' >> ~/.bashrc && export PATH=/opt/go/bin:"$PATH"`,
        'unset GOROOT',
      ],
      [
        'darwin',
        undefined,
        'zsh',
        `echo 'export PATH=/opt/go/bin:"$PATH"' >> ~/.zshrc && export PATH=/opt/go/bin:"$PATH"`,
        'unset GOROOT',
      ],
      [
        'linux',
        '/usr/bin/zsh',
        'zsh',
        `echo 'export PATH=/opt/go/bin:"$PATH"' >> ~/.zshrc && export PATH=/opt/go/bin:"$PATH"`,
        'unset GOROOT',
      ],
      [
        'darwin',
        '/opt/homebrew/bin/fish',
        'fish',
        'fish_add_path --move --path /opt/go/bin',
        'set -e GOROOT; set -eU GOROOT',
      ],
      [
        'win32',
        undefined,
        'powershell',
        "$env:PATH = '/opt/go/bin;' + $env:PATH; [Environment]::SetEnvironmentVariable('Path', '/opt/go/bin;' + [Environment]::GetEnvironmentVariable('Path', 'User'), 'User')",
        "$env:GOROOT = $null; [Environment]::SetEnvironmentVariable('GOROOT', $null, 'User')",
      ],
    ];
    for (const [os, shell, name, prepend, unset] of table) {
      const p = { os, env: shell ? { SHELL: shell } : {} };
      assert.equal(userShell(p), name, `${os} ${shell}`);
      assert.equal(pathFix('/opt/go/bin', p).command, prepend, `${os} ${shell}`);
      assert.equal(unsetVarFix('GOROOT', p).command, unset, `${os} ${shell}`);
    }
    assert.equal(
      pathFix('/home/u/go/bin', { os: 'linux', env: {} }, 'last').command,
      `echo 'export PATH="$PATH":/home/u/go/bin' >> ~/.bashrc && export PATH="$PATH":/home/u/go/bin`,
    );
    assert.equal(
      pathFix('/home/u/go/bin', { os: 'linux', env: { SHELL: '/usr/bin/fish' } }, 'last').command,
      'fish_add_path --move --path --append /home/u/go/bin',
    );
  });
});
