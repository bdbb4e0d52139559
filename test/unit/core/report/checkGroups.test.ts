import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CHECK_GROUPS, filterFindings, needsNetwork, selectGroups } from '../../../../src/core/report/checkGroups';
import type { Finding } from '../../../../src/core/findings';
import { REPO_ROOT } from '../../../support/sourceFiles';

const f = (id: string): Finding => ({ id, severity: 'ok', title: id, detail: '' });

describe('check groups (--only / --skip)', () => {
  it('selects by --only, then removes --skip; unknown names are refused with the valid list', () => {
    assert.deepEqual([...selectGroups(['go', 'env'], [])].sort(), ['env', 'go']);
    assert.deepEqual([...selectGroups([], ['proxy', 'tls'])].length, CHECK_GROUPS.length - 2);
    assert.throws(() => selectGroups(['prxy'], []), /unknown check group "prxy" \(groups: go, env, gomod, proxy/);
  });

  it('needs the network only when a network group is selected', () => {
    assert.equal(needsNetwork(selectGroups(['go', 'env', 'gomod'], [])), false);
    assert.equal(needsNetwork(selectGroups(['go', 'sumdb'], [])), true);
    assert.equal(needsNetwork(selectGroups([], [])), true);
  });

  it('keeps the findings of selected groups, and ids that belong to no group', () => {
    const all = [
      'go.ok',
      'env.ok',
      'gowork.goTooOld',
      'proxy.ok',
      'direct.vcsMissing',
      'gosum.mismatch',
      'policy.goVersion',
    ].map(f);
    assert.deepEqual(
      filterFindings(all, selectGroups(['gomod', 'modules'], [])).map((x) => x.id),
      ['gowork.goTooOld', 'gosum.mismatch', 'policy.goVersion'],
    );
  });

  it('covers every finding id prefix documented in docs/findings.md', async () => {
    const doc = await fs.readFile(path.join(REPO_ROOT, 'docs', 'findings.md'), 'utf8');
    const prefixes = new Set([...doc.matchAll(/^\| `([a-z]+)\.[A-Za-z]+`/gm)].map((m) => m[1]!));
    const grouped = new Set(CHECK_GROUPS.flatMap((g) => g.prefixes));
    const missing = [...prefixes].filter((p) => !grouped.has(p) && p !== 'vscode' && p !== 'policy');
    assert.deepEqual(missing, []);
  });
});
