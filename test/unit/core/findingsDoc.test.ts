// The --json contract: every finding id the checks can produce is documented in docs/findings.md.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, tsFiles } from '../../support/sourceFiles';

describe('docs/findings.md', () => {
  it('documents every finding id the diagnosis can produce, including the contract minimum', async () => {
    const doc = await fs.readFile(path.join(REPO_ROOT, 'docs', 'findings.md'), 'utf8');
    const ids = new Set<string>([
      'go.notFound',
      'go.failed',
      'go.timeout',
      'env.overridden',
      'env.proxyOff',
      'env.proxyInvalid',
      'env.sumdbOff',
      'env.insecure',
      'proxy.ok',
      'proxy.dns',
      'proxy.refused',
      'proxy.timeout',
      'proxy.httpStatus',
      'proxy.badResponse',
      'proxy.slow',
      'sumdb.ok',
      'sumdb.unreachable',
      'tls.expired',
      'tls.notYetValid',
      'tls.untrusted',
      'tls.hostnameMismatch',
      'clock.skew',
      'netproxy.unreachable',
      'gomod.goTooNew',
    ]);
    for (const dir of ['checks', 'go', 'gomod', 'policy']) {
      for (const f of await tsFiles(path.join(REPO_ROOT, 'src', 'core', dir))) {
        for (const m of (await fs.readFile(f, 'utf8')).matchAll(/\bid: '([a-z]+\.[a-zA-Z]+)'/g)) ids.add(m[1]!);
      }
    }
    assert.ok(ids.size > 30);
    const missing = [...ids].filter((id) => !doc.includes(`\`${id}\``));
    assert.deepEqual(missing, []);
  });
});
