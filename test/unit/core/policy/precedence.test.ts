// The policy file against the user's own settings, through the real diagnosis (real go, mirrors on
// 127.0.0.1): a trusted policy's mirrors are probed together with goEnv.extraMirrors, each once;
// an untrusted workspace's policy adds no mirror and relaxes nothing, it can only add warnings.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { diagnose } from '../../../../src/core/diagnose';
import { SEVERITY_ORDER } from '../../../../src/core/findings';
import { judgeByPolicy, mirrorsToProbe } from '../../../../src/core/policy/judge';
import { loadPolicy } from '../../../../src/core/policy/load';
import type { Report } from '../../../../src/core/report/model';
import { tempDir } from '../../../support/fakeGo';
import { goproxyHandler, startHttpServer, type StartedServer } from '../../../support/servers';

const PROBE = '/golang.org/x/text/@latest';

describe('policy file and settings: precedence (real diagnosis)', function () {
  this.timeout(60_000);
  let proxy: StartedServer;
  let own: StartedServer;
  let team: StartedServer;
  const ownHits = new Map<string, number>();
  const teamHits = new Map<string, number>();
  let root: string;
  let home: string;

  before(async () => {
    proxy = await startHttpServer(goproxyHandler());
    own = await startHttpServer(goproxyHandler({ hits: ownHits }));
    team = await startHttpServer(goproxyHandler({ hits: teamHits }));
    home = await tempDir('ged-home-');
    root = await tempDir('ged-repo-');
    await fs.mkdir(path.join(root, '.git'));
    // The real go is 1.19: go.mod's go 1.99 is gomod.goTooNew (an error) and breaks go.min.
    await fs.writeFile(path.join(root, 'go.mod'), 'module example.com/m\n\ngo 1.99\n');
    const policy = {
      version: 1,
      go: { min: '1.99' },
      // The user's mirror again (with a slash): probed once all the same.
      mirrors: [team.url, `${own.url}/`],
      accept: [{ id: 'gomod.goTooNew', reason: 'CI installs the toolchain first' }],
    };
    await fs.writeFile(path.join(root, '.go-env-doctor.json'), JSON.stringify(policy, null, 2));
  });
  after(() => Promise.all([proxy.close(), own.close(), team.close()]));
  beforeEach(() => {
    ownHits.clear();
    teamHits.clear();
  });

  async function run(trusted: boolean): Promise<{ before: Report; after: Report }> {
    const load = await loadPolicy(root);
    assert.equal(load.kind, 'loaded');
    const before = await diagnose({
      cwd: root,
      platform: {
        env: { PATH: '/usr/bin:/bin', HOME: home, GOENV: path.join(home, 'goenv'), GOPROXY: proxy.url, GOSUMDB: 'off' },
        homeDir: home,
        os: 'linux',
        arch: 'x64',
        now: () => Date.now(),
      },
      timeoutMs: 5000,
      extraMirrors: mirrorsToProbe([own.url], load, trusted),
    });
    return { before, after: judgeByPolicy(before, load, trusted) };
  }

  it("trusted: the policy's mirrors join the user's, each probed once; its accept and its errors apply", async () => {
    const { after } = await run(true);
    assert.equal(ownHits.get(PROBE), 1);
    assert.equal(teamHits.get(PROBE), 1);
    const probed = after.findings.filter((f) => f.id === 'proxy.ok').map((f) => f.subject);
    for (const m of [own.url, team.url])
      assert.ok(
        probed.some((s) => s?.startsWith(m)),
        `${m} in ${probed.join()}`,
      );
    const accepted = after.findings.find((f) => f.id === 'gomod.goTooNew')!;
    assert.equal(accepted.severity, 'info');
    assert.match(accepted.detail, /Accepted by .*: CI installs the toolchain first/);
    assert.equal(after.findings.find((f) => f.id === 'policy.goVersion')?.severity, 'error');
  });

  it('untrusted: only the user’s mirror is probed, nothing is relaxed, and the policy only warns', async () => {
    const { before, after } = await run(false);
    assert.equal(ownHits.get(PROBE), 1);
    assert.equal(teamHits.get(PROBE), undefined, 'a mirror the repository names is not contacted');
    for (const f of before.findings) {
      const judged = after.findings.find((x) => x.id === f.id && x.subject === f.subject)!;
      assert.ok(SEVERITY_ORDER[judged.severity] >= SEVERITY_ORDER[f.severity], `${f.id} was relaxed`);
      assert.doesNotMatch(judged.detail, /Accepted by/);
    }
    assert.equal(after.findings.find((f) => f.id === 'gomod.goTooNew')?.severity, 'error');
    const added = after.findings.filter((f) => f.id.startsWith('policy.'));
    assert.deepEqual(
      added.map((f) => [f.id, f.severity]),
      [['policy.goVersion', 'warning']],
    );
  });
});
