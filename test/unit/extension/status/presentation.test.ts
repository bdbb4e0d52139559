import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { clockCheck } from '../../../../src/core/checks/clockCheck';
import { localizeFinding } from '../../../../src/core/i18n/localize';
import type { ProbeResult } from '../../../../src/core/net/probe';
import { ENGLISH, type L10n } from '../../../../src/extension/l10n';
import { REPO_ROOT } from '../../../support/sourceFiles';
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

describe('status bar presentation in Chinese', () => {
  it('shows the findings and the words in the display language; fix links keep the report’s own titles', async () => {
    const bundle = JSON.parse(
      await fs.readFile(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'),
    ) as Record<string, string>;
    // What vscode.l10n does with the bundle: the translation by English key, then {0}, {1}….
    const zh: L10n = { t: (message, ...args) => ENGLISH.t(bundle[message] ?? message, ...args) };
    const skew = clockCheck(
      [
        {
          url: 'https://goproxy.example.test/',
          headers: { date: 'Sun, 06 Dec 2026 09:00:00 GMT' },
          responseAt: Date.parse('Sun, 06 Dec 2026 09:10:00 GMT'),
          rttMs: 10,
          status: 200,
        } as unknown as ProbeResult,
      ],
      { os: 'linux' },
    ).finding!;
    const v = presentStatus({ kind: 'done', report: report([ok, skew]) }, () => false, {
      l10n: zh,
      show: (f) => localizeFinding(f, 'zh-CN'),
    });
    assert.equal(v.accessibilityLabel, 'Go Env：Go 1.19.8，1 个问题，最严重为错误');
    assert.match(v.tooltip, /\*\*系统时钟快了 10 分钟\*\*/);
    assert.match(v.tooltip, /在终端中运行 `sudo timedatectl set-ntp true`/);
    assert.match(v.tooltip, /重新诊断/);
    assert.doesNotMatch(v.tooltip, /The clock is|Diagnose again/);
    const link = /\]\((command:goEnv\.applyFix\?[^)\s]+)\)/.exec(v.tooltip)![1]!;
    const [ref] = JSON.parse(decodeURIComponent(link.slice('command:goEnv.applyFix?'.length))) as {
      fixTitle: string;
    }[];
    assert.equal(ref!.fixTitle, skew.fixes![0]!.title, 'the reference addresses the fix by its English title');
  });
});
