// Fix constructors: the command line comes from the action, GOPROXY fixes go through the
// proxy-change code with its history, and credentials and shell syntax in values stay inert.
import * as assert from 'node:assert/strict';
import { parseGoproxy } from '../../../../src/core/go/goproxy';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { envFindings } from '../../../../src/core/checks/envCheck';
import { proxyValueOf, setGoEnvFix, setProxyFix, unsetGoEnvFix } from '../../../../src/core/checks/fixes';
import { redactFinding, type Fix, type FixAction } from '../../../../src/core/findings';
import type { Platform } from '../../../../src/core/platform';
import { applyProxyChange, planProxyChange, restoreProxy } from '../../../../src/core/proxyRewrite';
import type { EnvEntry } from '../../../../src/core/report/model';
import { runProxyCheck } from '../../../../src/core/checks/proxyCheck';
import { tempDir } from '../../../support/fakeGo';
import { serverPool } from '../../../support/findingAsserts';
import { testNet } from '../../../support/netEnv';
import { goproxyHandler, refusedPort, startHttpServer } from '../../../support/servers';

const GO = '/usr/bin/go';
const run = promisify(execFile);

function env(values: Record<string, string>): Record<string, EnvEntry> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, source: 'goenv' as const }]));
}

/** Runs `fix.command` in sh with `go` as a script that prints its arguments: what the terminal would pass. */
async function argvInSh(fix: Fix, dir: string): Promise<string[]> {
  await fs.writeFile(path.join(dir, 'go'), '#!/bin/sh\nprintf "%s\\0" "$@"\n', { mode: 0o755 });
  const { stdout } = await run('/bin/sh', ['-c', fix.command], { cwd: dir, env: { PATH: `${dir}:/usr/bin:/bin` } });
  return stdout.split('\0').slice(0, -1);
}

describe('checks/fixes', function () {
  this.timeout(20000);
  const cleanup: string[] = [];
  const keep = serverPool();
  /** A temp HOME with a go env file holding `text`; nothing in it reaches the network. */
  const goEnvSandbox = async (text: string): Promise<{ envFile: string; platform: Platform }> => {
    const home = await tempDir('ged-fixcred-');
    cleanup.push(home);
    const envFile = path.join(home, 'goenv');
    await fs.writeFile(envFile, text);
    const env = { PATH: '/usr/bin:/bin', HOME: home, GOENV: envFile, GOFLAGS: '', GOSUMDB: 'off' };
    return { envFile, platform: { env, homeDir: home, os: process.platform, arch: process.arch, now: Date.now } };
  };
  afterEach(async () => {
    for (const d of cleanup.splice(0)) await fs.rm(d, { recursive: true, force: true });
  });

  it('derives the command line from the action', () => {
    assert.deepEqual(setGoEnvFix('GOSUMDB', 'sum.golang.google.cn', 't'), {
      command: 'go env -w GOSUMDB=sum.golang.google.cn',
      title: 't',
      action: { kind: 'setGoEnv', name: 'GOSUMDB', value: 'sum.golang.google.cn' },
    });
    assert.deepEqual(unsetGoEnvFix('GOINSECURE', 't'), {
      command: 'go env -u GOINSECURE',
      title: 't',
      action: { kind: 'unsetGoEnv', name: 'GOINSECURE' },
    });
    assert.equal(setGoEnvFix('GOPROXY', 'https://goproxy.cn,direct', 't').action?.kind, 'setProxy');
  });

  it('"Remove -insecure from GOFLAGS" is an action, and its command line runs nothing in the value', async () => {
    const dir = await tempDir('ged-goflags-');
    cleanup.push(dir);
    const goflags = `-insecure -ldflags=$(touch pwned) -gcflags=\`touch pwned2\` -tags='a b'`;
    const f = envFindings({ env: env({ GOPROXY: 'https://proxy.golang.org,direct', GOFLAGS: goflags }), os: {} });
    const fix = f.find((x) => x.id === 'env.insecure')!.fixes![0]!;
    const kept = `-ldflags=$(touch pwned) -gcflags=\`touch pwned2\` -tags='a b'`;
    assert.deepEqual(fix.action, { kind: 'setGoEnv', name: 'GOFLAGS', value: kept });
    assert.deepEqual(await argvInSh(fix, dir), ['env', '-w', `GOFLAGS=${kept}`]);
    assert.deepEqual(await fs.readdir(dir), ['go']);
  });

  it('a GOPROXY fix with credentials writes the real value, through the history, and restore-proxy undoes it', async () => {
    const real = 'https://user:s3cret@mirror.corp.example/go,direct';
    const fix = redactFinding({
      id: 'x',
      severity: 'error',
      title: 't',
      detail: 'd',
      fixes: [setProxyFix(real, 'Use it')],
    }).fixes![0]!;
    // Nothing that is shown or serialized holds the password.
    assert.doesNotMatch(JSON.stringify(fix), /s3cret/);
    assert.equal(fix.command, `go-env-doctor set-proxy --value 'https://***@mirror.corp.example/go,direct'`);
    assert.equal(fix.action?.kind, 'setProxy');
    const value = proxyValueOf(fix.action as Extract<FixAction, { kind: 'setProxy' }>);
    assert.equal(value, real);

    const { envFile, platform } = await goEnvSandbox('GOPROXY=https://old.example.com,direct\n');
    const plan = await planProxyChange({ platform, goPath: GO, mode: { kind: 'value', value } });
    await applyProxyChange(plan, { platform });
    assert.equal(await fs.readFile(envFile, 'utf8'), `GOPROXY=${real}\n`);
    const r = await restoreProxy({ platform, goPath: GO });
    assert.ok(r.restored, JSON.stringify(r));
    assert.equal(await fs.readFile(envFile, 'utf8'), 'GOPROXY=https://old.example.com,direct\n');
  });

  it('the proxy check offers a GOPROXY holding credentials as an action with the real value', async () => {
    const good = keep(await startHttpServer(goproxyHandler())).url.replace('http://', 'http://user:s3cret@');
    const goproxy = `${good},http://127.0.0.1:${await refusedPort()}`;
    const { findings } = await runProxyCheck({
      goproxy: parseGoproxy(goproxy),
      extraMirrors: [],
      net: await testNet(),
    });
    const fix = findings
      .map(redactFinding)
      .flatMap((f) => f.fixes ?? [])
      .find((x) => x.title === 'Remove this entry so downloads do not wait for it')!;
    assert.doesNotMatch(JSON.stringify(fix), /s3cret/);
    assert.equal(fix.action?.kind, 'setProxy', JSON.stringify(fix));
    assert.equal(proxyValueOf(fix.action as Extract<FixAction, { kind: 'setProxy' }>), good);
  });

  it('a redacted GOPROXY (*** in place of credentials) is refused, never written', async () => {
    const { platform } = await goEnvSandbox('GOPROXY=https://user:s3cret@mirror.corp.example,direct\n');
    await assert.rejects(
      planProxyChange({ platform, goPath: GO, mode: { kind: 'value', value: 'https://***@mirror.corp.example' } }),
      /credentials were hidden/,
    );
  });
});
