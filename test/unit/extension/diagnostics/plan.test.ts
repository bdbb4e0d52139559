import * as assert from 'node:assert/strict';
import type { Finding } from '../../../../src/core/findings';
import { planDiagnostics } from '../../../../src/extension/diagnostics/plan';

const f = (id: string, severity: Finding['severity'], location?: Finding['location']): Finding => ({
  id,
  severity,
  title: id,
  detail: `${id} detail`,
  ...(location ? { location } : {}),
});

describe('where findings show on go.mod', () => {
  const targets = [
    { file: '/w/go.mod', moduleLine: 1 },
    { file: '/w/sub/go.mod', moduleLine: 2 },
  ];

  it('puts located findings on their line and environment problems on each module line', () => {
    const findings = [
      f('go.ok', 'ok'),
      f('gomod.goTooNew', 'error', { file: '/w/go.mod', line: 3 }),
      f('proxy.refused', 'error'),
      f('sumdb.unreachable', 'warning'),
      f('proxy.mirror', 'info'), // information about the environment is not a problem on go.mod
      f('vscode.proxyDiffers', 'info'),
      f('gomod.toolchainNewer', 'info', { file: '/w/sub/go.mod', line: 4 }),
    ];
    const plan = planDiagnostics(findings, targets);
    const root = plan.get('/w/go.mod')!;
    assert.deepEqual(
      root.map((d) => [d.code, d.line, d.severity, d.findingIndex]),
      [
        ['gomod.goTooNew', 3, 'error', 1],
        ['proxy.refused', 1, 'error', 2],
        ['sumdb.unreachable', 1, 'warning', 3],
      ],
    );
    const sub = plan.get('/w/sub/go.mod')!;
    assert.deepEqual(
      sub.map((d) => [d.code, d.line, d.severity]),
      [
        ['proxy.refused', 2, 'error'],
        ['sumdb.unreachable', 2, 'warning'],
        ['gomod.toolchainNewer', 4, 'info'],
      ],
    );
    assert.equal(root[0]!.message, 'gomod.goTooNew\ngomod.goTooNew detail');
  });

  it('gives every target an entry, so fixed problems are cleared', () => {
    const plan = planDiagnostics([f('env.ok', 'ok')], targets);
    assert.deepEqual([...plan.keys()], ['/w/go.mod', '/w/sub/go.mod']);
    assert.deepEqual([...plan.values()].flat(), []);
  });

  it('shows a missing go on every go.mod: nothing builds without it', () => {
    const plan = planDiagnostics([f('go.notFound', 'error')], targets);
    assert.equal(plan.get('/w/sub/go.mod')![0]!.code, 'go.notFound');
  });
});
