// The repository policy in a trusted workspace: it applies as written, and a change to the file
// shows in the next diagnosis.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { diagnoseUntil, workspaceRoot } from './helpers';

describe('repository policy (.go-env-doctor.json, trusted workspace)', () => {
  const file = () => path.join(workspaceRoot(), '.go-env-doctor.json');
  afterEach(async () => {
    await fs.rm(file(), { force: true });
  });

  it('accepts an error with the team reason, and reports its own violation as an error at its line', async () => {
    const policy = {
      version: 1,
      go: { min: '1.99' },
      accept: [{ id: 'proxy.refused', reason: 'CI reaches the module proxy through its own network' }],
    };
    await fs.writeFile(file(), JSON.stringify(policy, null, 2));
    const report = await diagnoseUntil(
      (r) => r.findings.some((f) => f.id === 'policy.goVersion'),
      'the policy verdict',
    );
    const verdict = report.findings.find((f) => f.id === 'policy.goVersion')!;
    assert.equal(verdict.severity, 'error');
    assert.deepEqual(verdict.location, { file: file(), line: 4 });
    // The launcher's GOPROXY refuses connections: an error the policy accepts.
    const accepted = report.findings.find((f) => f.id === 'proxy.refused' && f.severity === 'info');
    assert.ok(accepted, report.findings.map((f) => `${f.id}(${f.severity})`).join(' '));
    assert.match(accepted.detail, /^Accepted by .*line 7: CI reaches the module proxy through its own network/);
  });

  it('shows a broken policy as policy.invalid on its line and applies none of it', async () => {
    await fs.writeFile(file(), '{\n  "version": 1,\n  "accept": [{ "id": "proxy.refused" }]\n}\n');
    const report = await diagnoseUntil((r) => r.findings.some((f) => f.id === 'policy.invalid'), 'policy.invalid');
    assert.equal(report.findings.find((f) => f.id === 'policy.invalid')?.location?.line, 3);
    assert.ok(report.findings.some((f) => f.id === 'proxy.refused' && f.severity === 'error'));
  });
});
