import * as assert from 'node:assert/strict';
import type { Finding } from '../../../../src/core/findings';
import type { Report } from '../../../../src/core/report/model';
import { escapeMarkdown, presentStatus } from '../../../../src/extension/status/presentation';

const report = (findings: Finding[], go: Partial<Report['go']> = {}): Report => ({
  schemaVersion: 1,
  tool: { name: 'go-env-doctor', version: '0' },
  go: { path: '/usr/bin/go', version: 'go1.19.8', goroot: '/usr/lib/go', ...go },
  env: {},
  findings,
  durationMs: 10,
});
const ok: Finding = { id: 'go.ok', severity: 'ok', title: 'go1.19.8 linux/amd64', detail: '' };
const tooNew: Finding = {
  id: 'gomod.goTooNew',
  severity: 'error',
  title: 'go.mod needs Go 1.30; this is go1.19.8',
  detail: '',
  fixes: [
    {
      command: 'go-env-doctor install 1.30.0',
      title: 'Install Go 1.30.0 (verified)',
      action: { kind: 'installToolchain', version: '1.30.0' },
    },
  ],
};

describe('status bar presentation', () => {
  it('shows the Go version and a check when all is well', () => {
    const v = presentStatus({ kind: 'done', report: report([ok]) });
    assert.equal(v.text, '$(check) Go 1.19.8');
    assert.equal(v.background, undefined);
    assert.equal(v.accessibilityLabel, 'Go Env: Go 1.19.8, no problems');
    assert.match(v.tooltip, /No problems found/);
  });

  it('shows the worst severity, its background, and the problems with links to their fixes', () => {
    const v = presentStatus({ kind: 'done', report: report([ok, tooNew]) });
    assert.equal(v.text, '$(error) Go 1.19.8');
    assert.equal(v.background, 'error');
    assert.equal(v.accessibilityLabel, 'Go Env: Go 1.19.8, 1 problem, worst error');
    assert.ok(v.tooltip.includes('**go\\.mod needs Go 1\\.30; this is go1\\.19\\.8**'), v.tooltip);
    const link = /\]\((command:goEnv\.applyFix\?[^)\s]+)\)/.exec(v.tooltip)![1]!;
    const args = JSON.parse(decodeURIComponent(link.slice('command:goEnv.applyFix?'.length))) as unknown[];
    assert.deepEqual(args, [
      { findingIndex: 1, fixIndex: 0, findingId: 'gomod.goTooNew', fixTitle: 'Install Go 1.30.0 (verified)' },
    ]);
    assert.match(v.tooltip, /run `go-env-doctor install 1\.30\.0` in a terminal/);
    assert.doesNotMatch(
      presentStatus({ kind: 'done', report: report([tooNew]) }, (k) => k === 'installToolchain').tooltip,
      /in a terminal/,
    );
    // Only our own commands are linked.
    for (const m of v.tooltip.matchAll(/command:([\w.]+)/g)) assert.match(m[1]!, /^goEnv\./);
  });

  it('says so when there is no go, and while busy or failed', () => {
    const notFound: Finding = {
      id: 'go.notFound',
      severity: 'error',
      title: 'No go binary found',
      detail: '',
      fixes: tooNew.fixes!,
    };
    const v = presentStatus({ kind: 'done', report: report([notFound], { path: null, version: null }) });
    assert.equal(v.text, '$(error) No Go');
    assert.match(v.tooltip, /no go binary found/);
    assert.match(v.tooltip, /Install Go 1/);
    assert.equal(presentStatus({ kind: 'busy', previous: report([ok]) }).text, '$(sync~spin) Go 1.19.8');
    assert.equal(presentStatus({ kind: 'busy' }).text, '$(sync~spin) Go Env');
    assert.equal(presentStatus({ kind: 'failed', message: 'boom' }).background, 'error');
    assert.equal(presentStatus({ kind: 'idle' }).text, '$(pulse) Go Env');
  });

  it('escapes Markdown in titles', () => {
    assert.equal(escapeMarkdown('a_b *c* [d](e)'), 'a\\_b \\*c\\* \\[d\\]\\(e\\)');
  });
});
