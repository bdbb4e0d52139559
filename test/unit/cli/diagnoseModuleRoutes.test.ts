// The module-route checks in a whole diagnosis, as the CLI prints them: a private module's require
// line in go.mod, and its fix, from a local mirror and checksum database.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildCli, runCli } from '../../support/cli';
import { tempDir } from '../../support/fakeGo';
import { pkg } from '../../support/goProject';
import { startModuleWorld, type ModuleWorld } from '../../support/moduleWorld';
import { refusedPort } from '../../support/servers';

interface Doc {
  findings: {
    id: string;
    severity: string;
    location?: { file: string; line: number };
    fixes?: { command: string }[];
  }[];
}

describe('go-env-doctor diagnose: where go fetches each required module', function () {
  this.timeout(90_000);
  let world: ModuleWorld;
  let home: string;
  before(async () => {
    await buildCli();
    world = await startModuleWorld([pkg('example.test/a', 'v1.0.0')]);
    home = await tempDir('ged-cli-routes-');
    await fs.writeFile(
      path.join(home, 'go.mod'),
      'module example.test/app\n\ngo 1.19\n\nrequire (\n\texample.test/a v1.0.0\n\tgit.corp.test/team/lib v1.2.0\n)\n',
    );
  });
  after(async () => {
    await world?.close();
    await fs.rm(home, { recursive: true, force: true });
  });

  const diagnose = async (extra: NodeJS.ProcessEnv): Promise<Doc> => {
    const env: NodeJS.ProcessEnv = {
      PATH: '/usr/bin:/bin',
      HOME: home,
      GOENV: path.join(home, 'goenv'),
      GOPROXY: world.url,
      GOSUMDB: world.gosumdb,
      GOFLAGS: '',
      GOTOOLCHAIN: 'local',
      ...extra,
    };
    const r = await runCli(['--json', '--timeout', '5000'], { env, cwd: home });
    return JSON.parse(r.stdout) as Doc;
  };

  it('reports gomod.privateModule on the require line with the GOPRIVATE fix, and not once GOPRIVATE covers it', async () => {
    const doc = await diagnose({});
    const f = doc.findings.find((x) => x.id === 'gomod.privateModule');
    assert.ok(f, JSON.stringify(doc.findings.map((x) => x.id)));
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.location, { file: path.join(home, 'go.mod'), line: 7 });
    assert.equal(f.fixes?.[0]?.command, 'go env -w GOPRIVATE=git.corp.test');
    // GOPRIVATE without direct in GOPROXY: go never asks the proxy or the database for it.
    // Its origin is then asked, through a proxy that refuses: no name leaves the machine.
    const noRoute = `http://127.0.0.1:${await refusedPort()}`;
    const fixed = await diagnose({ GOPRIVATE: 'git.corp.test', HTTPS_PROXY: noRoute });
    assert.ok(
      fixed.findings.some((x) => x.id === 'direct.unreachable'),
      'the origin must answer now',
    );
    assert.ok(!fixed.findings.some((x) => x.id === 'gomod.privateModule'));
  });
});
