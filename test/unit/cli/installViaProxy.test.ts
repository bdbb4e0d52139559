// `go-env-doctor install` through GOPROXY as a real child process (node dist/cli.js) against the
// Go reference fixture (module proxy made with golang.org/x/mod/zip, checksum database served by
// golang.org/x/mod/sumdb): --via-proxy, the automatic fallback when the release index cannot be
// read, GOSUMDB=off refused, and a tampered zip refused, each with nothing installed.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../../../src/cli/args';
import { installCommand } from '../../../src/cli/install';
import type { CliIO } from '../../../src/cli/io';
import type { Finding } from '../../../src/core/findings';
import { goosGoarch, hostPlatform } from '../../../src/core/platform';
import { DownloadServer } from '../../support/downloadServer';
import { tempDir } from '../../support/fakeGo';
import { archiveEntry, fakeToolchainTarGz, releaseIndex, sha256 } from '../../support/toolchainArchive';
import { refusedPort } from '../../support/servers';
import { startSumdbFixture, type SumdbFixture } from '../../support/sumdbFixture';
import { installArgv, runInstall, type InstallRun } from '../../support/toolchainCli';

const run = promisify(execFile);
const { goos, goarch } = goosGoarch(hostPlatform());
const MV = (go: string) => `v0.0.1-go${go}.${goos}-${goarch}`;

interface SuccessDoc {
  ok: true;
  version: string;
  goroot: string;
  via: 'archive' | 'proxy';
  sha256: string | null;
  h1?: string | null;
  module?: string;
  bytes: number | null;
  source: string | null;
  alreadyInstalled: boolean;
  verification?: { database: string; via: string; treeSize: number; recordId: number; notes: string[] } | null;
  fallbackFrom?: string;
}

describe('go-env-doctor install through GOPROXY (CLI, Go reference fixture)', function () {
  this.timeout(60_000);
  let fx: SumdbFixture;
  let tmp: string;
  let sdk: string;
  let refused: string;

  before(async () => {
    [fx] = await Promise.all([startSumdbFixture(), installArgv()]);
    refused = `http://127.0.0.1:${await refusedPort()}/dl/`;
  });
  after(async () => {
    await fx?.stop();
  });
  beforeEach(async () => {
    tmp = await tempDir('ged-viaproxy-cli-');
    sdk = path.join(tmp, 'sdk');
  });
  afterEach(async () => {
    await fx.set({ zip: 'ok', note: 'ok', tiles: 'ok', fork: 'off' });
    await fs.rm(tmp, { recursive: true, force: true });
  });

  /** The child sees only these variables: HOME (so the go env file and the state dir) is the test's. */
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    HOME: tmp,
    GOPROXY: fx.url,
    GOSUMDB: fx.vkey,
    ...extra,
  });
  const install = (args: string[], extra?: NodeJS.ProcessEnv): Promise<InstallRun> =>
    runInstall([...args, '--dir', sdk], { env: env(extra) });
  const doc = (r: InstallRun) => JSON.parse(r.stdout) as SuccessDoc;
  const finding = (r: InstallRun) => (JSON.parse(r.stdout) as { ok: false; finding: Finding }).finding;
  const goVersion = async (goroot: string) => (await run(path.join(goroot, 'bin', 'go'), ['version'])).stdout.trim();
  const visible = async () =>
    (await fs.readdir(sdk).catch(() => [] as string[]))
      .filter((n) => !n.endsWith('.lock') && n !== '.downloads')
      .sort();

  it('--via-proxy installs the golang.org/toolchain module verified by the checksum database, and the installed go runs', async () => {
    const r = await install(['1.22.5', '--via-proxy', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const d = doc(r);
    assert.deepEqual(
      { ...d, bytes: 0, verification: { ...d.verification!, treeSize: 0, recordId: 0 } },
      {
        ok: true,
        version: 'go1.22.5',
        goroot: path.join(sdk, 'go1.22.5'),
        via: 'proxy',
        sha256: null,
        h1: await fx.h1(MV('1.22.5')),
        module: `golang.org/toolchain@${MV('1.22.5')}`,
        bytes: 0,
        source: `${fx.url}/`,
        alreadyInstalled: false,
        verified: true,
        verification: { database: fx.name, via: 'proxy', treeSize: 0, recordId: 0, notes: [] },
      },
    );
    assert.equal(d.bytes, (await fs.stat(await fx.zipPath(MV('1.22.5')))).size);
    assert.ok(
      d.verification!.treeSize > 300 && d.verification!.recordId < d.verification!.treeSize,
      JSON.stringify(d.verification),
    );
    assert.equal(await goVersion(d.goroot), `go version go1.22.5 ${goos}/${goarch}`);
    assert.deepEqual(await visible(), ['go1.22.5']);

    // Installed: the second run fetches nothing and still says where it came from.
    const before = await fx.counts();
    const again = await install(['go1.22.5', '--via-proxy']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, `go1.22.5 is already installed in ${d.goroot} (installed from ${fx.url}/, ${d.h1}).\n`);
    assert.deepEqual(await fx.counts(), before);
  });

  it('falls back to GOPROXY when the release index cannot be read, and says so', async () => {
    const r = await install(['1.21.0', '--dl-base', refused]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /^The Go release index could not be read from any official source \(http:\/\/127\.0\.0\.1:\d+\/dl\/\?mode=json&include=all: connection refused\)\.\n/,
    );
    assert.match(
      r.stderr,
      new RegExp(
        `Fetching the toolchain through GOPROXY=${esc(fx.url)} instead; it is installed only if the checksum database ${esc(fx.name)} vouches for it\\.`,
      ),
    );
    const goroot = path.join(sdk, 'go1.21.0');
    const h1 = await fx.h1(MV('1.21.0'));
    assert.equal(
      r.stdout.replace(/\d+ records, record \d+/, 'N records, record M').replace(/[\d.]+ MB/, 'X MB'),
      `Installed go1.21.0 in ${goroot}\n` +
        `  X MB module zip golang.org/toolchain@${MV('1.21.0')} from ${fx.url}/ (GOPROXY=${fx.url})\n` +
        `  ${h1} verified against the checksum database ${fx.name} (through the GOPROXY mirror): signed tree of N records, record M proven in it\n` +
        '  (The Go release index could not be read, so the toolchain came through GOPROXY instead.)\n' +
        `  Run it: ${goroot}/bin/go version\n` +
        `  Use it in bash: export PATH="${goroot}/bin:$PATH"   (for every session: add that line to ~/.bashrc)\n`,
    );
    assert.equal(await goVersion(goroot), `go version go1.21.0 ${goos}/${goarch}`);

    // --json says which source served it and why; GOPROXY can come from the go env file too.
    await fs.rm(sdk, { recursive: true, force: true });
    await goEnvFile({ GOPROXY: fx.url });
    const j = await install(['1.21.0', '--dl-base', refused, '--json'], { GOPROXY: '' });
    assert.equal(j.code, 0, j.stderr);
    const d = doc(j);
    assert.equal(d.via, 'proxy');
    assert.equal(d.h1, h1);
    assert.match(
      d.fallbackFrom ?? '',
      /^The Go release index could not be read from any official source \(http:\/\/127\.0\.0\.1:\d+\/dl\/\?mode=json&include=all: .*refused/,
    );
  });

  it('refuses GOSUMDB=off with an explanation and installs nothing, with --via-proxy and in the fallback', async () => {
    const before = await fx.counts();
    const r = await install(['1.22.5', '--via-proxy', '--json'], { GOSUMDB: 'off' });
    assert.equal(r.code, 1, r.stderr);
    const f = finding(r);
    assert.equal(f.id, 'toolchain.sumdbUnavailable');
    assert.equal(f.severity, 'error');
    assert.match(
      f.detail,
      /GOSUMDB=off turns the Go checksum database off, but a toolchain downloaded through a module proxy is trusted only after the checksum database vouches for its hash/,
    );
    assert.match(f.detail, /go env -w GOSUMDB=sum\.golang\.org/);
    assert.equal(f.fixes, undefined, 'a setting to change, not a network to diagnose');

    // Set with `go env -w` (the go env file), as most users do; the text output explains both failures.
    await goEnvFile({ GOSUMDB: 'off' });
    const text = await install(['1.22.5', '--dl-base', refused], { GOSUMDB: '' });
    assert.equal(text.code, 1, text.stderr);
    assert.equal(text.stdout, '');
    assert.match(
      text.stderr,
      /^✗ Go checksum database unavailable; toolchain not installed\n {2}The Go release index could not be read from any official source .* Fetching it through GOPROXY \(http:\/\/127\.0\.0\.1:\d+\) instead failed too: GOSUMDB=off turns the Go checksum database off/,
    );
    assert.doesNotMatch(
      text.stderr,
      /Fetching the toolchain through GOPROXY/,
      'no announcement of a fallback that cannot run',
    );
    assert.deepEqual(await visible(), []);
    assert.deepEqual(await fx.counts(), before, 'neither the proxy nor the database was asked');
  });

  it('refuses a zip changed by one byte (toolchain.checksumMismatch) and installs nothing', async () => {
    await fx.set({ zip: 'flip' });
    const r = await install(['1.22.5', '--via-proxy', '--json']);
    assert.equal(r.code, 1, r.stderr);
    const f = finding(r);
    assert.equal(f.id, 'toolchain.checksumMismatch');
    assert.equal(f.title, 'Download does not match its official checksum');
    assert.match(
      f.detail,
      new RegExp(
        `has hash h1:\\S+, but the checksum database ${esc(fx.name)} records ${esc(await fx.h1(MV('1.22.5')))}`,
      ),
    );
    assert.deepEqual(await visible(), []);
  });

  it('uses the release archive when the index can be read (via: archive), never asking GOPROXY', async () => {
    const tgz = await fakeToolchainTarGz(tmp, { name: 'go1.22.5', randomBytes: 10_000 });
    const server = await DownloadServer.start();
    try {
      const entry = archiveEntry('go1.22.5', tgz, goos, goarch);
      server.setIndex('/dl/', releaseIndex([{ version: 'go1.22.5', files: [entry] }]));
      server.serve(`/dl/${entry.filename}`, { data: tgz });
      const before = await fx.counts();
      const r = await install(['1.22.5', '--dl-base', `${server.url}/dl/`, '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(doc(r), {
        ok: true,
        version: 'go1.22.5',
        goroot: path.join(sdk, 'go1.22.5'),
        via: 'archive',
        sha256: sha256(tgz),
        bytes: tgz.length,
        source: `${server.url}/dl/${entry.filename}`,
        alreadyInstalled: false,
        verified: true,
      });
      assert.equal(r.stderr, '');
      assert.deepEqual(await fx.counts(), before);
    } finally {
      await server.close();
    }
  });

  it('does not fall back when GOPROXY=off, and keeps the index error', async () => {
    const r = await install(['1.22.5', '--dl-base', refused, '--json'], { GOPROXY: 'off' });
    assert.equal(r.code, 1, r.stderr);
    const f = finding(r);
    assert.equal(f.id, 'toolchain.indexUnavailable');
    assert.match(
      f.detail,
      /The toolchain could not be fetched through GOPROXY instead: GOPROXY=off allows no module downloads\. .*go-env-doctor set-proxy --auto/,
    );
    assert.deepEqual(
      f.fixes?.map((x) => x.command),
      ['go-env-doctor diagnose'],
    );
    assert.equal(r.stderr, '');
  });

  it('rejects --via-proxy with latest, --mirror or --dl-base as usage errors (in-process)', async () => {
    for (const [argv, re] of [
      [['latest', '--via-proxy'], /--via-proxy needs a release version/],
      [['1.22.5', '--via-proxy', '--mirror', 'https://mirror.test/go/'], /--mirror applies to release archives only/],
      [['1.22.5', '--via-proxy', '--dl-base', refused], /--dl-base applies to release archives only/],
    ] as const) {
      const io: CliIO = {
        stdout: () => undefined,
        stderr: () => undefined,
        stdoutIsTTY: false,
        stderrIsTTY: false,
        cwd: tmp,
        platform: { env: {}, homeDir: tmp, os: 'linux', arch: 'x64', now: Date.now },
      };
      await assert.rejects(
        installCommand([...argv], io, new AbortController().signal),
        (e: unknown) => e instanceof UsageError && re.test(e.message),
      );
    }
  });

  async function goEnvFile(values: Record<string, string>): Promise<void> {
    const dir = path.join(tmp, '.config', 'go');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(
      path.join(dir, 'env'),
      Object.entries(values)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
  }
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
