import * as assert from 'node:assert/strict';
import type { ConfigInspection, ConfigReader } from '../../../../src/extension/settings';
import { readToolchainSettings, settingsError } from '../../../../src/extension/toolchain/settings';

/** A ConfigReader over user (global) and workspace values, like vscode.WorkspaceConfiguration. */
function config(user: Record<string, unknown>, workspace: Record<string, unknown> = {}): ConfigReader {
  return {
    get: <T>(key: string) => (workspace[key] ?? user[key]) as T | undefined,
    inspect: <T>(key: string): ConfigInspection<T> => {
      const found: ConfigInspection<T> = {};
      if (key in user) found.globalValue = user[key] as T;
      if (key in workspace) found.workspaceValue = workspace[key] as T;
      return found;
    },
  };
}

describe('extension: toolchain settings', () => {
  it('defaults to the official index, no mirrors and ~/sdk', () => {
    const s = readToolchainSettings(config({}), '/home/u');
    assert.deepEqual(s, { dlBases: undefined, mirrors: [], sdkDir: '/home/u/sdk', problems: [] });
    assert.equal(settingsError(s), undefined);
  });

  it('reads the user values, adds trailing slashes, drops duplicates and expands ~', () => {
    const s = readToolchainSettings(
      config({
        'toolchain.dlBase': ' http://127.0.0.1:4000/dl ',
        'toolchain.mirrors': ['https://m.example.com/golang', 'https://m.example.com/golang/', ''],
        'toolchain.sdkDir': '~/go-sdks',
      }),
      '/home/u',
    );
    assert.deepEqual(s, {
      dlBases: ['http://127.0.0.1:4000/dl/'],
      mirrors: ['https://m.example.com/golang/'],
      sdkDir: '/home/u/go-sdks',
      problems: [],
    });
  });

  it('ignores workspace values: a workspace must not choose where checksums, bytes or binaries come from', () => {
    const s = readToolchainSettings(
      config(
        {},
        {
          'toolchain.dlBase': 'https://evil.example.com/dl/',
          'toolchain.mirrors': ['https://evil.example.com/'],
          'toolchain.sdkDir': '/tmp/evil',
        },
      ),
      '/home/u',
    );
    assert.deepEqual(s, { dlBases: undefined, mirrors: [], sdkDir: '/home/u/sdk', problems: [] });
  });

  it('refuses a plain-http index off loopback, non-URLs and relative directories, naming each', () => {
    const s = readToolchainSettings(
      config({
        'toolchain.dlBase': 'http://alice:pw@dl.example.com/',
        'toolchain.mirrors': ['ftp://x/', 'https://ok.example.com/'],
        'toolchain.sdkDir': 'sdk',
      }),
      '/home/u',
    );
    assert.equal(s.dlBases, undefined);
    assert.deepEqual(s.mirrors, ['https://ok.example.com/']);
    assert.equal(s.sdkDir, '/home/u/sdk');
    assert.equal(s.problems.length, 3, s.problems.join('\n'));
    assert.match(s.problems[0]!, /dlBase "http:\/\/\*\*\*@dl\.example\.com\/" must use https:\/\//);
    assert.doesNotMatch(s.problems.join(' '), /alice|pw@/);
    assert.match(s.problems[1]!, /mirrors entry "ftp:\/\/x\/" is not an http\(s\) URL/);
    assert.match(s.problems[2]!, /sdkDir "sdk" is not an absolute path/);
    const err = settingsError(s);
    assert.equal(err?.code, 'settings.invalid');
    assert.match(err!.remedy, /user settings/);
  });
});
