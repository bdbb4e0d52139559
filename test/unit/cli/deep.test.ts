// `diagnose --deep` from the command line: the go referee's findings in the JSON document.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../../src/core/findings';
import { buildCli, runCli } from '../../support/cli';
import { tempDir } from '../../support/fakeGo';
import { refusedPort } from '../../support/servers';

describe('go-env-doctor diagnose --deep (CLI)', function () {
  this.timeout(60_000);
  let work: string;
  before(buildCli);
  beforeEach(async () => {
    work = await tempDir('ged-deep-');
  });
  afterEach(async () => fs.rm(work, { recursive: true, force: true }));

  it('quotes go where it fails and agrees with our proxy.refused', async () => {
    const dead = `http://127.0.0.1:${await refusedPort()}`;
    const env = {
      PATH: '/usr/bin:/bin',
      HOME: work,
      GOENV: path.join(work, 'goenv'),
      GOPROXY: dead,
      GOSUMDB: `sum.golang.org ${dead}`,
      GOFLAGS: '',
    };
    const r = await runCli(['--json', '--deep', '--cwd', work], { env });
    const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
    const failed = findings.find((f) => f.id === 'referee.failed' && f.subject === 'rsc.io/quote@v1.5.2');
    assert.match(failed?.detail ?? '', /connection refused/, JSON.stringify(findings.map((f) => f.id)));
    assert.ok(findings.some((f) => f.id === 'proxy.refused'));
    assert.ok(!findings.some((f) => f.id === 'referee.disagrees'));
    assert.equal(r.code, 1);
  });

  it('--allow-toolchain-download needs --deep', async () => {
    const r = await runCli(['--allow-toolchain-download'], { env: { PATH: '/usr/bin:/bin', HOME: work } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--allow-toolchain-download only applies with --deep/);
  });
});
