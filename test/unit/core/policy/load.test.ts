// Finding and validating .go-env-doctor.json: errors name the key and the line it is on.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findPolicyFile, loadPolicy } from '../../../../src/core/policy/load';
import { tempDir } from '../../../support/fakeGo';
import { REPO_ROOT } from '../../../support/sourceFiles';

async function repoWith(policy: string | undefined): Promise<string> {
  const root = await tempDir('ged-policy-');
  await fs.mkdir(path.join(root, '.git'));
  await fs.mkdir(path.join(root, 'svc', 'api'), { recursive: true });
  if (policy !== undefined) await fs.writeFile(path.join(root, '.go-env-doctor.json'), policy);
  return root;
}

const invalidDetail = async (text: string): Promise<{ line: number; detail: string }> => {
  const root = await repoWith(text);
  const r = await loadPolicy(root);
  assert.equal(r.kind, 'invalid');
  if (r.kind !== 'invalid') throw new Error('unreachable');
  assert.equal(r.finding.id, 'policy.invalid');
  assert.equal(r.finding.severity, 'error');
  return { line: r.finding.location!.line, detail: r.finding.detail };
};

describe('policy file: finding and validation', () => {
  it('is found from a subdirectory up to the repository root, and not above it', async () => {
    const root = await repoWith('{"version": 1}');
    assert.equal(await findPolicyFile(path.join(root, 'svc', 'api')), path.join(root, '.go-env-doctor.json'));
    const inner = path.join(root, 'svc', 'api');
    await fs.mkdir(path.join(inner, '.git'));
    assert.equal(await findPolicyFile(inner), undefined, 'a nested repository does not inherit its parent');
    assert.equal((await loadPolicy(path.join(await repoWith(undefined), 'svc'))).kind, 'none');
  });

  it('loads a valid policy with the line of every value', async () => {
    const root = await repoWith('{\n  "version": 1,\n  "goproxy": {\n    "include": ["https://goproxy.cn"]\n  }\n}\n');
    const r = await loadPolicy(root);
    assert.equal(r.kind, 'loaded');
    if (r.kind !== 'loaded') return;
    assert.deepEqual(r.policy.goproxy, { include: ['https://goproxy.cn'] });
    assert.equal(r.lines.get('goproxy.include.0'), 4);
    assert.equal(r.lines.get('version'), 2);
  });

  it('names syntax errors with their line', async () => {
    const { line, detail } = await invalidDetail('{\n  "version": 1,\n  "go": {"min": "1.22",}\n}\n');
    assert.equal(line, 3);
    assert.match(detail, /not valid JSON/);
  });

  it('names unknown keys, wrong types, bad versions, accepts without a reason, and a missing version', async () => {
    const text = [
      '{',
      '  "version": 2,',
      '  "goproxi": {},',
      '  "go": { "min": "one.two" },',
      '  "mirrors": "https://m.example",',
      '  "accept": [{ "id": "proxy.slow" }],',
      '  "gosumdb": { "notOff": "yes" }',
      '}',
    ].join('\n');
    const { line, detail } = await invalidDetail(text);
    assert.equal(line, 2, 'the first problem is the version');
    for (const want of [
      /line 2: version "version": 1 is required/,
      /line 3: goproxi unknown key "goproxi"/,
      /line 4: go\.min "one\.two" is not a Go version/,
      /line 5: mirrors must be a list of strings/,
      /line 6: accept\.0 needs a "reason"/,
      /line 7: gosumdb\.notOff must be true or false/,
    ])
      assert.match(detail, want);
  });

  it('agrees with the JSON schema the editor uses: the same keys at every level', async () => {
    const schema = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'schemas', 'go-env-doctor.schema.json'), 'utf8'));
    const keys = (o: { properties?: Record<string, unknown> }): string[] => Object.keys(o.properties ?? {}).sort();
    assert.deepEqual(keys(schema), [
      'accept',
      'go',
      'goflags',
      'goprivate',
      'goproxy',
      'gosumdb',
      'gotoolchain',
      'mirrors',
      'promote',
      'version',
    ]);
    // Every key the schema allows is accepted by the validator, and one it does not know is refused.
    const full = {
      version: 1,
      go: { min: '1.21', exact: 'go1.22.5' },
      goproxy: { include: ['https://a.example'], exclude: ['https://b.example'] },
      goprivate: { cover: ['corp.example.com'] },
      gosumdb: { notOff: true },
      goflags: { forbid: ['-insecure'] },
      gotoolchain: { require: 'local' },
      mirrors: ['https://m.example'],
      promote: ['proxy.slow'],
      accept: [{ id: 'env.overridden', reason: 'CI sets GOPROXY' }],
    };
    for (const [k, v] of Object.entries(full))
      if (typeof v === 'object' && !Array.isArray(v))
        assert.deepEqual(keys(schema.properties[k]), Object.keys(v).sort(), k);
    assert.equal((await loadPolicy(await repoWith(JSON.stringify(full)))).kind, 'loaded');
    assert.equal((await loadPolicy(await repoWith(JSON.stringify({ ...full, go: { max: '1.30' } })))).kind, 'invalid');
  });
});
