// OS variables set and cleared in each shell's own form: exact strings by table. The cmd forms also
// run in wine's real cmd.exe in the Windows lane (test/windows/cmdLines.test.ts).
import * as assert from 'node:assert/strict';
import {
  clearOsVariablesFix,
  cmdSetLine,
  powershellClearLine,
  powershellSetLine,
  shellFor,
  windowsClearNote,
} from '../../../../src/core/shell/osVariable';
import { setGoEnvFix, setProxyFix, unsetGoEnvFix } from '../../../../src/core/checks/fixes';

describe('shell/osVariable', () => {
  it('shows commands for PowerShell on Windows and for POSIX shells elsewhere', () => {
    assert.deepEqual((['win32', 'darwin', 'linux', 'freebsd'] as const).map(shellFor), [
      'powershell',
      'posix',
      'posix',
      'posix',
    ]);
  });

  it('cmd: quotes the whole assignment so | & < > ^ stay literal; refuses what cmd would expand', () => {
    const table: [string, string | undefined][] = [
      ['https://a|direct', 'set "GOPROXY=https://a|direct"'],
      ['a&b', 'set "GOPROXY=a&b"'],
      ['<x>^y', 'set "GOPROXY=<x>^y"'],
      ['', 'set GOPROXY='],
      ['%PATH%', undefined],
      ['!x!', undefined],
      ['say "hi"', undefined],
      ['a\nb', undefined],
    ];
    for (const [value, line] of table) assert.equal(cmdSetLine('GOPROXY', value), line, value);
  });

  it('PowerShell: a verbatim string for the session, $null and the User scope to clear', () => {
    const table: [string, string | undefined][] = [
      ['https://a|direct', `$env:GOPROXY = 'https://a|direct'`],
      [`it's`, `$env:GOPROXY = 'it''s'`],
      ['$(touch pwned)', `$env:GOPROXY = '$(touch pwned)'`],
      ['say "hi"', `$env:GOPROXY = 'say "hi"'`],
      ['a\rb', undefined],
    ];
    for (const [value, line] of table) assert.equal(powershellSetLine('GOPROXY', value), line, value);
    assert.equal(
      powershellClearLine(['HTTPS_PROXY', 'http_proxy']),
      "$env:HTTPS_PROXY = $null; [Environment]::SetEnvironmentVariable('HTTPS_PROXY', $null, 'User'); " +
        "$env:http_proxy = $null; [Environment]::SetEnvironmentVariable('http_proxy', $null, 'User')",
    );
  });

  it('refuses names that would need quoting', () => {
    assert.throws(() => powershellClearLine(['A; rm x']));
    assert.throws(() => cmdSetLine('A B', 'x'));
  });

  it('a clearing fix per OS, and the Windows note names cmd, setx and the machine scope', () => {
    assert.deepEqual(clearOsVariablesFix(['GOPROXY'], 'linux', 'Remove', 'then edit your profile'), {
      command: 'unset GOPROXY   # then edit your profile',
      title: 'Remove',
    });
    assert.equal(clearOsVariablesFix(['GOPROXY'], 'darwin', 'Remove').command, 'unset GOPROXY');
    assert.equal(
      clearOsVariablesFix(['GOPROXY'], 'win32', 'Remove').command,
      "$env:GOPROXY = $null; [Environment]::SetEnvironmentVariable('GOPROXY', $null, 'User')",
    );
    const note = windowsClearNote(['GOPROXY']);
    assert.match(note, /In cmd, `set GOPROXY=` clears it for that window only\./);
    assert.match(note, /setx cannot remove a variable/);
    assert.match(note, /\[Environment\]::SetEnvironmentVariable\('GOPROXY', \$null, 'Machine'\)/);
  });

  it('go env -w and set-proxy lines are quoted for PowerShell when asked', () => {
    const table: [string, string][] = [
      [setGoEnvFix('GONOSUMDB', 'a b', 't', 'powershell').command, "go env -w 'GONOSUMDB=a b'"],
      [setGoEnvFix('GONOSUMDB', `it's`, 't', 'powershell').command, "go env -w 'GONOSUMDB=it''s'"],
      [setGoEnvFix('GONOSUMDB', `it's`, 't').command, `go env -w 'GONOSUMDB=it'\\''s'`],
      [
        setGoEnvFix('GOPROXY', 'https://a|direct', 't', 'powershell').command,
        "go-env-doctor set-proxy --value 'https://a|direct'",
      ],
      [unsetGoEnvFix('GOSUMDB', 't', 'powershell').command, 'go env -u GOSUMDB'],
      [setProxyFix('https://a,$x', 't', 'powershell').command, "go-env-doctor set-proxy --value 'https://a,$x'"],
    ];
    for (const [got, want] of table) assert.equal(got, want);
  });
});
