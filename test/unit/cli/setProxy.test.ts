// `set-proxy --auto` end to end: the CLI with the real go, a temp GOENV and HOME, local mirrors
// serving the default reference module (rsc.io/quote v1.5.2), and a local checksum database that
// has no record of it (so the go.sum line shipped with go-env-doctor decides).
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../../support/fakeGo';
import { RSC_QUOTE, runProxyCli, startMirror, type Mirror } from '../../support/mirrors';
import { refusedPort } from '../../support/servers';
import { startSumdbFixture, type SumdbFixture } from '../../support/sumdbFixture';

describe('go-env-doctor set-proxy --auto (CLI, real go, local mirrors)', function () {
  this.timeout(60000);
  let db: SumdbFixture;
  let fast: Mirror, slow: Mirror, tampered: Mirror, failing: Mirror;
  const dirs: string[] = [];

  before(async () => {
    db = await startSumdbFixture({ versions: ['1.21.0'] });
    [fast, slow, tampered, failing] = await Promise.all([
      startMirror({ modules: [RSC_QUOTE] }),
      // Far slower than load on a busy machine can make the fast one: the order must not flip.
      startMirror({ modules: [RSC_QUOTE], delayMs: 700 }),
      startMirror({ modules: [{ ...RSC_QUOTE, mod: 'module "rsc.io/quote"\n\nrequire "rsc.io/sampler" v1.99.0\n' }] }),
      startMirror({ status: 500 }),
    ]);
  });
  after(async () => {
    await Promise.all([fast, slow, tampered, failing].map((m) => m?.close()));
    await db?.stop();
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  async function sandbox(
    fileText = 'GOPRIVATE=corp.example.com\n',
  ): Promise<{ env: NodeJS.ProcessEnv; envFile: string; home: string }> {
    const home = await tempDir('ged-auto-');
    dirs.push(home);
    const envFile = path.join(home, 'goenv');
    await fs.writeFile(envFile, fileText);
    return {
      home,
      envFile,
      env: { PATH: '/usr/bin:/bin', HOME: home, GOENV: envFile, GOFLAGS: '', GOSUMDB: db.gosumdb },
    };
  }

  it('writes <fastest>,<second>,direct and prints the ranking with reasons (JSON shape)', async () => {
    const s = await sandbox();
    const r = await runProxyCli(
      'set-proxy',
      [
        '--auto',
        '--candidate',
        failing.url,
        '--candidate',
        slow.url,
        '--candidate',
        tampered.url,
        '--candidate',
        fast.url,
        '--json',
        '--timeout',
        '3000',
      ],
      { env: s.env },
    );
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.equal(r.stderr, '');
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(
      Object.keys(doc)
        .filter((k) => ['ok', 'previous', 'value', 'ranking', 'overriddenByEnvironment'].includes(k))
        .sort(),
      ['ok', 'overriddenByEnvironment', 'previous', 'ranking', 'value'],
    );
    assert.equal(doc.ok, true);
    assert.equal(doc.previous, null);
    assert.equal(doc.value, `${fast.url}|${slow.url},direct`);
    assert.equal(doc.overriddenByEnvironment, false);
    assert.equal(doc.reference.source, 'builtin', doc.reference.detail);
    assert.match(doc.reference.detail, /has no record of rsc\.io\/quote@v1\.5\.2/);
    assert.equal(doc.ranking.length, 4);
    for (const row of doc.ranking) {
      assert.deepEqual(
        Object.keys(row).sort(),
        row.healthy ? ['healthy', 'medianMs', 'url'] : ['healthy', 'medianMs', 'reason', 'url'],
      );
    }
    assert.deepEqual(doc.ranking.map((x: { url: string }) => x.url).slice(0, 2), [fast.url, slow.url]);
    assert.match(
      doc.ranking.find((x: { url: string }) => x.url === tampered.url).reason,
      /serves different content.*go\.sum line published by sum\.golang\.org records h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe\+TKr0=/,
    );
    assert.match(doc.ranking.find((x: { url: string }) => x.url === failing.url).reason, /HTTP 500/);
    assert.equal(
      await fs.readFile(s.envFile, 'utf8'),
      `GOPRIVATE=corp.example.com\nGOPROXY=${fast.url}|${slow.url},direct\n`,
    );
    // The local mirrors were asked; nothing else could have been (the candidates were given).
    assert.ok(fast.hits.includes('/rsc.io/quote/@v/v1.5.2.mod'));
  });

  it('human output: a table, the reasons, before/after and how to undo', async () => {
    const s = await sandbox('GOPROXY=https://old.example.com\n');
    const r = await runProxyCli(
      'set-proxy',
      ['--auto', '--candidate', fast.url, '--candidate', tampered.url, '--timeout', '3000'],
      { env: s.env },
    );
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(
      r.stdout,
      /Checked 2 mirrors in \d+ ms: 1 healthy\.\nEach must serve rsc\.io\/quote@v1\.5\.2 with a go\.mod hashing to h1:LzX7\S+, from the go\.sum line sum\.golang\.org published for it/,
    );
    assert.match(r.stdout, new RegExp(`✓ ${fast.url.replace(/[.]/g, '\\.')}\\s+[\\d.]+ ms  healthy, fastest`));
    assert.match(
      r.stdout,
      new RegExp(`✗ ${tampered.url.replace(/[.]/g, '\\.')}\\s+\\S+ ms  rejected: serves different content`),
    );
    assert.match(r.stdout, /before: https:\/\/old\.example\.com\n {2}after: {2}http:\/\/127\.0\.0\.1:\d+,direct/);
    assert.match(r.stdout, /Checksum database: The checksum database sumdb\.fixture\.test answers directly/);
    assert.match(r.stdout, /undo with: go-env-doctor restore-proxy/);
    const back = await runProxyCli('restore-proxy', [], { env: s.env });
    assert.equal(back.code, 0);
    assert.equal(await fs.readFile(s.envFile, 'utf8'), 'GOPROXY=https://old.example.com\n');
  });

  it('no healthy mirror: changes nothing, exit 1, and says why for each', async () => {
    const s = await sandbox('GOPROXY=https://old.example.com\n');
    const dead = `http://127.0.0.1:${await refusedPort()}`;
    const r = await runProxyCli(
      'set-proxy',
      ['--auto', '--candidate', failing.url, '--candidate', dead, '--candidate', tampered.url, '--timeout', '3000'],
      { env: s.env },
    );
    assert.equal(r.code, 1);
    assert.match(r.stdout, /HTTP 500/);
    assert.match(r.stdout, /refused the connection \(ECONNREFUSED\)/);
    assert.match(r.stdout, /serves different content/);
    assert.match(r.stdout, /No mirror can be used, so GOPROXY was left as it is \(https:\/\/old\.example\.com\)/);
    assert.equal(await fs.readFile(s.envFile, 'utf8'), 'GOPROXY=https://old.example.com\n');
    const j = await runProxyCli('set-proxy', ['--auto', '--candidate', dead, '--json', '--timeout', '3000'], {
      env: s.env,
      inProcess: true,
    });
    assert.equal(j.code, 1);
    const doc = JSON.parse(j.stdout);
    assert.deepEqual(
      { ok: doc.ok, written: doc.written, value: doc.value },
      { ok: false, written: false, value: null },
    );
    assert.equal(doc.ranking[0].healthy, false);
    assert.equal(
      (await runProxyCli('restore-proxy', [], { env: s.env, inProcess: true })).code,
      1,
      'nothing was saved, so nothing to restore',
    );
  });

  it('--dry-run with --auto prints the plan and writes nothing', async () => {
    const s = await sandbox();
    const r = await runProxyCli('set-proxy', ['--auto', '--candidate', fast.url, '--dry-run', '--timeout', '3000'], {
      env: s.env,
      inProcess: true,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Dry run: nothing was written/);
    assert.equal(await fs.readFile(s.envFile, 'utf8'), 'GOPRIVATE=corp.example.com\n');
  });

  it('speaks Chinese under LANG=zh_CN.UTF-8: the ranking, the plan and the dry run', async () => {
    const s = await sandbox();
    const r = await runProxyCli('set-proxy', ['--auto', '--candidate', fast.url, '--dry-run', '--timeout', '3000'], {
      env: { ...s.env, LANG: 'zh_CN.UTF-8' },
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^已在 \d+ 毫秒内检查 1 个镜像：1 个可用。$/m);
    assert.match(r.stdout, /^ {2}镜像 +中位耗时 {2}结论$/m);
    assert.match(r.stdout, new RegExp(`^ {2}✓ ${fast.url} +[\\d.]+ ms {2}可用，最快$`, 'm'));
    assert.match(r.stdout, /^ {2}修改后：http:\/\/127\.0\.0\.1:\d+,direct$/m);
    assert.match(r.stdout, /^试运行：没有写入任何内容。去掉 --dry-run 再运行同一命令即可写入。$/m);
    assert.equal(await fs.readFile(s.envFile, 'utf8'), 'GOPRIVATE=corp.example.com\n');
  });

  it('credentials in a plain-http candidate are neither sent nor shown: go refuses them, so nothing is written', async () => {
    const s = await sandbox('');
    const withCreds = fast.url.replace('http://', 'http://alice:s3cret@');
    const before = fast.hits.length;
    const r = await runProxyCli('set-proxy', ['--auto', '--candidate', withCreds, '--json', '--timeout', '3000'], {
      env: s.env,
    });
    assert.equal(r.code, 1, r.stdout);
    assert.doesNotMatch(r.stdout + r.stderr, /s3cret/);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.ranking[0].healthy, false);
    assert.match(JSON.stringify(doc.ranking[0]), /credentials/i);
    assert.equal(fast.hits.length, before, 'not one request went to the mirror with the credentials');
    assert.equal(await fs.readFile(s.envFile, 'utf8').catch(() => ''), '');
  });
});
