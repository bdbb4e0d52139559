import * as assert from 'node:assert/strict';
import { selfInvocation, withInvocation } from '../../../src/cli/invocation';
import type { Report } from '../../../src/core/report/model';

describe('cli/invocation (printed fixes run as the CLI was started)', () => {
  it('keeps go-env-doctor when started by that name (npm install -g puts it on PATH)', () => {
    assert.equal(selfInvocation('/usr/local/bin/go-env-doctor'), 'go-env-doctor');
    assert.equal(selfInvocation('C:\\npm\\go-env-doctor.cmd'), 'go-env-doctor');
  });

  it('spells node and the absolute script path when started as node dist/cli.js, quoted when needed', () => {
    assert.equal(selfInvocation('/home/u/src/go-env-doctor/dist/cli.js'), 'node /home/u/src/go-env-doctor/dist/cli.js');
    assert.equal(selfInvocation('/home/u/my src/dist/cli.js'), 'node "/home/u/my src/dist/cli.js"');
    const report = {
      findings: [
        {
          id: 'env.proxyOff',
          severity: 'warning',
          title: 't',
          detail: 'd',
          fixes: [
            { command: 'go-env-doctor set-proxy --auto', title: 'a' },
            { command: 'go env -w GOPROXY=https://proxy.golang.org,direct', title: 'b' },
          ],
        },
      ],
    } as unknown as Report;
    const out = withInvocation(report, 'node /x/dist/cli.js');
    assert.deepEqual(
      out.findings[0]!.fixes!.map((f) => f.command),
      ['node /x/dist/cli.js set-proxy --auto', 'go env -w GOPROXY=https://proxy.golang.org,direct'],
    );
  });
});
