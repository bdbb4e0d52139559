// The real go (Debian's 1.19) as referee against local fixtures: a GOPROXY + checksum database
// that works, one that serves altered content, one that refuses connections.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../../../../src/core/findings';
import { runReferee, type RefereeOptions } from '../../../../src/core/referee/referee';
import { ids, only } from '../../../support/findingAsserts';
import { tempDir } from '../../../support/fakeGo';
import { refusedPort } from '../../../support/servers';
import { startSumdbFixture, type SumdbFixture } from '../../../support/sumdbFixture';

const REAL_GO = '/usr/bin/go';
const CANARY = { path: 'golang.org/toolchain', version: 'v0.0.1-go1.21.0.linux-amd64' };
const proxyOk: Finding = { id: 'proxy.ok', severity: 'ok', title: 'ok', detail: '', subject: 'http://127.0.0.1' };

describe('referee: the real go checks our findings', function () {
  this.timeout(120_000);
  let fx: SumdbFixture;
  let work: string;
  let ws: string;

  before(async () => {
    fx = await startSumdbFixture();
  });
  after(async () => fx?.stop());
  beforeEach(async () => {
    work = await tempDir('ged-ref-');
    ws = path.join(work, 'ws');
    await fs.mkdir(ws);
    await fs.writeFile(path.join(ws, 'go.mod'), 'module example.com/m\n\ngo 1.19\n');
  });
  afterEach(async () => {
    await fx.set({ zip: 'ok' });
    await fs.rm(work, { recursive: true, force: true });
  });

  const env = (goproxy: string): NodeJS.ProcessEnv => ({
    PATH: '/usr/bin:/bin',
    HOME: work,
    GOENV: path.join(work, 'goenv'),
    GOPROXY: goproxy,
    GOSUMDB: fx.vkey,
    GOFLAGS: '',
  });
  const referee = (o: Partial<RefereeOptions> & { goproxy?: string }) =>
    runReferee({
      goPath: REAL_GO,
      cwd: ws,
      env: env(o.goproxy ?? fx.url),
      timeoutMs: 60_000,
      findings: [proxyOk],
      canary: CANARY,
      plan: { runs: 'go1.19.8', needsDownload: false },
      ...o,
    });
  const leftovers = async () => (await fs.readdir(os.tmpdir())).filter((n) => n.startsWith('ged-referee-'));

  it('referee.ok when go downloads through a working proxy and database; the throwaway cache is removed', async () => {
    const before = await leftovers();
    const r = await referee({});
    assert.deepEqual(ids(r), ['referee.ok']);
    assert.match(only(r, 'referee.ok').detail, /golang\.org\/toolchain@v0\.0\.1-go1\.21\.0\.linux-amd64 \(\d+ ms\)/);
    assert.match(only(r, 'referee.ok').detail, /go version go1\.19\.8/);
    assert.deepEqual(await leftovers(), before, 'go made the cache read-only; it is removed anyway');
  });

  it('altered content: referee.failed quotes go, and referee.disagrees with our proxy.ok; gone once fixed', async () => {
    await fx.set({ zip: 'flip' });
    const r = await referee({});
    const failed = only(r, 'referee.failed');
    assert.match(failed.detail, /checksum (error|mismatch)|SECURITY ERROR/);
    assert.match(only(r, 'referee.disagrees').detail, /proxy\.ok/);
    await fx.set({ zip: 'ok' });
    assert.deepEqual(ids(await referee({})), ['referee.ok']);
  });

  it('a refusing proxy: go fails as we said (no disagreement); a working one contradicts a stale error', async () => {
    const dead = `http://127.0.0.1:${await refusedPort()}`;
    const refused: Finding = { id: 'proxy.refused', severity: 'error', title: 'refused', detail: '', subject: dead };
    const r = await referee({ goproxy: dead, findings: [refused] });
    assert.match(only(r, 'referee.failed').detail, /connection refused/);
    assert.ok(!ids(r).includes('referee.disagrees'), ids(r).join());

    const contradicted = await referee({ findings: [refused] });
    assert.match(only(contradicted, 'referee.disagrees').detail, new RegExp(`proxy\\.refused \\(${dead}\\)`));
  });

  it("downloads the project's first requirement missing from the cache", async () => {
    await fs.writeFile(
      path.join(ws, 'go.mod'),
      'module example.com/m\n\ngo 1.19\n\nrequire golang.org/toolchain v0.0.1-go1.22.5.linux-amd64\n',
    );
    const r = await referee({ gomodcache: path.join(work, 'empty-cache') });
    assert.match(only(r, 'referee.ok').detail, /golang\.org\/toolchain@v0\.0\.1-go1\.22\.5\.linux-amd64 \(\d+ ms\)/);
  });

  it('go version in the workspace: a plan go contradicts is reported; a needed download is not made', async () => {
    const r = await referee({ plan: { runs: 'go1.30.0', needsDownload: false } });
    assert.match(only(r, 'referee.disagrees').title, /go runs go1\.19\.8 here; toolchain\.plan said go1\.30\.0/);
    const skipped = await referee({ plan: { runs: 'go1.30.0', needsDownload: true } });
    assert.match(
      only(skipped, 'referee.ok').detail,
      /go version: not run \(it would download go1\.30\.0; add --allow-toolchain-download/,
    );
  });

  it('bounded by the timeout and cancellable: the process group is killed and the sandbox removed', async () => {
    const slow = path.join(work, 'slowgo');
    await fs.writeFile(slow, '#!/bin/sh\nsleep 60\n', { mode: 0o755 });
    const before = await leftovers();
    const timedOut = await referee({ goPath: slow, timeoutMs: 300 });
    assert.match(
      only(
        timedOut.filter((f) => f.subject === `${CANARY.path}@${CANARY.version}`),
        'referee.failed',
      ).detail,
      /did not finish within/,
    );
    const ac = new AbortController();
    const run = referee({ goPath: slow, signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    await assert.rejects(run);
    assert.deepEqual(await leftovers(), before);
  });
});
