// PATH as the editor's terminals get it after the extension's change, on each system: on Windows
// the change lands on the one `Path` key (never a second `PATH` beside it) with `;` separators.
import * as assert from 'node:assert/strict';
import { pathKey, pathPrefix, withPathChange } from '../../../../src/core/shell/pathVariable';

describe('shell/pathVariable', () => {
  it('prepends a toolchain bin to Windows `Path`, keeping one key whatever its case', () => {
    const env = { Path: 'C:\\Windows\\system32;C:\\Go\\bin', PATHEXT: '.EXE' };
    const win = { os: 'win32' as const };
    const out = withPathChange(
      env,
      { kind: 'prepend', value: pathPrefix('C:\\Users\\u\\sdk\\go1.22.5\\bin', win) },
      win,
    );
    assert.deepEqual(out, {
      Path: 'C:\\Users\\u\\sdk\\go1.22.5\\bin;C:\\Windows\\system32;C:\\Go\\bin',
      PATHEXT: '.EXE',
    });
    assert.equal(pathKey({ path: 'x' }, win), 'path');
    assert.equal(pathKey({}, win), 'Path');
    assert.deepEqual(withPathChange({ PATH: 'a' }, { kind: 'append', value: ';b' }, win), { PATH: 'a;b' });
  });

  it('uses PATH and `:` elsewhere, where `Path` is another variable', () => {
    const mac = { os: 'darwin' as const };
    const out = withPathChange(
      { PATH: '/usr/bin', Path: 'unrelated' },
      { kind: 'prepend', value: pathPrefix('/Users/u/sdk/go1.22.5/bin', mac) },
      mac,
    );
    assert.deepEqual(out, { PATH: '/Users/u/sdk/go1.22.5/bin:/usr/bin', Path: 'unrelated' });
    assert.deepEqual(withPathChange({}, { kind: 'replace', value: '/x' }, { os: 'linux' }), { PATH: '/x' });
  });
});
