// The verdict line and the next step that open the human report and the Markdown report.
import * as assert from 'node:assert/strict';
import { clockCheck } from '../../../../src/core/checks/clockCheck';
import { installToolchainFix, setProxyFix } from '../../../../src/core/checks/fixes';
import type { Finding } from '../../../../src/core/findings';
import type { ProbeResult } from '../../../../src/core/net/probe';
import { renderMarkdown } from '../../../../src/core/report/markdown';
import type { Report } from '../../../../src/core/report/model';
import { renderText } from '../../../../src/core/report/text';
import { verdict } from '../../../../src/core/report/verdict';

const report = (findings: Finding[], goPath: string | null = '/usr/bin/go'): Report => ({
  schemaVersion: 1,
  tool: { name: 'go-env-doctor', version: '0.1.0' },
  go: { path: goPath, version: goPath ? 'go1.22.5' : null, goroot: null },
  env: {},
  durationMs: 5,
  findings,
});

/** A real clock.skew warning (its text is in the catalog): the clock 3 minutes fast. */
function skewed(): Finding {
  const date = 'Sun, 06 Dec 2026 09:00:00 GMT';
  const probe = {
    url: 'https://goproxy.example.test/',
    headers: { date },
    responseAt: Date.parse(date) + 180_000,
    rttMs: 10,
    status: 200,
  };
  return clockCheck([probe as unknown as ProbeResult], { os: 'linux' }).finding!;
}

const ok: Finding = { id: 'go.ok', severity: 'ok', title: 'go1.22.5 linux/amd64', detail: 'go answered.' };
const goTooNew: Finding = {
  id: 'gomod.goTooNew',
  severity: 'error',
  title: 'go.mod needs Go 1.30.0',
  detail: 'Line 3 says go 1.30.0, but go1.22.5 is installed. Go refuses to build this module with an older Go.',
  fixes: [installToolchainFix('1.30.0')],
};
const refused: Finding = {
  id: 'proxy.refused',
  severity: 'error',
  title: 'The module proxy refused the connection',
  detail: 'Nothing listens on 127.0.0.1:9. The configured proxy cannot be reached.',
  fixes: [
    setProxyFix('https://a.example.test|https://b.example.test,direct', 'Use verified mirrors'),
    setProxyFix('https://c.example.test', 'Another'),
  ],
};

describe('core/report/verdict (the first lines a hurried reader sees)', () => {
  it('says healthy when nothing is a warning or error, in both languages', () => {
    assert.deepEqual(verdict(report([ok])), {
      severity: 'ok',
      line: 'Your Go environment is healthy: nothing to fix.',
    });
    assert.equal(verdict(report([ok]), 'zh-CN').line, 'Go 环境正常，无需修复。');
    assert.match(
      renderText(report([ok]), { color: false }),
      /^\[✓\] Your Go environment is healthy: nothing to fix\.\n\n/,
    );
  });

  it('counts the problems of the worst severity and names the one to start with, with its first fix', () => {
    const v = verdict(report([ok, skewed(), goTooNew]));
    assert.equal(v.severity, 'error');
    assert.equal(v.line, 'One problem to fix: go.mod needs Go 1.30.0.');
    assert.deepEqual(v.next, { title: 'Install Go 1.30.0 (verified)', command: 'go-env-doctor install 1.30.0' });
    const warn = verdict(report([ok, skewed()]), 'zh-CN');
    assert.equal(warn.line, '没有错误，有 1 个警告：系统时钟快了 3 分钟。');
    assert.equal(warn.next?.command, skewed().fixes![0]!.command);
  });

  it('puts a verified GOPROXY first, as the go env -w command it amounts to (quoted for the shell)', () => {
    const v = verdict(report([goTooNew, refused]));
    assert.equal(v.line, '2 problems to fix; start with: The module proxy refused the connection.');
    assert.equal(v.next?.command, "go env -w 'GOPROXY=https://a.example.test|https://b.example.test,direct'");
    assert.equal(v.next?.title, 'Use verified mirrors');
    const ps = verdict(report([refused]), 'en', 'powershell');
    assert.equal(ps.next?.command, "go env -w 'GOPROXY=https://a.example.test|https://b.example.test,direct'");
    // Without a go binary, go env -w cannot run: installing Go comes first.
    const noGo = verdict(report([goTooNew, refused], null));
    assert.equal(noGo.next?.command, 'go-env-doctor install 1.30.0');
  });

  it('opens the text report with the verdict and the command; causes are one sentence unless verbose', () => {
    const text = renderText(report([ok, goTooNew]), { color: false });
    const lines = text.split('\n');
    assert.equal(lines[0], '[✗] One problem to fix: go.mod needs Go 1.30.0.');
    assert.equal(lines[1], '    Next step: Install Go 1.30.0 (verified)');
    assert.equal(lines[2], '      go-env-doctor install 1.30.0');
    assert.match(text, /^ {6}Line 3 says go 1\.30\.0, but go1\.22\.5 is installed\.$/m);
    assert.doesNotMatch(text, /Go refuses to build/);
    assert.doesNotMatch(text, /go answered/, 'checks that passed show no detail');
    assert.match(
      text,
      /Full explanations: run again with --verbose, or\s+`go-env-doctor report`\s+for\s+the\s+Markdown\s+report\./,
    );
    const verbose = renderText(report([ok, goTooNew]), { color: false, verbose: true }).replace(/\s+/g, ' ');
    assert.match(verbose, /Go refuses to build this module with an older Go\./);
    assert.match(verbose, /go answered\./);
    assert.doesNotMatch(verbose, /Full explanations/);
  });

  it('opens the Markdown report with the verdict and the next step, in the language asked for', () => {
    const md = renderMarkdown(report([ok, skewed()]), { lang: 'zh-CN' });
    assert.match(md, /^# Go Env Doctor 诊断报告\n\n\*\*⚠ 没有错误，有 1 个警告：系统时钟快了 3 分钟。\*\*\n\n下一步：/);
    assert.match(md, /^## 时钟$/m);
    assert.match(md, /^- ⚠ \*\*系统时钟快了 3 分钟\*\*/m);
    assert.match(
      renderMarkdown(report([goTooNew])),
      /^Next step: Install Go 1\.30\.0 \(verified\): `go-env-doctor install 1\.30\.0`$/m,
    );
  });
});
