// set-proxy --value / restore-proxy through the real go (Debian's go1.19) against a GOENV file in a
// temp dir: what survives byte for byte, what is saved and restored, the OS-environment override.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../../../support/fakeGo';
import { runProxyCli } from '../../../support/mirrors';
import {
  applyProxyChange,
  planProxyChange,
  restoreProxy,
  validateGoproxyValue,
} from '../../../../src/core/proxyRewrite';
import { historyFile } from '../../../../src/core/proxyRewrite/history';
import type { Platform } from '../../../../src/core/platform';

const GO = '/usr/bin/go';

/**
 * A go env file as go itself keeps one (each run of KEY=VALUE lines sorted, no duplicates, final
 * newline), with comments, blank lines and lines go ignores. Go 1.19's `go env -w` rewrites a file
 * by sorting each run of KEY=VALUE lines, dropping earlier duplicates and adding a final newline,
 * so only such a file can survive byte for byte; see the "hand-edited" test for the rest.
 */
const WITH_PROXY = [
  '# Go settings, written by hand',
  'GOFLAGS=-mod=mod',
  'GOPRIVATE=corp.example.com/*',
  '',
  '# an odd line without an equals sign follows',
  '  just some words',
  'GONOSUMDB=corp.example.com',
  'GOPROXY=https://old.example.com,direct',
  'GOSUMDB=off',
  '',
  'Z=last',
  'lowercase=not a go setting',
  'été = a unicode line',
  '',
].join('\n');
const WITHOUT_PROXY = WITH_PROXY.replace('GOPROXY=https://old.example.com,direct\n', '');

interface Sandbox {
  home: string;
  envFile: string;
  env: NodeJS.ProcessEnv;
  platform: Platform;
}

async function sandbox(fileText: string | undefined, extraEnv: NodeJS.ProcessEnv = {}): Promise<Sandbox> {
  const home = await tempDir('ged-proxyset-');
  const envFile = path.join(home, 'goenv');
  if (fileText !== undefined) await fs.writeFile(envFile, fileText);
  // No GOPROXY in the OS environment unless a test puts it there; nothing here reaches the network.
  const env: NodeJS.ProcessEnv = {
    PATH: '/usr/bin:/bin',
    HOME: home,
    GOENV: envFile,
    GOFLAGS: '',
    GOSUMDB: 'off',
    ...extraEnv,
  };
  return {
    home,
    envFile,
    env,
    platform: { env, homeDir: home, os: process.platform, arch: process.arch, now: () => Date.now() },
  };
}

const read = (f: string) => fs.readFile(f, 'utf8');
const dropGoproxyLines = (t: string) =>
  t
    .split('\n')
    .filter((l) => !l.startsWith('GOPROXY='))
    .join('\n');

describe('proxyset: writing GOPROXY through go env -w (real go, temp GOENV)', function () {
  this.timeout(20000);
  const cleanup: string[] = [];
  afterEach(async () => {
    for (const d of cleanup.splice(0)) await fs.rm(d, { recursive: true, force: true });
  });

  it('replaces only the GOPROXY line, and restore-proxy brings the file back byte for byte', async () => {
    const s = await sandbox(WITH_PROXY);
    cleanup.push(s.home);
    const set = await runProxyCli('set-proxy', ['--value', 'https://mirror.example.com,direct', '--json'], {
      env: s.env,
    });
    assert.equal(set.code, 0, set.stderr + set.stdout);
    const doc = JSON.parse(set.stdout);
    assert.equal(doc.ok, true);
    assert.equal(doc.written, true);
    assert.equal(doc.previous, 'https://old.example.com,direct');
    assert.equal(doc.value, 'https://mirror.example.com,direct');
    assert.equal(doc.effective, 'https://mirror.example.com,direct');
    assert.equal(doc.overriddenByEnvironment, false);
    assert.equal(
      await read(s.envFile),
      WITH_PROXY.replace('GOPROXY=https://old.example.com,direct', 'GOPROXY=https://mirror.example.com,direct'),
    );

    const restore = await runProxyCli('restore-proxy', ['--json'], { env: s.env });
    assert.equal(restore.code, 0, restore.stderr + restore.stdout);
    const r = JSON.parse(restore.stdout);
    assert.deepEqual(
      { ok: r.ok, restored: r.restored, previous: r.previous, value: r.value, changedSince: r.changedSince },
      {
        ok: true,
        restored: true,
        previous: 'https://mirror.example.com,direct',
        value: 'https://old.example.com,direct',
        changedSince: false,
      },
    );
    assert.equal(await read(s.envFile), WITH_PROXY);
  });

  it('when GOPROXY was not in the file: only a GOPROXY line is added, and restore unsets it (go env -u)', async () => {
    const s = await sandbox(WITHOUT_PROXY);
    cleanup.push(s.home);
    const set = await runProxyCli('set-proxy', ['--value', 'https://mirror.example.com|direct'], { env: s.env });
    assert.equal(set.code, 0, set.stderr + set.stdout);
    assert.match(set.stdout, /before: not set in the file \(go uses https:\/\/proxy\.golang\.org,direct\)/);
    assert.match(set.stdout, /undo with: go-env-doctor restore-proxy/);
    const after = await read(s.envFile);
    assert.ok(after.includes('GOPROXY=https://mirror.example.com|direct\n'));
    assert.equal(dropGoproxyLines(after), WITHOUT_PROXY, 'every other line survives byte for byte');

    const saved = JSON.parse(await read(historyFile(s.platform)));
    assert.deepEqual(saved.changes[0].before, { GOPROXY: { inFile: false } });

    const restore = await runProxyCli('restore-proxy', [], { env: s.env });
    assert.equal(restore.code, 0, restore.stderr);
    assert.match(restore.stdout, /Restored GOPROXY unset \(go env -u\)/);
    assert.equal(await read(s.envFile), WITHOUT_PROXY);
  });

  it('restores an empty value as an empty value, not as unset', async () => {
    const s = await sandbox('GOPROXY=\n');
    cleanup.push(s.home);
    assert.equal((await runProxyCli('set-proxy', ['--value', 'direct'], { env: s.env, inProcess: true })).code, 0);
    assert.equal(await read(s.envFile), 'GOPROXY=direct\n');
    assert.equal((await runProxyCli('restore-proxy', [], { env: s.env, inProcess: true })).code, 0);
    assert.equal(await read(s.envFile), 'GOPROXY=\n');
  });

  it('creates the go env file when there is none, and restore leaves it empty', async () => {
    const s = await sandbox(undefined);
    cleanup.push(s.home);
    assert.equal((await runProxyCli('set-proxy', ['--value', 'off'], { env: s.env, inProcess: true })).code, 0);
    assert.equal(await read(s.envFile), 'GOPROXY=off\n');
    assert.equal((await runProxyCli('restore-proxy', [], { env: s.env, inProcess: true })).code, 0);
    assert.equal(await read(s.envFile), '');
  });

  it('undoes changes newest first, then says there is nothing left to restore (exit 1)', async () => {
    const s = await sandbox('GOPROXY=https://a.example.com\n');
    cleanup.push(s.home);
    assert.equal(
      (await runProxyCli('set-proxy', ['--value', 'https://b.example.com'], { env: s.env, inProcess: true })).code,
      0,
    );
    assert.equal(
      (await runProxyCli('set-proxy', ['--value', 'https://c.example.com'], { env: s.env, inProcess: true })).code,
      0,
    );
    assert.equal((await runProxyCli('restore-proxy', [], { env: s.env, inProcess: true })).code, 0);
    assert.equal(await read(s.envFile), 'GOPROXY=https://b.example.com\n');
    assert.equal((await runProxyCli('restore-proxy', [], { env: s.env, inProcess: true })).code, 0);
    assert.equal(await read(s.envFile), 'GOPROXY=https://a.example.com\n');
    const none = await runProxyCli('restore-proxy', ['--json'], { env: s.env, inProcess: true });
    assert.equal(none.code, 1);
    const doc = JSON.parse(none.stdout);
    assert.equal(doc.ok, false);
    assert.equal(doc.restored, false);
    assert.match(doc.message, /no saved GOPROXY for .*goenv.*GOPROXY there is "https:\/\/a\.example\.com"/);
    assert.equal(await read(s.envFile), 'GOPROXY=https://a.example.com\n');
    const text = await runProxyCli('restore-proxy', [], { env: s.env, inProcess: true });
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^Nothing to restore: /);
  });

  it('restore when nothing was ever saved: exit 1 and a clear message, file untouched', async () => {
    const s = await sandbox(WITH_PROXY);
    cleanup.push(s.home);
    const r = await runProxyCli('restore-proxy', [], { env: s.env, inProcess: true });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Nothing to restore: go-env-doctor has no saved GOPROXY for/);
    assert.equal(await read(s.envFile), WITH_PROXY);
  });

  it('a hand-edited file: go re-sorts KEY=VALUE runs and drops shadowed duplicates, but no setting changes its value', async () => {
    // Unsorted run, a duplicate key (the later one is the one go uses), no final newline.
    const text =
      '# mine\nZZZ=1\nAAA=2\nGOPRIVATE=first.example\n# keep me\nGOPRIVATE=second.example\nGOPROXY=https://old.example.com';
    const s = await sandbox(text);
    cleanup.push(s.home);
    const plan = await planProxyChange({
      platform: s.platform,
      goPath: GO,
      mode: { kind: 'value', value: 'https://new.example.com,direct' },
    });
    const out = await applyProxyChange(plan, { platform: s.platform });
    assert.deepEqual(out.otherSettingsChanged, [], 'the value go uses for every other setting is unchanged');
    const after = await read(s.envFile);
    // What go 1.19 preserves: comments and non-setting lines in place, every effective value.
    assert.equal(
      after,
      '# mine\nAAA=2\nZZZ=1\n# keep me\nGOPRIVATE=second.example\nGOPROXY=https://new.example.com,direct\n',
    );
  });

  it('an OS-environment GOPROXY: the file is written, but ok is false, exit 1, and it says where GOPROXY is set', async () => {
    const s = await sandbox(WITH_PROXY, { GOPROXY: 'https://from-os.example.com' });
    cleanup.push(s.home);
    await fs.writeFile(
      path.join(s.home, '.bashrc'),
      '# shell\nexport PATH=$PATH:/opt/bin\nexport GOPROXY=https://from-os.example.com\n',
    );
    const r = await runProxyCli('set-proxy', ['--value', 'https://mirror.example.com,direct', '--json'], {
      env: s.env,
    });
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.ok, false);
    assert.equal(doc.written, true);
    assert.equal(doc.overriddenByEnvironment, true);
    assert.equal(doc.effective, 'https://from-os.example.com', 'go keeps using the environment value');
    // (System files such as /etc/environment are searched too; only the sandbox's own are asserted.)
    assert.deepEqual(
      doc.environment.sources.filter((x: { file: string }) => x.file.startsWith(s.home)),
      [{ file: path.join(s.home, '.bashrc'), line: 3 }],
    );
    assert.match(doc.environment.explanation, /go\.toolsEnvVars/);
    assert.match(doc.message, /overrides the go env file/);
    assert.ok((await read(s.envFile)).includes('GOPROXY=https://mirror.example.com,direct\n'));

    const text = await runProxyCli('set-proxy', ['--value', 'https://other.example.com', '--dry-run'], { env: s.env });
    assert.equal(text.code, 0, 'a dry run made its plan');
    assert.match(
      text.stdout,
      /\[✗\] This change would not take effect: GOPROXY=https:\/\/from-os\.example\.com is set in the OS environment/,
    );
    assert.match(text.stdout, /\.bashrc:3/);
  });

  it('the same value in the OS environment and the file is not an override', async () => {
    const s = await sandbox(WITH_PROXY, { GOPROXY: 'https://mirror.example.com,direct' });
    cleanup.push(s.home);
    const r = await runProxyCli('set-proxy', ['--value', 'https://mirror.example.com,direct', '--json'], {
      env: s.env,
      inProcess: true,
    });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(JSON.parse(r.stdout).overriddenByEnvironment, false);
  });

  it('--dry-run prints the plan and writes nothing (no file change, nothing saved)', async () => {
    const s = await sandbox(WITH_PROXY);
    cleanup.push(s.home);
    const r = await runProxyCli('set-proxy', ['--value', 'https://mirror.example.com,direct', '--dry-run'], {
      env: s.env,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /before: https:\/\/old\.example\.com,direct/);
    assert.match(r.stdout, /after: {2}https:\/\/mirror\.example\.com,direct/);
    assert.match(r.stdout, /Dry run: nothing was written/);
    assert.equal(await read(s.envFile), WITH_PROXY);
    await assert.rejects(fs.access(historyFile(s.platform)));
    const j = JSON.parse(
      (await runProxyCli('set-proxy', ['--value', 'direct', '--dry-run', '--json'], { env: s.env })).stdout,
    );
    assert.deepEqual(
      { ok: j.ok, dryRun: j.dryRun, written: j.written, value: j.value },
      { ok: true, dryRun: true, written: false, value: 'direct' },
    );
  });

  it('refuses invalid --value lists with exit 2 and names the bad entry; the file is untouched', async () => {
    const s = await sandbox(WITH_PROXY);
    cleanup.push(s.home);
    for (const [value, why] of [
      ['ftp://mirror.example.com', /scheme "ftp" is not supported/],
      ['https://ok.example.com,bogus', /"bogus" it is neither a keyword/],
      ['', /empty/],
      ['https://a.example.com\nGOFLAGS=-insecure', /control characters/],
    ] as const) {
      const r = await runProxyCli('set-proxy', ['--value', value], { env: s.env, inProcess: true });
      assert.equal(r.code, 2, value);
      assert.match(r.stderr, why);
    }
    assert.equal(validateGoproxyValue('https://a.example.com|https://b.example.com,direct,off'), undefined);
    assert.equal(validateGoproxyValue('file:///var/cache/mods'), undefined);
    assert.equal(await read(s.envFile), WITH_PROXY);
  });

  it('usage errors: no mode, two modes, --candidate without --auto (exit 2)', async () => {
    const s = await sandbox(WITH_PROXY);
    cleanup.push(s.home);
    assert.equal((await runProxyCli('set-proxy', [], { env: s.env, inProcess: true })).code, 2);
    assert.equal(
      (await runProxyCli('set-proxy', ['--auto', '--value', 'direct'], { env: s.env, inProcess: true })).code,
      2,
    );
    assert.equal(
      (
        await runProxyCli('set-proxy', ['--value', 'direct', '--candidate', 'http://127.0.0.1:1'], {
          env: s.env,
          inProcess: true,
        })
      ).code,
      2,
    );
    assert.equal(
      (
        await runProxyCli('set-proxy', ['--auto', '--candidate', 'http://a.example.com,direct'], {
          env: s.env,
          inProcess: true,
        })
      ).code,
      2,
    );
    assert.equal((await runProxyCli('restore-proxy', ['--bogus'], { env: s.env, inProcess: true })).code, 2);
  });

  it('a go that does not exist: exit 1, nothing written, and the fix', async () => {
    const s = await sandbox(WITH_PROXY);
    cleanup.push(s.home);
    const r = await runProxyCli('set-proxy', ['--value', 'direct', '--go', path.join(s.home, 'nope', 'go'), '--json'], {
      env: s.env,
      inProcess: true,
    });
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.ok, false);
    assert.equal(doc.error.code, 'go.notFound');
    assert.equal(await read(s.envFile), WITH_PROXY);
  });

  it('refuses to apply a plan when GOPROXY changed after it was made', async () => {
    const s = await sandbox(WITH_PROXY);
    cleanup.push(s.home);
    const plan = await planProxyChange({ platform: s.platform, goPath: GO, mode: { kind: 'value', value: 'direct' } });
    await fs.writeFile(s.envFile, 'GOPROXY=https://someone-else.example.com\n');
    await assert.rejects(applyProxyChange(plan, { platform: s.platform }), (err: unknown) => {
      assert.ok(err instanceof Error);
      assert.equal((err as { code?: string }).code, 'proxy.changedSincePlan');
      return true;
    });
    assert.equal(await read(s.envFile), 'GOPROXY=https://someone-else.example.com\n');
  });

  it('restore after someone else changed GOPROXY again: restores and says so', async () => {
    const s = await sandbox('GOPROXY=https://a.example.com\n');
    cleanup.push(s.home);
    assert.equal(
      (await runProxyCli('set-proxy', ['--value', 'https://b.example.com'], { env: s.env, inProcess: true })).code,
      0,
    );
    await fs.writeFile(s.envFile, 'GOPROXY=https://by-hand.example.com\n');
    const r = await restoreProxy({ platform: s.platform, goPath: GO });
    assert.ok(r.restored);
    assert.equal(r.changedSince, true);
    assert.equal(await read(s.envFile), 'GOPROXY=https://a.example.com\n');
  });
});
