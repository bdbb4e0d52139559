// Mirror ranking against local mirrors and a real checksum database (golang.org/x/mod/sumdb in the
// Go fixture, fresh key): fast and slow correct mirrors, one serving different bytes, one answering
// 500, one with an expired certificate (trusted only through SSL_CERT_FILE, as Go would), and what
// the checksum database needs afterwards.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { testCerts, type TestCerts } from '../../../support/certs';
import { tempDir } from '../../../support/fakeGo';
import { FIXTURE_TOOLCHAIN, startMirror, type Mirror } from '../../../support/mirrors';
import { refusedPort, startSilentServer } from '../../../support/servers';
import { startSumdbFixture, type SumdbFixture } from '../../../support/sumdbFixture';
import { planProxyChange, rankMirrors } from '../../../../src/core/proxyRewrite';
import { goModHash1 } from '../../../../src/core/proxyRewrite/goModHash';
import { parseGosumdb } from '../../../../src/core/go/gosumdb';
import type { Platform } from '../../../../src/core/platform';

const REF = { path: FIXTURE_TOOLCHAIN.path, version: FIXTURE_TOOLCHAIN.version };
const TAMPERED = { ...FIXTURE_TOOLCHAIN, mod: 'module golang.org/toolchain\n\n// served from a stale cache\n' };

describe('proxyset: ranking mirrors (local mirrors, real checksum database)', function () {
  this.timeout(60000);
  let certs: TestCerts;
  let db: SumdbFixture;
  const servers: { close(): Promise<void> }[] = [];
  const dirs: string[] = [];
  let emptyDir: string;
  let fast: Mirror, slow: Mirror, tampered: Mirror, failing: Mirror, expired: Mirror, tlsOk: Mirror;

  before(async () => {
    [certs, db] = await Promise.all([testCerts(), startSumdbFixture({ versions: ['1.21.0'] })]);
    const forwards = { name: db.name, supported: 200, upstream: db.url };
    [fast, slow, tampered, failing, expired, tlsOk] = await Promise.all([
      startMirror({ modules: [FIXTURE_TOOLCHAIN], sumdb: forwards }),
      startMirror({ modules: [FIXTURE_TOOLCHAIN], sumdb: forwards, delayMs: 150 }),
      startMirror({ modules: [TAMPERED], sumdb: forwards }),
      startMirror({ status: 500 }),
      startMirror({ modules: [FIXTURE_TOOLCHAIN], cert: certs.expired }),
      startMirror({ modules: [FIXTURE_TOOLCHAIN], cert: certs.valid }),
    ]);
    servers.push(fast, slow, tampered, failing, expired, tlsOk);
    emptyDir = await tempDir('ged-nocerts-');
    dirs.push(emptyDir);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await db?.stop();
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  async function platform(env: NodeJS.ProcessEnv = {}): Promise<Platform> {
    const home = await tempDir('ged-rank-');
    dirs.push(home);
    // Go's CA set is the test CA only: the HTTPS mirrors are judged as the go command would judge them.
    const full = {
      PATH: '/usr/bin:/bin',
      HOME: home,
      GOENV: path.join(home, 'goenv'),
      GOFLAGS: '',
      SSL_CERT_FILE: certs.ca.file,
      SSL_CERT_DIR: emptyDir,
      ...env,
    };
    return { env: full, homeDir: home, os: process.platform, arch: process.arch, now: () => Date.now() };
  }

  it('ranks healthy mirrors by median latency and rejects the rest, each with its reason', async () => {
    const p = await platform();
    const ranking = await rankMirrors({
      candidates: [slow.url, tampered.url, failing.url, expired.url, fast.url, tlsOk.url],
      platform: p,
      gosumdb: parseGosumdb(db.gosumdb),
      reference: REF,
      rounds: 3,
      timeoutMs: 3000,
    });
    const by = (m: Mirror) => ranking.rows.find((r) => r.url === m.url)!;
    assert.equal(ranking.reference.source, 'sumdb');
    assert.equal(ranking.reference.hash, goModHash1(Buffer.from(FIXTURE_TOOLCHAIN.mod)));
    assert.equal(ranking.verdictBasis, 'sumdb');

    const healthy = ranking.rows.filter((r) => r.healthy).map((r) => r.url);
    assert.deepEqual(new Set(healthy), new Set([fast.url, tlsOk.url, slow.url]));
    assert.equal(healthy[healthy.length - 1], slow.url, 'the slow mirror comes last');
    assert.ok(
      by(slow).medianMs! >= 150 && by(fast).medianMs! < by(slow).medianMs!,
      `${by(fast).medianMs} < ${by(slow).medianMs}`,
    );
    assert.equal(by(fast).samplesMs.length, 3);
    assert.deepEqual(
      ranking.rows.slice(0, 3).map((r) => r.healthy),
      [true, true, true],
      'healthy rows first',
    );

    assert.equal(by(tampered).healthy, false);
    assert.match(
      by(tampered).reason!,
      /serves different content: its go\.mod of golang\.org\/toolchain@v0\.0\.1-go1\.21\.0\.linux-amd64 hashes to h1:\S+, but the checksum database sumdb\.fixture\.test records h1:/,
    );
    assert.match(by(failing).reason!, /answered HTTP 500 for \/golang\.org\/toolchain\/@latest/);
    assert.equal(by(failing).medianMs, null);
    assert.match(by(expired).reason!, /TLS certificate expired on .* so the go command refuses it/);
    // The verified tree head is kept where the toolchain installer keeps it, for later consistency checks.
    await fs.access(path.join(p.homeDir, '.local', 'state', 'go-env-doctor', 'sumdb', db.name, 'latest'));
  });

  it('an HTTPS mirror whose CA the go command does not trust is rejected, even though it is valid', async () => {
    const p = await platform({ SSL_CERT_FILE: certs.interceptCa.file, SSL_CERT_DIR: '/nonexistent' });
    const ranking = await rankMirrors({
      candidates: [tlsOk.url],
      platform: p,
      gosumdb: parseGosumdb(db.gosumdb),
      reference: REF,
      timeoutMs: 3000,
    });
    assert.equal(ranking.rows[0]!.healthy, false);
    assert.match(ranking.rows[0]!.reason!, /issued by Go Env Doctor Test CA, which the go command does not trust/);
  });

  it('without any checksum database answering, mirrors are compared with each other: the odd one out is rejected', async () => {
    const p = await platform();
    const dead = `http://127.0.0.1:${await refusedPort()}`;
    const ranking = await rankMirrors({
      candidates: [fast.url, slow.url, tampered.url],
      platform: p,
      gosumdb: parseGosumdb(`${db.vkey} ${dead}`),
      reference: REF,
      rounds: 1,
      timeoutMs: 3000,
    });
    assert.equal(ranking.verdictBasis, 'majority');
    assert.equal(ranking.reference.source, 'none');
    assert.equal(ranking.reference.directReachable, false);
    const t = ranking.rows.find((r) => r.url === tampered.url)!;
    assert.equal(t.healthy, false);
    assert.match(t.reason!, /while 2 of 3 mirrors serve h1:/);
    assert.equal(ranking.rows.filter((r) => r.healthy).length, 2);
  });

  it('a mirror that accepts the connection and never answers is rejected in about the timeout', async () => {
    const silent = await startSilentServer();
    servers.push(silent);
    const t0 = performance.now();
    const ranking = await rankMirrors({
      candidates: [silent.url, fast.url],
      platform: await platform(),
      gosumdb: parseGosumdb(db.gosumdb),
      reference: REF,
      timeoutMs: 1000,
    });
    const ms = performance.now() - t0;
    assert.ok(ms < 10_000, `took ${ms} ms`); // the server never answers: ending at all is the timeout
    const row = ranking.rows.find((r) => r.url === silent.url)!;
    assert.equal(row.healthy, false);
    assert.match(row.reason!, /no answer within 1000 ms \(stuck in the HTTP response\)/);
    assert.equal(ranking.rows[0]!.url, fast.url);
  });

  it('cancelling stops the ranking at once', async () => {
    const silent = await startSilentServer();
    servers.push(silent);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const t0 = performance.now();
    await assert.rejects(
      rankMirrors({
        candidates: [silent.url],
        platform: await platform(),
        gosumdb: parseGosumdb(db.gosumdb),
        reference: REF,
        timeoutMs: 30_000,
        signal: ac.signal,
      }),
    );
    assert.ok(performance.now() - t0 < 10_000); // far below the 30 s timeout: it was the signal
  });

  describe('planProxyChange --auto with the real go and its GOSUMDB', () => {
    it('the database is unreachable directly but the fastest mirror forwards it: that suffices', async () => {
      // GOSUMDB without a URL: the go command (and the ranking) try https://sumdb.fixture.test, which does not resolve.
      const p = await platform({ GOSUMDB: db.vkey });
      const plan = await planProxyChange({
        platform: p,
        goPath: '/usr/bin/go',
        mode: { kind: 'auto', candidates: [slow.url, fast.url], reference: REF },
        timeoutMs: 3000,
      });
      assert.equal(plan.value, `${fast.url}|${slow.url},direct`);
      assert.equal(plan.ranking!.reference.source, 'sumdb', plan.ranking!.reference.detail);
      assert.match(plan.ranking!.reference.detail, /through http:\/\/127\.0\.0\.1:\d+\/sumdb\/sumdb\.fixture\.test/);
      assert.equal(plan.sumdb!.kind, 'viaProxy');
      assert.match(plan.sumdb!.message, /cannot be reached directly from here .* forwards it, which suffices/);
      assert.ok(fast.hits.includes(`/sumdb/${db.name}/supported`));
    });

    it('nothing forwards it and it is unreachable: offers the alias after checking it answers, never off', async () => {
      const noForward = await startMirror({ modules: [FIXTURE_TOOLCHAIN], sumdb: { name: db.name, supported: 404 } });
      servers.push(noForward);
      const p = await platform({ GOSUMDB: db.vkey });
      const alias = { setting: `${db.vkey} ${db.url}/db`, url: `${db.url}/db` };
      const plan = await planProxyChange({
        platform: p,
        goPath: '/usr/bin/go',
        mode: { kind: 'auto', candidates: [noForward.url], reference: REF, sumdbAlias: alias },
        timeoutMs: 3000,
      });
      assert.equal(plan.sumdb!.kind, 'useAlias');
      assert.ok(plan.sumdb!.kind === 'useAlias' && plan.sumdb!.command === `go env -w GOSUMDB=${alias.setting}`);
      assert.match(plan.sumdb!.message, /cannot be reached .* does not forward it/);

      const deadAlias = { setting: 'sum.alias.test', url: `http://127.0.0.1:${await refusedPort()}` };
      const plan2 = await planProxyChange({
        platform: p,
        goPath: '/usr/bin/go',
        mode: { kind: 'auto', candidates: [noForward.url], reference: REF, sumdbAlias: deadAlias },
        timeoutMs: 3000,
      });
      assert.equal(plan2.sumdb!.kind, 'unreachable');
      assert.match(plan2.sumdb!.message, /does not answer either/);
      assert.doesNotMatch(plan2.sumdb!.message, /GOSUMDB=off/);
    });

    it('the database answers directly: nothing to change about it', async () => {
      const p = await platform({ GOSUMDB: db.gosumdb });
      const plan = await planProxyChange({
        platform: p,
        goPath: '/usr/bin/go',
        mode: { kind: 'auto', candidates: [fast.url], reference: REF },
        timeoutMs: 3000,
      });
      assert.equal(plan.value, `${fast.url},direct`);
      assert.equal(plan.sumdb!.kind, 'direct');
    });

    it('a mirror answering 5xx for /sumdb/<name>/supported is rejected: go would give up on the database', async () => {
      const broken = await startMirror({ modules: [FIXTURE_TOOLCHAIN], sumdb: { name: db.name, supported: 504 } });
      servers.push(broken);
      const p = await platform({ GOSUMDB: db.vkey });
      const plan = await planProxyChange({
        platform: p,
        goPath: '/usr/bin/go',
        mode: { kind: 'auto', candidates: [broken.url, fast.url], reference: REF },
        timeoutMs: 3000,
      });
      const row = plan.ranking!.rows.find((r) => r.url === broken.url)!;
      assert.equal(row.healthy, false);
      assert.match(row.reason!, /HTTP 504 for \/sumdb\/sumdb\.fixture\.test\/supported/);
      assert.equal(plan.value, `${fast.url},direct`);
    });
  });
});
