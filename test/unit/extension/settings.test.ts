import * as assert from 'node:assert/strict';
import {
  goPathInSettingsFile,
  readSettings,
  stripJsonc,
  type ConfigInspection,
  type ConfigReader,
} from '../../../src/extension/settings';

/** A configuration with user (global) and workspace layers, read the way VS Code merges them. */
function config(global: Record<string, unknown>, workspace: Record<string, unknown> = {}): ConfigReader {
  return {
    get: <T>(key: string) => (key in workspace ? workspace[key] : global[key]) as T | undefined,
    inspect: <T>(key: string) => ({ globalValue: global[key], workspaceValue: workspace[key] }) as ConfigInspection<T>,
  };
}

describe('extension settings', () => {
  it('has the documented defaults', () => {
    assert.deepEqual(readSettings(config({}), true), {
      goPath: undefined,
      ignoredWorkspaceGoPath: undefined,
      probeTimeoutMs: 5000,
      runOnStartup: true,
      extraMirrors: [],
    });
  });

  it('uses a workspace goPath only in a trusted workspace', () => {
    const cfg = config({ goPath: '/usr/local/go/bin/go' }, { goPath: './evil/go' });
    assert.equal(readSettings(cfg, true).goPath, './evil/go');
    const untrusted = readSettings(cfg, false);
    assert.equal(untrusted.goPath, '/usr/local/go/bin/go');
    assert.equal(untrusted.ignoredWorkspaceGoPath, './evil/go');
    assert.equal(readSettings(config({}, { goPath: './evil/go' }), false).goPath, undefined);
  });

  it('uses workspace extraMirrors only in a trusted workspace', () => {
    const cfg = config({ extraMirrors: ['https://mine.test'] }, { extraMirrors: ['http://chosen-by-repo.test'] });
    assert.deepEqual(readSettings(cfg, true).extraMirrors, ['http://chosen-by-repo.test']);
    assert.deepEqual(readSettings(cfg, false).extraMirrors, ['https://mine.test']);
    assert.deepEqual(
      readSettings(config({}, { extraMirrors: ['http://chosen-by-repo.test'] }), false).extraMirrors,
      [],
    );
  });

  it('clamps the timeout and cleans the mirror list', () => {
    assert.equal(readSettings(config({ probeTimeoutMs: 10 }), true).probeTimeoutMs, 500);
    assert.equal(readSettings(config({ probeTimeoutMs: 1e9 }), true).probeTimeoutMs, 60_000);
    assert.equal(readSettings(config({ probeTimeoutMs: 'soon' }), true).probeTimeoutMs, 5000);
    assert.deepEqual(
      readSettings(config({ extraMirrors: [' https://a.test ', '', 3, 'https://a.test', 'https://b.test'] }), true)
        .extraMirrors,
      ['https://a.test', 'https://b.test'],
    );
    assert.equal(readSettings(config({ runOnStartup: false }), true).runOnStartup, false);
  });

  it('reads goEnv.goPath from settings files with comments and trailing commas', () => {
    const text =
      '{\n  // where go lives\n  "goEnv.goPath": "/opt/go//bin/go", /* odd */\n  "x": "a // not a comment",\n}\n';
    assert.equal(goPathInSettingsFile(text), '/opt/go//bin/go');
    assert.equal(JSON.parse(stripJsonc(text)).x, 'a // not a comment');
    assert.equal(goPathInSettingsFile('{"folders": [], "settings": {"goEnv.goPath": "/w/go"}}'), '/w/go');
    assert.equal(goPathInSettingsFile('{ not json'), undefined);
    assert.equal(goPathInSettingsFile('{"goEnv.goPath": ""}'), undefined);
  });
});
