// GitHub Actions workflow commands: the escaping the runner decodes, and one annotation per problem.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Report } from '../../../../src/core/report/model';
import { escapeData, escapeProperty, renderGithub } from '../../../../src/core/report/github';

/** What the Actions runner does to a property or message before it shows it. */
const unescape = (s: string): string =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

describe('GitHub workflow commands', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties, reversibly', () => {
    const inputs = ['100% done', 'a\r\nb', 'GOPROXY=https://a,direct', 'x:y,z%0A', '%25 literal', ''];
    for (const s of inputs) {
      assert.equal(unescape(escapeData(s)), s, s);
      assert.equal(unescape(escapeProperty(s)), s, s);
      assert.doesNotMatch(escapeData(s), /[\r\n]/);
      assert.doesNotMatch(escapeProperty(s), /[\r\n:,]/);
    }
    assert.equal(escapeData('50%\n'), '50%25%0A');
    assert.equal(escapeProperty('go.mod: 1,2'), 'go.mod%3A 1%2C2');
  });

  it('annotates errors, warnings and notices; go.mod findings carry file (relative) and line', () => {
    const root = path.resolve('/work/repo');
    const report: Report = {
      schemaVersion: 1,
      tool: { name: 'go-env-doctor', version: '0.1.0' },
      go: { path: null, version: null, goroot: null },
      env: {},
      durationMs: 1,
      findings: [
        { id: 'go.ok', severity: 'ok', title: 'Go works', detail: '' },
        {
          id: 'gomod.goTooNew',
          severity: 'error',
          title: 'go.mod needs Go 1.30',
          detail: 'Line 3 says go 1.30.\nInstall it.',
          location: { file: path.join(root, 'svc', 'go.mod'), line: 3 },
          fixes: [{ title: 'Install Go 1.30.0', command: 'go-env-doctor install 1.30.0' }],
        },
        { id: 'proxy.slow', severity: 'warning', title: 'Slow: 100%', detail: 'a, b' },
        { id: 'clock.unknown', severity: 'info', title: 'No clock', detail: 'none answered' },
      ],
    };
    const lines = renderGithub(report, root).trimEnd().split('\n');
    assert.deepEqual(lines, [
      '::error file=svc/go.mod,line=3,title=go.mod needs Go 1.30 (gomod.goTooNew)::Line 3 says go 1.30.%0AInstall it.%0AFix: Install Go 1.30.0: go-env-doctor install 1.30.0',
      '::warning title=Slow%3A 100%25 (proxy.slow)::a, b',
      '::notice title=No clock (clock.unknown)::none answered',
    ]);
  });
});
