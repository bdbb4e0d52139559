import * as assert from 'node:assert/strict';
import { envFindings } from '../../../../src/core/checks/envCheck';
import { tooBroad } from '../../../../src/core/checks/envPatternsCheck';
import type { EnvEntry } from '../../../../src/core/report/model';
import { only } from '../../../support/findingAsserts';

function env(values: Record<string, string>): Record<string, EnvEntry> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, source: 'goenv' as const }]));
}
const run = (values: Record<string, string>) => envFindings({ env: env(values), os: {} });

describe('checks/envPatterns (broad patterns, look-alike characters)', () => {
  it('env.patternTooBroad names `*` and bare public hosts in each of the four variables', () => {
    for (const name of ['GOPRIVATE', 'GONOSUMDB', 'GONOPROXY', 'GOINSECURE']) {
      const fs = run({ GOPROXY: 'https://proxy.golang.org,direct', [name]: 'git.corp.example,github.com' });
      const f = only(fs, 'env.patternTooBroad');
      assert.equal(f.severity, 'warning');
      assert.equal(f.subject, name);
      assert.match(f.title, /"github\.com"/);
      // The fix keeps the user's own pattern and drops only the broad one.
      assert.equal(f.fixes?.[0]?.command, `go env -w ${name}=git.corp.example`);
      assert.ok(!fs.some((x) => x.id === 'env.ok'));
    }
    const star = only(run({ GONOSUMDB: '*' }), 'env.patternTooBroad');
    assert.match(star.detail, /"\*" matches every module path/);
    assert.equal(star.fixes?.[0]?.command, 'go env -u GONOSUMDB');
    assert.match(tooBroad('*.*') ?? '', /every module path/);
  });

  it('env.patternTooBroad is absent for the user’s own host and host/org on a shared host', () => {
    const fs = run({ GOPRIVATE: 'git.corp.example,github.com/acme,*.corp.example', GONOSUMDB: 'github.com/acme/*' });
    assert.ok(!fs.some((f) => f.id === 'env.patternTooBroad'), JSON.stringify(fs));
    assert.equal(tooBroad('github.com/acme'), undefined);
  });

  it('env.lookalikeChar names each look-alike character and its position, and offers the ASCII value', () => {
    const gp = only(run({ GOPROXY: 'https://goproxy.cn，direct' }), 'env.lookalikeChar');
    assert.equal(gp.severity, 'error');
    assert.match(gp.detail, /a full-width comma \(，\) at character 19/);
    assert.equal(gp.fixes?.[0]?.command, 'go-env-doctor set-proxy --value https://goproxy.cn,direct');
    const priv = only(run({ GOPRIVATE: '\u200bgit.corp.example\u3000' }), 'env.lookalikeChar');
    assert.equal(priv.severity, 'warning');
    assert.match(
      priv.detail,
      /zero-width space \(U\+200B\) at character 1, an ideographic space \(U\+3000\) at character 18/,
    );
    assert.deepEqual(priv.fixes?.[0]?.action, { kind: 'setGoEnv', name: 'GOPRIVATE', value: 'git.corp.example' });
    const quoted = only(run({ GONOSUMDB: '“git.corp.example”' }), 'env.lookalikeChar');
    assert.match(quoted.detail, /curly quote/);
  });

  it('env.lookalikeChar is absent once the value is plain ASCII', () => {
    const fs = run({ GOPROXY: 'https://goproxy.cn,direct', GOPRIVATE: 'git.corp.example', GONOPROXY: '' });
    assert.ok(!fs.some((f) => f.id === 'env.lookalikeChar'));
  });
});
