// The PATH line `install` prints, per shell; the bash line is run in a real bash.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pathHint } from '../../../src/cli/pathHint';

describe('install: how to put the toolchain on PATH', () => {
  it('bash and zsh: an export line and the startup file; a real bash puts the directory first', async () => {
    const dir = '/home/u/my sdk/$go1.22.5"`x`/bin';
    const bash = pathHint(dir, { os: 'linux', env: { SHELL: '/bin/bash' } });
    assert.match(
      bash,
      /Use it in bash: export PATH=".*:\$PATH" {3}\(for every session: add that line to ~\/\.bashrc\)\n$/,
    );
    const line = /Use it in bash: (.*?) {3}\(/.exec(bash)![1]!;
    const { stdout } = await promisify(execFile)('/bin/bash', ['-c', `${line}; printf %s "$PATH"`], {
      env: { PATH: '/usr/bin:/bin' },
    });
    // The machine's bash may prepend its own entries at startup; ours comes first, the old PATH after it.
    assert.ok(stdout.startsWith(`${dir}:`) && stdout.endsWith(':/usr/bin:/bin'), stdout);
    assert.match(pathHint('/h/sdk/go1.22.5/bin', { os: 'darwin', env: { SHELL: '/bin/zsh' } }), /~\/\.zshrc/);
    assert.match(pathHint('/h/sdk/go1.22.5/bin', { os: 'linux', env: {} }), /Use it in bash: /);
  });

  it('fish and PowerShell get their own syntax', () => {
    assert.equal(
      pathHint('/h/sdk/go1.22.5/bin', { os: 'linux', env: { SHELL: '/usr/bin/fish' } }),
      '  Use it in fish: fish_add_path /h/sdk/go1.22.5/bin   (fish keeps it for later sessions)\n',
    );
    assert.match(
      pathHint("C:\\Users\\o'neil\\sdk\\go1.22.5\\bin", { os: 'win32', env: {} }),
      /Use it in PowerShell: \$env:Path = 'C:\\Users\\o''neil\\sdk\\go1\.22\.5\\bin;' \+ \$env:Path/,
    );
  });

  it('no line for a directory no shell can be given safely', () => {
    assert.equal(pathHint('/h/a\nb/bin', { os: 'linux', env: { SHELL: '/bin/bash' } }), '');
  });

  it('speaks Chinese with --lang zh-CN, the command unchanged', () => {
    assert.equal(
      pathHint('/h/sdk/go1.22.5/bin', { os: 'linux', env: { SHELL: '/usr/bin/fish' } }, 'zh-CN'),
      '  在 fish 中使用：fish_add_path /h/sdk/go1.22.5/bin   （fish 会为以后的会话保留）\n',
    );
  });
});
