import * as assert from 'node:assert/strict';
import type { Finding } from '../../../../src/core/findings';
import { clockCheck, clockSamples } from '../../../../src/core/checks/clockCheck';
import { clockFixes } from '../../../../src/core/checks/probeFailure';
import { runNetworkChecks } from '../../../../src/core/checks/networkChecks';
import type { ProbeResult } from '../../../../src/core/net/probe';
import { ids, only, serverPool } from '../../../support/findingAsserts';
import { testCerts, type TestCerts } from '../../../support/certs';
import { testEnv, testPlatform, removeNetTestFiles } from '../../../support/netEnv';
import { goproxyHandler, refusedPort, startHttpServer, startHttpsServer } from '../../../support/servers';

// Root-level: runs once after every suite of the run (idempotent), so temp files do not pile up.
after(removeNetTestFiles);

describe('checks/clock (skew from Date headers)', () => {
  let certs: TestCerts;
  const keep = serverPool();
  before(async () => {
    certs = await testCerts();
  });

  /** Runs the network checks against one server whose Date is shifted by `offsetMs`. */
  async function withServerOffset(offsetMs: number, now: () => number = () => Date.now()): Promise<Finding[]> {
    const s = keep(await startHttpServer(goproxyHandler({ dateOffsetMs: offsetMs })));
    const platform = testPlatform(await testEnv(), now);
    return runNetworkChecks({ goproxy: `${s.url},direct`, gosumdb: 'off', platform, timeoutMs: 2000 });
  }

  it('clock.skew error at 5 min or more, saying which way', async () => {
    const fs = await withServerOffset(+400_000); // the server is ahead: our clock is slow
    const f = only(fs, 'clock.skew');
    assert.equal(f.severity, 'error');
    assert.match(f.title, /slow/);
    assert.match(f.detail, /about 7 min behind the time reported by the server \(127\.0\.0\.1:\d+\)/);
    assert.ok(f.fixes?.some((x) => x.command === 'sudo timedatectl set-ntp true'));
    assert.ok(!ids(fs).includes('clock.ok'));
  });

  it('clock.unknown when no server answered, naming why; gone once one answers', async () => {
    const port = await refusedPort();
    const platform = testPlatform(await testEnv());
    const down = `http://127.0.0.1:${port}`;
    const fs = await runNetworkChecks({ goproxy: `${down},direct`, gosumdb: 'off', platform, timeoutMs: 2000 });
    const f = only(fs, 'clock.unknown');
    assert.equal(f.severity, 'info');
    assert.match(f.detail, /none of the 1 servers asked answered \(127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    const fixed = await withServerOffset(0);
    assert.ok(!ids(fixed).includes('clock.unknown'));
    assert.equal(only(fixed, 'clock.ok').severity, 'ok');
  });

  it('clock.skew warning between 60 s and 5 min, from Platform.now()', async () => {
    const fs = await withServerOffset(0, () => Date.now() + 90_000);
    const f = only(fs, 'clock.skew');
    assert.equal(f.severity, 'warning');
    assert.match(f.title, /fast/);
    assert.match(f.detail, /ahead of/);
  });

  it('no clock.skew when the clock agrees (clock.ok), nor just under the threshold', async () => {
    const fs = await withServerOffset(0);
    assert.ok(!ids(fs).includes('clock.skew'));
    assert.equal(only(fs, 'clock.ok').severity, 'ok');
    const near = await withServerOffset(-55_000);
    assert.ok(!ids(near).includes('clock.skew'), JSON.stringify(near));
  });

  it('corrects for half the round trip and the 1 s resolution of Date', () => {
    const date = new Date('2025-01-01T00:00:00Z');
    const r = {
      url: 'https://a.test/',
      headers: { date: date.toUTCString() },
      responseAt: date.getTime() + 4_500,
      rttMs: 8_000,
    } as unknown as ProbeResult;
    const [s] = clockSamples([r]);
    // Our clock at the server's moment: responseAt - rtt/2 = Date + 0.5 s; the server's time ≈ Date + 0.5 s.
    assert.equal(s!.skewMs, 0);
    assert.equal(s!.uncertaintyMs, 4_500);
    // 63 s of apparent skew with ±4.5 s of doubt is not yet 60 s for sure... but 65 s is.
    const at = (skew: number) => ({ ...r, responseAt: date.getTime() + 4_500 + skew }) as ProbeResult;
    assert.equal(clockCheck([at(63_000)], { os: 'linux' }).finding?.id, 'clock.ok');
    assert.equal(clockCheck([at(65_000)], { os: 'linux' }).finding?.id, 'clock.skew');
  });

  it('one server with a wrong clock does not blame ours (median)', () => {
    const mk = (skew: number): ProbeResult => {
      const now = Date.parse('2025-01-01T00:00:00Z');
      return {
        url: `https://${skew}.test/`,
        headers: { date: new Date(now).toUTCString() },
        responseAt: now + 500 + skew,
        rttMs: 10,
      } as unknown as ProbeResult;
    };
    assert.equal(clockCheck([mk(0), mk(0), mk(900_000)], { os: 'linux' }).finding?.id, 'clock.ok');
    assert.equal(clockCheck([mk(900_000), mk(900_000), mk(0)], { os: 'linux' }).finding?.id, 'clock.skew');
    const unknown = clockCheck([], { os: 'linux' }).finding;
    assert.equal(unknown?.id, 'clock.unknown');
    assert.equal(unknown?.severity, 'info');
    assert.match(unknown!.detail, /no server was contacted/);
  });

  it('names the clock as the likely cause of tls.expired, and the skew finding says so too', async () => {
    // The certificate expired 10 minutes ago; our clock runs 20 minutes fast.
    const expired = keep(await startHttpsServer(goproxyHandler(), certs.expired));
    const honest = keep(await startHttpServer(goproxyHandler({ dateOffsetMs: -20 * 60_000 })));
    const platform = testPlatform(await testEnv());
    const fs = await runNetworkChecks({
      goproxy: `https://localhost:${expired.port}|${honest.url}`,
      gosumdb: 'off',
      platform,
      timeoutMs: 2000,
    });
    const tls = only(fs, 'tls.expired');
    assert.match(tls.detail, /clock is 20 min ahead \(see clock\.skew\): the clock is the likely cause/);
    const skew = only(fs, 'clock.skew');
    assert.match(
      skew.detail,
      new RegExp(`likely cause of the certificate errors for https://localhost:${expired.port}`),
    );
  });

  it('does not blame the clock when the skew points the other way', async () => {
    const expired = keep(await startHttpsServer(goproxyHandler(), certs.expired));
    const ahead = keep(await startHttpServer(goproxyHandler({ dateOffsetMs: +20 * 60_000 }))); // our clock is slow
    const platform = testPlatform(await testEnv());
    const fs = await runNetworkChecks({
      goproxy: `https://localhost:${expired.port}|${ahead.url}`,
      gosumdb: 'off',
      platform,
      timeoutMs: 2000,
    });
    assert.doesNotMatch(only(fs, 'tls.expired').detail, /likely cause/);
    assert.doesNotMatch(only(fs, 'clock.skew').detail, /likely cause/);
  });
});

describe('checks/clock fixes per platform', () => {
  it('names the command that syncs the clock on each system', () => {
    assert.deepEqual(
      (['win32', 'darwin', 'linux'] as const).map((os) => clockFixes({ os }).map((f) => f.command)),
      [['w32tm /resync'], ['sudo sntp -sS time.apple.com'], ['sudo timedatectl set-ntp true']],
    );
  });
});
