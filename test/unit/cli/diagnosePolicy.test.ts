// The repository policy through the CLI: found from the working directory, its mirrors probed, its
// violations and its broken syntax reported at their lines, with the real go.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildCli, loopbackCliEnv, runCli } from '../../support/cli';
import { tempDir } from '../../support/fakeGo';
import { goproxyHandler, startHttpServer, type StartedServer } from '../../support/servers';

interface Doc {
  findings: { id: string; severity: string; detail: string; location?: { file: string; line: number } }[];
}

describe('go-env-doctor diagnose with .go-env-doctor.json (CLI, real go)', () => {
  let proxy: StartedServer;
  let mirror: StartedServer;
  const mirrorHits = new Map<string, number>();
  let env: NodeJS.ProcessEnv;

  before(async () => {
    await buildCli();
    proxy = await startHttpServer(goproxyHandler());
    mirror = await startHttpServer(goproxyHandler({ hits: mirrorHits }));
    env = await loopbackCliEnv(proxy.url, await tempDir('ged-home-'));
  });
  after(() => Promise.all([proxy.close(), mirror.close()]));

  async function repo(policy: string): Promise<string> {
    const root = await tempDir('ged-repo-');
    await fs.mkdir(path.join(root, '.git'));
    await fs.mkdir(path.join(root, 'cmd'));
    await fs.writeFile(path.join(root, 'go.mod'), 'module example.com/m\n\ngo 1.19\n');
    await fs.writeFile(path.join(root, '.go-env-doctor.json'), policy);
    return root;
  }

  it('reports a Go older than the policy at the rule line, probes its mirrors, and exits 1', async () => {
    const root = await repo(`{\n  "version": 1,\n  "go": { "min": "1.99" },\n  "mirrors": ["${mirror.url}"]\n}\n`);
    const r = await runCli(['--json', '--cwd', path.join(root, 'cmd')], { env });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const doc = JSON.parse(r.stdout) as Doc;
    const v = doc.findings.find((f) => f.id === 'policy.goVersion');
    assert.ok(v, doc.findings.map((f) => f.id).join(' '));
    assert.equal(v.severity, 'error');
    assert.deepEqual(v.location, { file: path.join(root, '.go-env-doctor.json'), line: 3 });
    assert.match(v.detail, /at least go1\.99\.0; this machine runs go1\.19/);
    assert.ok((mirrorHits.get('/golang.org/x/text/@latest') ?? 0) > 0, 'the policy mirror was probed');
  });

  it('accepts a problem with the team reason, and an environment that follows the policy is clean', async () => {
    const root = await repo('{"version": 1, "go": {"min": "1.19"}, "accept": [{"id": "gomod.ok", "reason": "n/a"}]}');
    const doc = JSON.parse((await runCli(['--json', '--cwd', root], { env })).stdout) as Doc;
    assert.ok(!doc.findings.some((f) => f.id.startsWith('policy.')), doc.findings.map((f) => f.id).join(' '));
  });

  it('reports a broken policy file as policy.invalid at the line, and applies none of it', async () => {
    const root = await repo('{\n  "version": 1,\n  "goproxy": { "include": "https://goproxy.cn" }\n}\n');
    const r = await runCli(['--json', '--cwd', root], { env });
    assert.equal(r.code, 1);
    const f = (JSON.parse(r.stdout) as Doc).findings.find((x) => x.id === 'policy.invalid');
    assert.equal(f?.location?.line, 3);
    assert.match(f?.detail ?? '', /goproxy\.include must be a list of strings/);
  });
});
