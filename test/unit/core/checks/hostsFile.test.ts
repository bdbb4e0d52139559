// dns.hostsFile: a Go host pinned in the hosts file (a fixture file through Platform.hostsFile).
import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runNetworkChecks } from '../../../../src/core/checks/networkChecks';
import { ids, only, serverPool } from '../../../support/findingAsserts';
import { removeNetTestFiles, testEnv, testPlatform } from '../../../support/netEnv';
import { goproxyHandler, refusedPort, startHttpServer } from '../../../support/servers';

after(removeNetTestFiles);

describe('checks: Go hosts pinned in the hosts file', () => {
  const keep = serverPool();
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ged-hosts-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const run = async (goproxy: string, hosts: string) => {
    const hostsFile = path.join(dir, `hosts-${Math.random().toString(36).slice(2)}`);
    await writeFile(hostsFile, hosts);
    const lookup = async (): Promise<string[]> => ['127.0.0.1'];
    const platform = { ...testPlatform(await testEnv()), lookup, hostsFile };
    return { hostsFile, findings: await runNetworkChecks({ goproxy, gosumdb: 'off', platform, timeoutMs: 3000 }) };
  };
  const HOSTS = '127.0.0.1 localhost\n# pinned during an outage\n127.0.0.1   goproxy.corp.test  # mirror\n';

  it('info with file and line when the pinned host works', async () => {
    const s = keep(await startHttpServer(goproxyHandler()));
    const { hostsFile, findings } = await run(`http://goproxy.corp.test:${s.port}`, HOSTS);
    const f = only(findings, 'dns.hostsFile');
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.location, { file: hostsFile, line: 3 });
    assert.match(f.detail, new RegExp(`line 3 maps goproxy\\.corp\\.test to 127\\.0\\.0\\.1`));
  });

  it('warning when the pinned host then fails; public Go hosts count even when not probed', async () => {
    const port = await refusedPort();
    const { findings } = await run(`http://goproxy.corp.test:${port}`, `${HOSTS}10.1.2.3 go.dev\n`);
    const fs = findings.filter((f) => f.id === 'dns.hostsFile');
    assert.deepEqual(
      fs.map((f) => [f.subject, f.severity]),
      [
        ['goproxy.corp.test', 'warning'],
        ['go.dev', 'info'],
      ],
    );
    assert.match(fs[0]!.detail, /remove it \(the doctor never edits this file\)/);
  });

  it('absent when the hosts file pins no Go host (localhost is not one)', async () => {
    const s = keep(await startHttpServer(goproxyHandler()));
    const { findings } = await run(`http://goproxy.corp.test:${s.port}`, '127.0.0.1 localhost\n::1 localhost\n');
    assert.ok(!ids(findings).includes('dns.hostsFile'));
    const viaLocalhost = await run(`http://localhost:${s.port}`, HOSTS);
    assert.ok(!ids(viaLocalhost.findings).includes('dns.hostsFile'));
  });
});
