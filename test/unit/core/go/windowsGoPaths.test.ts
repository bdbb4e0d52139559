// How the go an editor setting names is found and compared on Windows, by table (Windows paths
// cannot be files on this machine): `go` in go.alternateTools runs go.exe through PATHEXT, a
// backslash path is a file, and C:\Go\bin\go.exe is the same file as c:\go\BIN\GO.EXE.
import * as assert from 'node:assert/strict';
import { goAllFinding, goShadowedFinding } from '../../../../src/core/checks/whichGoCheck';
import type { FoundGo } from '../../../../src/core/go/allGos';
import { commandFileNames, isBareCommand } from '../../../../src/core/go/locate';
import { samePath } from '../../../../src/core/go/samePath';

const win = { os: 'win32' as const, env: {} };

describe('go paths on Windows', () => {
  it('compares go binaries ignoring case and slash direction on Windows only', () => {
    const table: [string, string, NodeJS.Platform, boolean][] = [
      ['C:\\Go\\bin\\go.exe', 'c:\\go\\BIN\\GO.EXE', 'win32', true],
      ['C:\\Go\\bin\\go.exe', 'C:/Go/bin/go.exe', 'win32', true],
      ['C:\\Go\\bin\\', 'c:\\go\\bin', 'win32', true],
      ['C:\\Go\\bin\\go.exe', 'D:\\Go\\bin\\go.exe', 'win32', false],
      ['/usr/local/go/bin/go', '/usr/local/Go/bin/go', 'linux', false],
      ['/usr/local/go/bin/go', '/usr/local/go/bin/go', 'darwin', true],
    ];
    for (const [a, b, os, same] of table) assert.equal(samePath(a, b, { os }), same, `${a} ${b} ${os}`);
  });

  it('runs `go` from go.alternateTools as go.exe (PATHEXT order); a path with a backslash is a file', () => {
    assert.deepEqual(commandFileNames('go', win), ['go.com', 'go.exe', 'go.bat', 'go.cmd']);
    assert.deepEqual(commandFileNames('go', { os: 'win32', env: { PATHEXT: '.EXE;.CMD' } }), ['go.exe', 'go.cmd']);
    assert.deepEqual(commandFileNames('go.exe', win), ['go.exe']);
    assert.deepEqual(commandFileNames('go', { os: 'linux', env: {} }), ['go']);
    const bare: [string, NodeJS.Platform, boolean][] = [
      ['go', 'win32', true],
      ['go.exe', 'win32', true],
      ['C:\\Go\\bin\\go.exe', 'win32', false],
      ['tools\\go.exe', 'win32', false],
      ['C:/Go/bin/go.exe', 'win32', false],
      ['go1.22.5', 'linux', true],
      ['/usr/local/go/bin/go', 'darwin', false],
    ];
    for (const [value, os, isBare] of bare) assert.equal(isBareCommand(value, { os }), isBare, `${value} ${os}`);
  });

  it('knows the editor runs the terminal go when the two paths differ only in case', () => {
    const go = (path: string, pathIndex?: number): FoundGo => ({
      path,
      realPath: path,
      place: 'PATH',
      ...(pathIndex !== undefined ? { pathIndex } : {}),
      version: 'go1.22.5',
      goroot: 'C:\\Go',
    });
    const all = [go('C:\\Go\\bin\\go.exe', 0)];
    const editor = { realPath: 'c:\\go\\BIN\\GO.EXE', setting: 'go.alternateTools' };
    assert.match(goAllFinding(all, editor, win).detail, /the editor runs this one \(go\.alternateTools\)/);
    assert.equal(goShadowedFinding(all, editor, win), undefined);
    // The same two spellings on Linux are two files: the editor's go is not the terminal's.
    assert.doesNotMatch(goAllFinding(all, editor, { os: 'linux' }).detail, /the editor runs this one/);
  });
});
