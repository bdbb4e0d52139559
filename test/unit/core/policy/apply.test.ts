// A report judged by a policy: violations point at the rule's line; promotions and acceptances
// apply only to a trusted policy, and an untrusted one can only warn.
import * as assert from 'node:assert/strict';
import { applyPolicy } from '../../../../src/core/policy/apply';
import type { LoadedPolicy, Policy } from '../../../../src/core/policy/model';
import type { Report } from '../../../../src/core/report/model';
import type { Finding } from '../../../../src/core/findings';

const report = (env: Record<string, string>, findings: Finding[] = [], version = 'go1.21.4'): Report => ({
  schemaVersion: 1,
  tool: { name: 'go-env-doctor', version: '0' },
  go: { path: '/usr/local/go/bin/go', version, goroot: '/usr/local/go' },
  env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, { value: v, source: 'goenv' as const }])),
  findings,
  durationMs: 1,
});

const loaded = (policy: Omit<Policy, 'version'>): LoadedPolicy => ({
  file: '/repo/.go-env-doctor.json',
  policy: { version: 1, ...policy },
  lines: new Map([
    ['go.min', 3],
    ['goproxy.include', 5],
    ['goprivate.cover', 7],
    ['promote.0', 9],
    ['accept.0', 11],
  ]),
});

const byId = (r: Report, id: string): Finding | undefined => r.findings.find((f) => f.id === id);

describe('policy: judging a report', () => {
  it('reports each broken rule at its line, with a fix that writes what the policy asks', () => {
    const r = applyPolicy(
      report({
        GOPROXY: 'https://proxy.golang.org|direct',
        GOPRIVATE: 'git.corp.example',
        GOSUMDB: 'off',
        GOFLAGS: '-mod=mod -trimpath',
        GOTOOLCHAIN: 'auto',
      }),
      loaded({
        go: { min: '1.22' },
        goproxy: { include: ['https://goproxy.cn/'], exclude: ['https://proxy.golang.org'] },
        goprivate: { cover: ['git.corp.example/team', 'github.com/acme'] },
        gosumdb: { notOff: true },
        goflags: { forbid: ['-mod'] },
        gotoolchain: { require: 'local' },
      }),
      { trusted: true },
    );
    const go = byId(r, 'policy.goVersion')!;
    assert.equal(go.severity, 'error');
    assert.deepEqual(go.location, { file: '/repo/.go-env-doctor.json', line: 3 });
    assert.match(go.detail, /at least go1\.22\.0; this machine runs go1\.21\.4/);
    assert.deepEqual(go.fixes?.[0]?.action, { kind: 'installToolchain', version: '1.22.0' });
    assert.deepEqual(byId(r, 'policy.goproxy')?.fixes?.[0]?.action, {
      kind: 'setGoEnv',
      name: 'GOPROXY',
      value: 'https://goproxy.cn/,direct',
    });
    assert.deepEqual(byId(r, 'policy.goprivate')?.fixes?.[0]?.action, {
      kind: 'setGoEnv',
      name: 'GOPRIVATE',
      value: 'git.corp.example,github.com/acme',
    });
    assert.match(byId(r, 'policy.goprivate')!.detail, /must cover github\.com\/acme,/);
    assert.doesNotMatch(
      byId(r, 'policy.goprivate')!.detail,
      /git\.corp\.example\/team/,
      'already covered by git.corp.example',
    );
    assert.deepEqual(byId(r, 'policy.gosumdbOff')?.fixes?.[0]?.action, { kind: 'unsetGoEnv', name: 'GOSUMDB' });
    assert.deepEqual(byId(r, 'policy.goflags')?.fixes?.[0]?.action, {
      kind: 'setGoEnv',
      name: 'GOFLAGS',
      value: '-trimpath',
    });
    assert.deepEqual(byId(r, 'policy.gotoolchain')?.fixes?.[0]?.action, {
      kind: 'setGoEnv',
      name: 'GOTOOLCHAIN',
      value: 'local',
    });
  });

  it('reports nothing when the environment follows the policy', () => {
    const r = applyPolicy(
      report(
        {
          GOPROXY: 'https://goproxy.cn,direct',
          GOPRIVATE: '*.corp.example',
          GOSUMDB: 'sum.golang.google.cn',
          GOFLAGS: '',
          GOTOOLCHAIN: 'local',
        },
        [],
        'go1.22.5',
      ),
      loaded({
        go: { min: '1.22', exact: 'go1.22.5' },
        goproxy: { include: ['https://goproxy.cn'] },
        goprivate: { cover: ['git.corp.example/x'] },
        gosumdb: { notOff: true },
        goflags: { forbid: ['-insecure'] },
        gotoolchain: { require: 'local' },
      }),
      { trusted: true },
    );
    assert.deepEqual(r.findings, []);
  });

  it('promotes warnings and accepts problems (with the reason and line) only when trusted', () => {
    const findings: Finding[] = [
      { id: 'proxy.slow', severity: 'warning', title: 'slow', detail: 'It is slow.' },
      { id: 'env.overridden', severity: 'warning', title: 'overridden', detail: 'OS wins.' },
    ];
    const policy = loaded({
      promote: ['proxy.slow'],
      accept: [{ id: 'env.overridden', reason: 'CI sets GOPROXY on purpose' }],
    });
    const trusted = applyPolicy(report({}, findings), policy, { trusted: true });
    assert.equal(byId(trusted, 'proxy.slow')?.severity, 'error');
    assert.match(byId(trusted, 'proxy.slow')!.detail, /line 9, promotes it/);
    assert.equal(byId(trusted, 'env.overridden')?.severity, 'info');
    assert.match(
      byId(trusted, 'env.overridden')!.detail,
      /^Accepted by \/repo\/\.go-env-doctor\.json, line 11: CI sets GOPROXY on purpose/,
    );

    const untrusted = applyPolicy(report({}, findings), policy, { trusted: false });
    assert.deepEqual(untrusted.findings, findings, 'an untrusted policy relaxes and promotes nothing');
  });

  it('an untrusted policy reports its violations as warnings', () => {
    const r = applyPolicy(report({ GOSUMDB: 'off' }), loaded({ gosumdb: { notOff: true } }), { trusted: false });
    assert.equal(byId(r, 'policy.gosumdbOff')?.severity, 'warning');
  });
});
