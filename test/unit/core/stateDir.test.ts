import * as assert from 'node:assert/strict';
import { stateDir, sumdbStateDir } from '../../../src/core/stateDir';

describe('state directory', () => {
  const linux = (env: NodeJS.ProcessEnv) => ({ env, homeDir: '/home/u', os: 'linux' as const });
  it('uses an absolute XDG_STATE_HOME and ignores a relative or empty one, as the XDG spec says', () => {
    assert.equal(stateDir(linux({ XDG_STATE_HOME: '/var/state' })), '/var/state/go-env-doctor');
    for (const v of ['state', './state', '../x', '~/state', ''])
      assert.equal(stateDir(linux({ XDG_STATE_HOME: v })), '/home/u/.local/state/go-env-doctor', v);
    assert.equal(sumdbStateDir(linux({})), '/home/u/.local/state/go-env-doctor/sumdb');
  });
  it('uses Windows paths on Windows and the Application Support folder on macOS', () => {
    const win = {
      env: { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' },
      homeDir: 'C:\\Users\\u',
      os: 'win32' as const,
    };
    assert.equal(sumdbStateDir(win), 'C:\\Users\\u\\AppData\\Local\\go-env-doctor\\sumdb');
    assert.equal(sumdbStateDir({ ...win, env: {} }), 'C:\\Users\\u\\AppData\\Local\\go-env-doctor\\sumdb');
    assert.equal(
      stateDir({ env: {}, homeDir: '/Users/u', os: 'darwin' }),
      '/Users/u/Library/Application Support/go-env-doctor',
    );
  });
});
