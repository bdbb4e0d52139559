import * as assert from 'node:assert/strict';
import { DEFAULT_MIRRORS } from '../../../../src/core/proxyRewrite/defaults';
import { mirrorCandidates, readProxyCandidates } from '../../../../src/extension/proxy/candidates';
import type { ConfigInspection, ConfigReader } from '../../../../src/extension/settings';

function config(global: Record<string, unknown>, workspace: Record<string, unknown> = {}): ConfigReader {
  return {
    get: <T>(key: string) => (key in workspace ? workspace[key] : global[key]) as T | undefined,
    inspect: <T>(key: string) => ({ globalValue: global[key], workspaceValue: workspace[key] }) as ConfigInspection<T>,
  };
}

describe('proxy fix candidates', () => {
  it('probes the built-in mirrors, then the current GOPROXY entries, then goEnv.extraMirrors, once each', () => {
    const c = mirrorCandidates({
      builtin: DEFAULT_MIRRORS,
      configured: [],
      extraMirrors: ['https://corp.example/goproxy', 'https://proxy.golang.org/'],
      currentGoproxy: 'http://127.0.0.1:9|https://goproxy.cn,direct',
    });
    assert.deepEqual(c.urls, [...DEFAULT_MIRRORS, 'http://127.0.0.1:9', 'https://corp.example/goproxy']);
    assert.deepEqual(c.skipped, []);
  });

  it('goEnv.proxyCandidates replaces the built-in mirrors; non-mirror entries are skipped and named', () => {
    const c = mirrorCandidates({
      builtin: DEFAULT_MIRRORS,
      configured: ['http://127.0.0.1:1001', 'file:///tmp/cache', 'http://127.0.0.1:1002,direct'],
      extraMirrors: ['http://127.0.0.1:1003'],
      currentGoproxy: 'off',
    });
    assert.deepEqual(c.urls, ['http://127.0.0.1:1001', 'http://127.0.0.1:1003']);
    assert.deepEqual(c.skipped, ['file:///tmp/cache', 'http://127.0.0.1:1002,direct']);
  });

  it('reads goEnv.proxyCandidates, ignoring a workspace value in an untrusted workspace', () => {
    const cfg = config(
      { proxyCandidates: [' https://mine.example ', '', 7] },
      { proxyCandidates: ['https://theirs.example'] },
    );
    assert.deepEqual(readProxyCandidates(cfg, true), {
      candidates: ['https://theirs.example'],
      ignoredWorkspaceValue: false,
    });
    assert.deepEqual(readProxyCandidates(cfg, false), {
      candidates: ['https://mine.example'],
      ignoredWorkspaceValue: true,
    });
    assert.deepEqual(readProxyCandidates(config({}), false), { candidates: [], ignoredWorkspaceValue: false });
    assert.deepEqual(readProxyCandidates(config({ proxyCandidates: 'https://x.example' }), true).candidates, []);
  });
});
