// A filtered network: the configured GOPROXY refuses, a candidate mirror serves the right bytes.
// The report opens with the verdict and the verified `go env -w GOPROXY=…`; run as printed, the
// real go then uses that value, and the diagnosis no longer finds the proxy refused.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { buildCli, runCli } from '../../support/cli';
import { tempDir } from '../../support/fakeGo';
import { RSC_QUOTE, startMirror, type Mirror } from '../../support/mirrors';
import { refusedPort } from '../../support/servers';

const run = promisify(execFile);
/** What the reachability probe asks every GOPROXY entry for. */
const X_TEXT = { path: 'golang.org/x/text', version: 'v0.21.0', mod: 'module golang.org/x/text\n' };

describe('go-env-doctor: the next step for a filtered network (CLI)', function () {
  this.timeout(120_000);
  let mirror: Mirror;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    await buildCli();
    mirror = await startMirror({ modules: [RSC_QUOTE, X_TEXT] });
    const home = await tempDir('ged-home-');
    const refused = `http://127.0.0.1:${await refusedPort()}`;
    // GOPROXY in the go env file (as `go env -w` leaves it), so that the next step can change it.
    env = {
      PATH: '/usr/bin:/bin',
      HOME: home,
      GOENV: path.join(home, 'goenv'),
      GOSUMDB: `sum.golang.org http://127.0.0.1:${await refusedPort()}`,
      GOFLAGS: '',
    };
    await run('go', ['env', '-w', `GOPROXY=${refused}`], { env });
  });
  after(() => mirror?.close());

  it('opens with the verdict and the verified go env -w command, which the real go then follows', async () => {
    const value = `${mirror.url},direct`;
    const args = ['--only', 'proxy', '--candidate', mirror.url];
    const zh = await runCli([...args, '--lang', 'zh-CN'], { env });
    assert.equal(zh.code, 1, zh.stderr);
    const zhLines = zh.stdout.split('\n');
    assert.match(zhLines[0]!, /^\[✗\] 有 \d+ 个问题需要修复/);
    assert.ok(
      zhLines.some((l) => /^ {4}下一步：/.test(l)),
      zh.stdout,
    );
    const r = await runCli(args, { env });
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^\[✗\] (One problem|\d+ problems) to fix/);
    const command = `go env -w GOPROXY=${value}`;
    assert.equal(
      lines.find((l) => l.startsWith('      go ')),
      `      ${command}`,
      r.stdout,
    );
    assert.ok(zhLines.includes(`      ${command}`), 'the same command in either language');

    await run('sh', ['-c', command], { env });
    assert.equal((await run('go', ['env', 'GOPROXY'], { env })).stdout.trim(), value);
    const after = await runCli(['--json', '--only', 'proxy'], { env });
    const ids = (JSON.parse(after.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id);
    assert.ok(!ids.includes('proxy.refused'), ids.join(' '));
  });
});
