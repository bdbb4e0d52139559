// diagnose --format, --only/--skip/--list-checks and the report command, as a real CLI process.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildCli, loopbackCliEnv, runCli } from '../../support/cli';
import { tempDir } from '../../support/fakeGo';
import { goproxyHandler, startHttpServer, type StartedServer } from '../../support/servers';

describe('go-env-doctor diagnose: formats and check subsets (CLI)', () => {
  let proxy: StartedServer;
  const hits = new Map<string, number>();
  let env: NodeJS.ProcessEnv;
  let mod: string;

  before(async () => {
    await buildCli();
    proxy = await startHttpServer(goproxyHandler({ hits }));
    env = await loopbackCliEnv(proxy.url, await tempDir('ged-home-'));
    mod = await tempDir('ged-mod-');
    await fs.writeFile(path.join(mod, 'go.mod'), 'module example.com/m\n\ngo 1.99\n');
  });
  after(() => proxy.close());
  beforeEach(() => hits.clear());

  it('--format github annotates the go.mod line (relative file) and then prints the summary', async () => {
    const r = await runCli(['--format', 'github', '--cwd', mod], { env, cwd: mod });
    assert.equal(r.code, 1);
    const [first] = r.stdout.split('\n');
    assert.match(first ?? '', /^::error file=go\.mod,line=3,title=.*\(gomod\.goTooNew\)::/);
    assert.doesNotMatch(first ?? '', /\n/);
    assert.match(r.stdout, /\[✗\]/, 'the human summary follows the annotations');
  });

  it('--format prometheus prints gauges with the finding ids', async () => {
    const r = await runCli(['--format', 'prometheus', '--cwd', mod], { env });
    assert.equal(r.code, 1, 'exit codes do not depend on the format');
    assert.match(r.stdout, /^# TYPE go_env_doctor_finding gauge$/m);
    assert.match(r.stdout, /^go_env_doctor_finding\{id="gomod\.goTooNew",severity="error",subject="[^"]*"\} 1$/m);
    assert.match(
      r.stdout,
      /^go_env_doctor_finding\{id="proxy\.ok",severity="ok",subject="http:\/\/127\.0\.0\.1:\d+"\} 1$/m,
    );
  });

  it('--format json equals --json; --format markdown equals the report command', async () => {
    const a = JSON.parse((await runCli(['--format', 'json'], { env })).stdout) as { findings: { id: string }[] };
    const b = JSON.parse((await runCli(['--json'], { env })).stdout) as { findings: { id: string }[] };
    assert.deepEqual(
      a.findings.map((f) => f.id),
      b.findings.map((f) => f.id),
    );
    const md = await runCli(['report'], { env });
    assert.match(md.stdout, /^# Go Env Doctor report$/m);
    assert.equal(md.code, 0);
  });

  it('--only go,env,gomod runs no probe at all; --skip removes a group', async () => {
    const only = JSON.parse((await runCli(['--json', '--only', 'go,env', '--only', 'gomod'], { env })).stdout) as {
      findings: { id: string }[];
    };
    assert.equal(
      [...hits.values()].reduce((a, b) => a + b, 0),
      0,
      `asked the proxy: ${[...hits.keys()].join(' ')}`,
    );
    assert.ok(
      only.findings.every((f) => /^(go|env|gomod)\./.test(f.id)),
      only.findings.map((f) => f.id).join(' '),
    );
    const skipped = JSON.parse((await runCli(['--json', '--skip', 'proxy'], { env })).stdout) as {
      findings: { id: string }[];
    };
    assert.ok(!skipped.findings.some((f) => f.id.startsWith('proxy.')));
    assert.ok(skipped.findings.some((f) => f.id.startsWith('sumdb.')));
  });

  it('exits 1 with an error, 0 without, 2 on a usage error, in every format', async function () {
    this.timeout(180_000);
    const clean = await tempDir('ged-clean-');
    for (const format of ['text', 'json', 'markdown', 'github', 'prometheus']) {
      const broken = await runCli(['--format', format, '--cwd', mod], { env });
      assert.equal(broken.code, 1, `${format} with gomod.goTooNew: ${broken.stderr}`);
      assert.match(broken.stdout, /gomod\.goTooNew/, format);
      const fine = await runCli(['--format', format, '--cwd', clean], { env });
      assert.equal(fine.code, 0, `${format} without errors: ${fine.stdout}${fine.stderr}`);
      assert.notEqual(fine.stdout, '', format);
      const usage = await runCli(['--format', format, '--timeout', 'soon'], { env });
      assert.equal(usage.code, 2, `${format} with a bad --timeout`);
      assert.equal(usage.stdout, '', 'a usage error prints nothing on stdout');
    }
  });

  it('--list-checks names every group; bad --format, --only and --json/--format clashes are usage errors', async () => {
    const list = await runCli(['--list-checks'], { env });
    assert.equal(list.code, 0);
    for (const g of ['go', 'env', 'gomod', 'proxy', 'sumdb', 'tls', 'clock', 'netproxy', 'modules', 'toolchain'])
      assert.match(list.stdout, new RegExp(`^${g} `, 'm'));
    for (const args of [
      ['--format', 'xml'],
      ['--only', 'dns'],
      ['--json', '--format', 'markdown'],
    ]) {
      const r = await runCli(args, { env });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
    }
  });
});
