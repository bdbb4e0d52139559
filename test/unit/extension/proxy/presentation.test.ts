import * as assert from 'node:assert/strict';
import type { ProxyPlan } from '../../../../src/core/proxyRewrite/plan';
import type { RankingRow } from '../../../../src/core/proxyRewrite/rank';
import type { WriteOutcome } from '../../../../src/core/proxyRewrite/apply';
import { tildify } from '../../../../src/extension/format';
import {
  autoPickModel,
  blockedPickModel,
  offlinePickModel,
  overridePickModel,
  rankingEntries,
} from '../../../../src/extension/proxy/presentation';
import { restoredMessage, writtenMessage } from '../../../../src/extension/proxy/messages';

const fast: RankingRow = {
  url: 'http://alice:s3cret@127.0.0.1:1001',
  display: 'http://***@127.0.0.1:1001',
  healthy: true,
  medianMs: 3.2,
  samplesMs: [3.4, 3.2, 3.1],
};
const slow: RankingRow = {
  url: 'http://127.0.0.1:1002',
  display: 'http://127.0.0.1:1002',
  healthy: true,
  medianMs: 152,
  samplesMs: [151, 152, 160],
  sumdbSupported: 200,
};
const wrong: RankingRow = {
  url: 'http://127.0.0.1:1003',
  display: 'http://127.0.0.1:1003',
  healthy: false,
  medianMs: 2,
  samplesMs: [2],
  reason: 'serves different content: its go.mod hashes to h1:x',
};
const dead: RankingRow = {
  url: 'http://127.0.0.1:1004',
  display: 'http://127.0.0.1:1004',
  healthy: false,
  medianMs: null,
  samplesMs: [],
  reason: 'could not be reached: refused the connection (ECONNREFUSED)',
};

function autoPlan(over: Partial<ProxyPlan> = {}): ProxyPlan {
  return {
    mode: 'auto',
    goPath: '/usr/bin/go',
    envFile: '/home/u/.config/go/env',
    previous: { inFile: true, value: 'http://127.0.0.1:1004' },
    previousEffective: 'http://127.0.0.1:1004',
    value: `${fast.url}|${slow.url},direct`,
    unchanged: false,
    ranking: {
      rows: [fast, slow, wrong, dead],
      reference: {
        module: 'rsc.io/quote',
        version: 'v1.5.2',
        hash: 'h1:LzX7',
        source: 'builtin',
        detail: 'from the go.sum line',
        directReachable: false,
      },
      verdictBasis: 'builtin',
      durationMs: 412,
    },
    sumdb: { kind: 'direct', name: 'sum.golang.org', message: 'answers directly' },
    ...over,
  };
}

const written: WriteOutcome = {
  written: true,
  effective: 'x',
  file: { inFile: true, value: 'x' },
  otherSettingsChanged: [],
  goStderr: '',
};

describe('proxy fix presentation', () => {
  it('ranking rows: latency per mirror, fastest marked, every rejection with its reason; no credentials', () => {
    const rows = rankingEntries([fast, slow, wrong, dead], autoPlan().ranking!.reference);
    assert.deepEqual(
      rows.map((r) => r.description),
      ['3.2 ms median · fastest', '152 ms median', 'rejected · 2.0 ms median', 'rejected'],
    );
    assert.equal(
      rows[0]!.detail,
      'Healthy: serves rsc.io/quote@v1.5.2 as the published go.sum line records it; requests took 3.4 ms, 3.2 ms, 3.1 ms.',
    );
    assert.match(rows[1]!.detail!, /records it, forwards the checksum database; requests took/);
    assert.equal(rows[2]!.detail, 'Rejected: serves different content: its go.mod hashes to h1:x.');
    assert.match(rows[3]!.detail!, /ECONNREFUSED/);
    assert.ok(
      rows.every((r) => r.action === undefined),
      'ranking rows are information',
    );
    assert.doesNotMatch(JSON.stringify(rows), /s3cret/);
  });

  it('the auto pick writes only through its first entry, which names the value and the file', () => {
    const m = autoPickModel(autoPlan());
    assert.deepEqual(m.entries[0]!.action, { kind: 'write' });
    assert.equal(m.entries[0]!.label, '$(check) Set GOPROXY=http://***@127.0.0.1:1001|http://127.0.0.1:1002,direct');
    assert.match(
      m.entries[0]!.detail!,
      /Writes \/home\/u\/\.config\/go\/env with `go env -w` \(now http:\/\/127\.0\.0\.1:1004;/,
    );
    assert.match(m.entries[0]!.detail!, /Restore previous Go proxy settings/);
    assert.equal(
      m.title,
      'Go Env: switch GOPROXY to the fastest working mirror (4 mirrors checked in 412 ms, 2 healthy)',
    );
    assert.deepEqual(
      m.entries[1],
      { label: 'mirrors, fastest first', separator: true },
      'short: VS Code draws it over the next row',
    );
    assert.equal(m.entries.filter((e) => e.action).length, 1);
    assert.doesNotMatch(JSON.stringify(m), /s3cret/);
  });

  it('no healthy mirror: nothing to choose, and it says GOPROXY stays', () => {
    const m = blockedPickModel(
      autoPlan({ value: undefined, blocked: 'none', ranking: { ...autoPlan().ranking!, rows: [wrong, dead] } }),
    );
    assert.equal(m.entries.filter((e) => e.action).length, 0);
    assert.equal(
      m.title,
      'Go Env: no mirror passed the checks (2 mirrors checked in 412 ms, 0 healthy), so GOPROXY was left as it is',
    );
    assert.match(m.placeholder, /GOPROXY stays http:\/\/127\.0\.0\.1:1004/);
  });

  it('an OS-environment override offers the files that set it and the settings, never a write', () => {
    const plan = autoPlan();
    const m = overridePickModel(
      plan,
      {
        value: 'https://env.example',
        sources: [{ file: '/home/u/.profile', line: 3, text: 'export GOPROXY=https://env.example' }],
        explanation: 'GOPROXY is set in the OS environment: it is set in /home/u/.profile:3.',
      },
      { homeDir: '/home/u', toolsEnvVarsGoproxy: 'https://tools.example' },
    );
    assert.match(m.title, /GOPROXY=https:\/\/env\.example is set in the OS environment/);
    assert.match(m.placeholder, /^Nothing was written\. GOPROXY is set in the OS environment/);
    assert.deepEqual(m.entries[0]!.action, { kind: 'openSource', file: '/home/u/.profile', line: 3 });
    assert.equal(m.entries[0]!.label, '$(go-to-file) Open ~/.profile:3');
    assert.deepEqual(m.entries[1]!.action, { kind: 'openSettings', query: 'go.toolsEnvVars' });
    assert.equal(m.entries[1]!.description, 'sets GOPROXY=https://tools.example');
    assert.deepEqual(m.entries[2]!.action, { kind: 'copy', text: `GOPROXY=${plan.value}` });
    assert.ok(!m.entries.some((e) => e.action?.kind === 'write'));
  });

  it('offline: names the missing modules and their go.mod lines', () => {
    const plan = autoPlan({
      mode: 'offline',
      value: 'file:///c/cache/download,http://127.0.0.1:1004',
      ranking: undefined,
      offline: {
        cacheDir: '/c/cache/download',
        cacheExists: true,
        fileUrl: 'file:///c/cache/download',
        goMod: '/w/go.mod',
        modules: [
          { path: 'rsc.io/quote', version: 'v1.5.2', line: 4, status: 'cached' },
          { path: 'golang.org/x/text', version: 'v0.3.0', line: 5, status: 'missing' },
          { path: 'rsc.io/sampler', version: 'v1.3.0', line: 6, status: 'goModOnly' },
        ],
      },
    });
    const m = offlinePickModel(plan);
    assert.deepEqual(m.entries[0]!.action, { kind: 'write' });
    assert.match(
      m.entries[0]!.detail!,
      /2 of the 3 modules \/w\/go\.mod requires are not in the cache \(listed below\)/,
    );
    assert.deepEqual(m.entries[1], { label: 'not in the module cache', separator: true });
    assert.equal(m.title, 'Go Env: work offline from the module cache (2 modules missing)');
    assert.deepEqual(
      m.entries.slice(2).map((e) => [e.label, e.description]),
      [
        ['$(warning) golang.org/x/text v0.3.0', 'missing'],
        ['$(warning) rsc.io/sampler v1.3.0', 'only its go.mod is cached (no source)'],
      ],
    );
    assert.match(m.placeholder, /2 modules are missing/);
    const msg = writtenMessage(plan, written);
    assert.equal(msg.severity, 'warning');
    assert.match(
      msg.text,
      /GOPROXY now starts with the module cache, in \/home\/u\/\.config\/go\/env \(was http:\/\/127\.0\.0\.1:1004\)\. Missing from the cache: golang\.org\/x\/text@v0\.3\.0, rsc\.io\/sampler@v1\.3\.0; fetch them while online/,
    );
  });

  it('messages never claim success when the OS environment still wins', () => {
    const plan = autoPlan();
    assert.match(
      writtenMessage(plan, written).text,
      /^Go Env: GOPROXY is now http:\/\/\*\*\*@127\.0\.0\.1:1001\|http:\/\/127\.0\.0\.1:1002,direct, in \/home\/u\/\.config\/go\/env \(was http:\/\/127\.0\.0\.1:1004\)\.$/,
    );
    const overridden = writtenMessage(plan, {
      ...written,
      override: { value: 'https://env.example', sources: [], explanation: 'Remove it there.' },
    });
    assert.equal(overridden.severity, 'warning');
    assert.match(
      overridden.text,
      /does not take effect: GOPROXY=https:\/\/env\.example in the OS environment still wins/,
    );
    assert.match(
      restoredMessage({
        restored: false,
        goPath: '/go',
        envFile: '/e',
        current: { inFile: false },
        effective: '',
        reason: 'go-env-doctor has no saved GOPROXY for /e.',
        stateFile: '/s',
      }).text,
      /^Go Env: nothing to restore\. go-env-doctor has no saved GOPROXY/,
    );
  });

  it('shortens paths under the home directory', () => {
    assert.equal(tildify('/home/u/.bashrc', '/home/u'), '~/.bashrc');
    assert.equal(tildify('/home/user2/.bashrc', '/home/u'), '/home/user2/.bashrc');
    assert.equal(tildify('/etc/environment', '/home/u'), '/etc/environment');
  });
});
