import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { proxyHistoryFindings } from '../../../../src/core/checks/proxyHistoryCheck';
import { pushChange } from '../../../../src/core/proxyRewrite/history';
import type { Platform } from '../../../../src/core/platform';
import { tempDir } from '../../../support/fakeGo';

describe('proxy.changedByDoctor', () => {
  it('offers the way back after set-proxy changed this go env file, and only for that file', async () => {
    const home = await tempDir('ged-hist-');
    const p: Platform = {
      env: { XDG_STATE_HOME: path.join(home, 'state') },
      homeDir: home,
      os: 'linux',
      arch: 'x64',
      now: () => Date.now(),
    };
    const envFile = path.join(home, 'goenv');
    assert.deepEqual(await proxyHistoryFindings(p, envFile), []);
    await pushChange(p, {
      at: '2026-11-20T10:11:12.000Z',
      kind: 'auto',
      envFile,
      goPath: '/usr/bin/go',
      before: { GOPROXY: { inFile: true, value: 'https://u:pw@old.example' } },
      wrote: { GOPROXY: 'https://new.example,direct' },
    });
    const [f] = await proxyHistoryFindings(p, envFile);
    assert.equal(f!.id, 'proxy.changedByDoctor');
    assert.equal(f!.severity, 'info');
    assert.match(f!.detail, /2026-11-20 10:11 UTC it wrote GOPROXY="https:\/\/new\.example,direct"/);
    assert.match(f!.detail, /before, it was "https:\/\/\*\*\*@old\.example"/);
    assert.deepEqual(f!.fixes![0]!.action, { kind: 'restoreProxy' });
    assert.deepEqual(await proxyHistoryFindings(p, path.join(home, 'other-goenv')), []);
  });
});
