// GOPROXY content: local mirrors serve the reference module's go.mod, altered or not, and the truth
// comes from a real checksum database (the Go fixture, fresh key) or, when none answers, from the
// go.sum line shipped with go-env-doctor.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../../../support/fakeGo';
import { ids, only } from '../../../support/findingAsserts';
import { FIXTURE_TOOLCHAIN, RSC_QUOTE, startMirror, type Mirror } from '../../../support/mirrors';
import { refusedPort } from '../../../support/servers';
import { startSumdbFixture, type SumdbFixture } from '../../../support/sumdbFixture';
import { runNetworkChecks } from '../../../../src/core/checks/networkChecks';
import { runProxyContentCheck } from '../../../../src/core/checks/proxyContentCheck';
import type { Platform } from '../../../../src/core/platform';

const ALTERED_QUOTE = { ...RSC_QUOTE, mod: 'module "rsc.io/quote"\n\nrequire "rsc.io/sampler" v1.99.0\n' };
const ALTERED_TOOLCHAIN = { ...FIXTURE_TOOLCHAIN, mod: 'module golang.org/toolchain\n\n// altered\n' };
const FIXTURE_REF = { path: FIXTURE_TOOLCHAIN.path, version: FIXTURE_TOOLCHAIN.version };

describe('checks/proxyContent (what each GOPROXY entry serves)', function () {
  this.timeout(60_000);
  let db: SumdbFixture;
  let good: Mirror, altered: Mirror, goodQuote: Mirror, alteredQuote: Mirror;
  const dirs: string[] = [];

  before(async () => {
    db = await startSumdbFixture({ versions: ['1.21.0'] });
    [good, altered, goodQuote, alteredQuote] = await Promise.all([
      startMirror({ modules: [FIXTURE_TOOLCHAIN] }),
      startMirror({ modules: [ALTERED_TOOLCHAIN] }),
      startMirror({ modules: [RSC_QUOTE] }),
      startMirror({ modules: [ALTERED_QUOTE] }),
    ]);
  });
  after(async () => {
    await Promise.all([good, altered, goodQuote, alteredQuote].map((m) => m?.close()));
    await db?.stop();
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  async function platform(): Promise<Platform> {
    const home = await tempDir('ged-content-');
    dirs.push(home);
    const env = { PATH: '/usr/bin:/bin', HOME: home, GOENV: path.join(home, 'goenv') };
    return { env, homeDir: home, os: 'linux', arch: 'x64', now: () => Date.now() };
  }

  it('reports proxy.wrongContent when the go.mod differs from the checksum database record', async () => {
    const r = await runProxyContentCheck({
      goproxy: `${altered.url},direct`,
      gosumdb: db.gosumdb,
      platform: await platform(),
      timeoutMs: 3000,
      reference: FIXTURE_REF,
    });
    assert.equal(r.truth.source, 'sumdb');
    const f = only(r.findings, 'proxy.wrongContent');
    assert.equal(f.severity, 'error');
    assert.equal(f.subject, altered.url);
    assert.match(f.detail, /checksum database sumdb\.fixture\.test records h1:/);
    assert.match(f.detail, /checksum mismatch/);
    assert.ok(f.fixes?.some((x) => x.action?.kind === 'setProxyAuto'));
    assert.doesNotMatch(JSON.stringify(f), /GOSUMDB=off|GOINSECURE|GONOSUMDB=/);
  });

  it('reports nothing once GOPROXY names a mirror serving the recorded bytes', async () => {
    const r = await runProxyContentCheck({
      goproxy: `${good.url},direct`,
      gosumdb: db.gosumdb,
      platform: await platform(),
      timeoutMs: 3000,
      reference: FIXTURE_REF,
    });
    assert.equal(r.truth.source, 'sumdb');
    assert.deepEqual(ids(r.findings), []);
  });

  it('is a warning for an entry that go reaches only after an earlier one serves the module', async () => {
    const r = await runProxyContentCheck({
      goproxy: `${good.url},${altered.url},direct`,
      gosumdb: db.gosumdb,
      platform: await platform(),
      timeoutMs: 3000,
      reference: FIXTURE_REF,
    });
    assert.equal(only(r.findings, 'proxy.wrongContent').severity, 'warning');
  });

  it('falls back to the shipped go.sum line when no checksum database answers (default reference module)', async () => {
    const port = await refusedPort();
    const gosumdb = `sum.golang.org http://127.0.0.1:${port}`;
    const p = await platform();
    const bad = await runNetworkChecks({ goproxy: alteredQuote.url, gosumdb, platform: p, timeoutMs: 3000 });
    const f = only(bad, 'proxy.wrongContent');
    assert.equal(f.severity, 'error');
    assert.match(f.detail, /published go\.sum line records h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe\+TKr0=/);
    const fixed = await runNetworkChecks({ goproxy: goodQuote.url, gosumdb, platform: p, timeoutMs: 3000 });
    assert.ok(!ids(fixed).includes('proxy.wrongContent'), JSON.stringify(ids(fixed)));
  });
});
