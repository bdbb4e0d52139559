// PATH shapes that break Windows tools, by table through the injected Platform.
import * as assert from 'node:assert/strict';
import { CMD_LINE_LIMIT, pathFindings } from '../../../../src/core/checks/pathCheck';

const on = (os: NodeJS.Platform, env: NodeJS.ProcessEnv) => pathFindings({ os, env });
const subjects = (os: NodeJS.Platform, env: NodeJS.ProcessEnv) => on(os, env).map((f) => f.subject);

describe('checks/path', () => {
  const healthy = 'C:\\Windows\\system32;C:\\Program Files\\Go\\bin;C:\\;D:\\';

  it('names each entry with quotes or a trailing backslash; drive roots are fine', () => {
    const table: [string, (string | undefined)[]][] = [
      [healthy, []],
      ['C:\\Windows;"C:\\Program Files\\Go\\bin";C:\\tools', ['"C:\\Program Files\\Go\\bin"']],
      ['C:\\Windows;C:\\Go\\bin\\;C:\\x"y', ['C:\\Go\\bin\\', 'C:\\x"y']],
    ];
    for (const [value, want] of table) assert.deepEqual(subjects('win32', { Path: value }), want, value);
    const f = on('win32', { PATH: 'C:\\Go\\bin\\' })[0]!;
    assert.equal(f.id, 'env.pathProblem');
    assert.equal(f.severity, 'warning');
    assert.match(f.detail, /C:\\Go\\bin\\ ends with a backslash.*Remove the trailing backslash/);
  });

  it('warns when PATH is longer than cmd.exe can hold, not at the limit', () => {
    // One long folder name: only the length is at issue.
    const longPath = (n: number) => `C:\\${'x'.repeat(n - 3)}`;
    assert.deepEqual(subjects('win32', { Path: longPath(CMD_LINE_LIMIT) }), []);
    const over = on('win32', { Path: longPath(CMD_LINE_LIMIT + 1) });
    assert.deepEqual(
      over.map((f) => f.subject),
      ['PATH'],
    );
    assert.match(over[0]!.detail, /PATH is 8192 characters long; cmd\.exe lines are limited to 8191/);
  });

  it('says nothing on other systems, where PATH has no such limits', () => {
    for (const os of ['linux', 'darwin'] as const)
      assert.deepEqual(subjects(os, { PATH: `"/a";/b/;${'x'.repeat(CMD_LINE_LIMIT)}` }), []);
  });
});
