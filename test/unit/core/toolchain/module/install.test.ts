// `install <version> --via-proxy` end to end against the Go reference fixture: toolchain zips made
// by golang.org/x/mod/zip behind a GOPROXY, and a checksum database served by
// golang.org/x/mod/sumdb. The real go command must accept the same fixture, our h1: must equal
// dirhash.HashZip's, and every kind of tampering must be refused with nothing installed.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { DoctorError } from '../../../../../src/core/errors';
import { sumdbStateDir } from '../../../../../src/core/stateDir';
import type { Platform } from '../../../../../src/core/platform';
import { runProcess } from '../../../../../src/core/process/run';
import { pathToFileURL } from 'node:url';
import {
  describeModuleInstall,
  installToolchainModule,
  type ModuleInstallOptions,
} from '../../../../../src/core/toolchain/module/install';
import {
  installToolchain,
  type ToolchainInstallOptions,
  type FallbackNotice,
} from '../../../../../src/core/toolchain/install';
import { extractModuleZip, isToolchainExecutable } from '../../../../../src/core/toolchain/module/extract';
import { sumdbFailureOf, verifyToolchainZip } from '../../../../../src/core/toolchain/module/verify';
import { UnsafeArchiveError } from '../../../../../src/core/toolchain/errors';
import { tempDir } from '../../../../support/fakeGo';
import { refusedPort, startHttpServer, type StartedServer } from '../../../../support/servers';
import { startSumdbFixture, type SumdbFixture } from '../../../../support/sumdbFixture';
import { zipArchive } from '../../../../support/toolchainArchive';

const MV = (go: string) => `v0.0.1-go${go}.linux-amd64`;
const FAST = {
  connectMs: 2000,
  headersMs: 5000,
  stallMs: 5000,
  retryBaseMs: 10,
  retryMaxMs: 40,
  attemptsPerSource: 2,
  lockPollMs: 20,
};

async function rejection(p: Promise<unknown>): Promise<DoctorError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof DoctorError, `expected a DoctorError, got ${String((err as Error)?.stack ?? err)}`);
    return err;
  }
  assert.fail('expected the install to fail');
}

/** Relative paths of all files below root, with a SHA-256 of each. */
async function tree(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string) => {
    for (const e of await fs.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else
        out.set(
          path.relative(root, p),
          createHash('sha256')
            .update(await fs.readFile(p))
            .digest('hex'),
        );
    }
  };
  await walk(root);
  return out;
}

describe('install --via-proxy against the Go reference fixture', function () {
  this.timeout(90_000);
  let fx: SumdbFixture;
  let work: string;
  let sdk: string;
  let state: string;
  let failing: StartedServer;
  const platform = (): Platform => ({ env: {}, homeDir: work, os: 'linux', arch: 'x64', now: () => Date.now() });

  before(async () => {
    fx = await startSumdbFixture();
    failing = await startHttpServer((req, res) => res.writeHead(Number(req.url!.split('/')[1])).end());
  });
  after(async () => {
    await fx?.stop();
    await failing?.close();
  });
  beforeEach(async () => {
    work = await tempDir('ged-viaproxy-');
    sdk = path.join(work, 'sdk');
    state = path.join(work, 'state');
  });
  afterEach(async () => {
    await fx.set({ zip: 'ok', note: 'ok', tiles: 'ok', fork: 'off', supported: '200' });
    await fs.rm(work, { recursive: true, force: true });
  });

  const install = (version: string, o: Partial<ModuleInstallOptions> = {}) =>
    installToolchainModule({
      version,
      dir: sdk,
      platform: platform(),
      goproxy: fx.url,
      gosumdb: fx.vkey,
      stateDir: state,
      timeouts: FAST,
      ...o,
    });

  /** Nothing of `name` may be visible or left behind in the SDK directory. */
  async function nothingInstalled(name: string): Promise<void> {
    const left = (await fs.readdir(sdk).catch(() => [] as string[])).filter(
      (n) => n.includes(name) && !n.endsWith('.lock'),
    );
    assert.deepEqual(left, [], `left in ${sdk}`);
  }

  it('installs a toolchain verified by the checksum database, laid out like the release archive', async () => {
    const r = await install('1.22.5');
    assert.equal(r.version, 'go1.22.5');
    assert.equal(r.goroot, path.join(sdk, 'go1.22.5'));
    assert.equal(r.module, `golang.org/toolchain@${MV('1.22.5')}`);
    assert.equal(r.h1, await fx.h1(MV('1.22.5')), 'our h1: equals dirhash.HashZip');
    assert.deepEqual(
      { ...r.verification, treeSize: 0, recordId: 0 },
      { database: fx.name, via: 'proxy', treeSize: 0, recordId: 0, notes: [] },
    );
    assert.equal(r.source, `${fx.url}/`);

    const goVersion = await runProcess(path.join(r.goroot, 'bin', 'go'), { args: ['version'], timeoutMs: 10_000 });
    assert.ok(goVersion.kind === 'exited' && goVersion.code === 0, JSON.stringify(goVersion));
    assert.equal(goVersion.stdout.trim(), 'go version go1.22.5 linux/amd64');
    for (const exec of ['bin/gofmt', 'pkg/tool/linux_amd64/compile'])
      assert.ok((await fs.stat(path.join(r.goroot, exec))).mode & 0o100, exec);
    assert.equal((await fs.stat(path.join(r.goroot, 'VERSION'))).mode & 0o111, 0);
    assert.equal(
      await fs.readFile(path.join(r.goroot, 'src/go.mod'), 'utf8'),
      await fs.readFile(path.join(r.goroot, 'src/_go.mod'), 'utf8'),
    );
    assert.match(await fs.readFile(path.join(r.goroot, 'VERSION'), 'utf8'), /^go1\.22\.5\n/);
    assert.match(
      describeModuleInstall(r),
      new RegExp(
        `^Installed go1\\.22\\.5 in .* from the module golang\\.org/toolchain@${MV('1.22.5').replace(/\./g, '\\.')} served by ${fx.url}/; its h1:\\S+ matches the record that the checksum database sumdb\\.fixture\\.test proved is in its signed log of [\\d,]+ records \\(reached through the GOPROXY mirror\\)\\.$`,
      ),
    );
    const marker = JSON.parse(await fs.readFile(path.join(r.goroot, '.unpacked-success'), 'utf8'));
    assert.equal(marker.h1, r.h1);
    assert.deepEqual(
      (await fs.readdir(sdk)).filter((n) => n !== 'go1.22.5' && !n.endsWith('.lock')),
      [],
      'no staging or download leftovers',
    );

    // Installed: a second run touches neither the proxy nor the database.
    const before = await fx.counts();
    const again = await install('go1.22.5', { goproxy: 'off' });
    assert.equal(again.alreadyInstalled, true);
    assert.equal(again.h1, r.h1);
    assert.deepEqual(await fx.counts(), before);
  });

  it('agrees with the real go command on the same fixture (go mod download)', async () => {
    const r = await install('1.22.5');
    const mod = path.join(work, 'mod');
    await fs.mkdir(mod);
    await fs.writeFile(path.join(mod, 'go.mod'), 'module example.test/m\n\ngo 1.19\n');
    for (const gosumdb of [fx.gosumdb, fx.vkey]) {
      const gopath = await fs.mkdtemp(path.join(work, 'gopath-'));
      const res = await runProcess('go', {
        args: ['mod', 'download', '-json', `golang.org/toolchain@${MV('1.22.5')}`],
        cwd: mod,
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: work,
          GOPATH: gopath,
          GOMODCACHE: path.join(gopath, 'modcache'),
          GOCACHE: path.join(gopath, 'cache'),
          GOPROXY: fx.url,
          GOSUMDB: gosumdb,
          GONOSUMDB: '',
          GOPRIVATE: '',
          GONOSUMCHECK: '',
          GOFLAGS: '-modcacherw',
          GOTOOLCHAIN: 'local',
        },
        timeoutMs: 60_000,
      });
      assert.ok(
        res.kind === 'exited' && res.code === 0,
        `go mod download with GOSUMDB=${gosumdb}: ${JSON.stringify(res)}`,
      );
      const info = JSON.parse(res.stdout) as { Sum: string; Dir: string; Error?: string };
      assert.equal(info.Error, undefined);
      assert.equal(info.Sum, r.h1, 'go records the same h1: we verified');
      // Same files and bytes, plus what cmd/go adds when it runs a toolchain (go.mod copies) and our marker.
      const theirs = await tree(info.Dir);
      const ours = await tree(r.goroot);
      for (const [f, h] of theirs) assert.equal(ours.get(f), h, f);
      const extra = [...ours.keys()].filter((f) => !theirs.has(f)).sort();
      assert.deepEqual(extra, ['.unpacked-success', 'src/cmd/go.mod', 'src/go.mod']);
    }
  });

  it('keeps the tree head in the one state directory the proxy features read, ignoring a relative XDG_STATE_HOME', async () => {
    const relative = `ged-relative-state-${process.pid}`;
    const p: Platform = { ...platform(), env: { XDG_STATE_HOME: relative } };
    try {
      await installToolchainModule({
        version: '1.22.5',
        dir: sdk,
        platform: p,
        goproxy: fx.url,
        gosumdb: fx.vkey,
        timeouts: FAST,
      });
      const dir = path.join(work, '.local', 'state', 'go-env-doctor', 'sumdb');
      assert.equal(sumdbStateDir(p), dir);
      await fs.access(path.join(dir, fx.name, 'latest'));
      await assert.rejects(fs.access(relative), 'nothing under the working directory');
    } finally {
      await fs.rm(relative, { recursive: true, force: true });
    }
  });

  it('refuses with toolchain.diskFull before unpacking when the SDK disk lacks room for the tree', async () => {
    let asked = '';
    await assert.rejects(
      install('1.22.5', {
        freeBytes: async (dir) => {
          asked = dir;
          return 1024;
        },
      }),
      (err: unknown) => {
        assert.ok(err instanceof DoctorError, String(err));
        assert.equal(err.code, 'toolchain.diskFull', err.message);
        assert.match(err.message, /not enough disk space to install go1\.22\.5 in /);
        return true;
      },
    );
    assert.equal(asked, sdk, 'free space is measured on the SDK directory');
    await nothingInstalled('go1.22.5');
  });

  it('refuses a zip changed by one byte (checksumMismatch) and installs nothing', async () => {
    await fx.set({ zip: 'flip' });
    const e = await rejection(install('1.22.5'));
    assert.equal(e.code, 'toolchain.checksumMismatch');
    assert.match(e.message, new RegExp(`records ${(await fx.h1(MV('1.22.5'))).replace(/[+/=]/g, '\\$&')}`));
    await nothingInstalled('go1.22.5');
    assert.deepEqual(
      await fs.readdir(path.join(sdk, '.downloads')).catch(() => []),
      [],
      'the bad bytes are not kept for a resume',
    );
  });

  const refusals: Array<[string, Record<string, string>, string, RegExp]> = [
    [
      'a tree note signed by another key',
      { note: 'otherkey' },
      'badSignature',
      /^Bad signature: .*not signed by the key of sumdb\.fixture\.test/,
    ],
    [
      'a proof that does not verify (tampered tile)',
      { tiles: 'bad' },
      'badProof',
      /^Bad proof: .*downloaded inconsistent tile/,
    ],
  ];
  for (const [what, switches, kind, message] of refusals) {
    it(`refuses ${what} (sumdbVerifyFailed) and installs nothing`, async () => {
      await fx.set(switches);
      const e = await rejection(install('1.22.5'));
      assert.equal(e.code, 'toolchain.sumdbVerifyFailed');
      assert.equal(sumdbFailureOf(e), kind);
      assert.match(e.message, message);
      await nothingInstalled('go1.22.5');
    });
  }

  it('refuses a database that forked from the saved tree head (security error) and installs nothing', async () => {
    await install('1.22.5');
    await fx.set({ fork: 'on' });
    const e = await rejection(install('1.21.0'));
    assert.equal(e.code, 'toolchain.sumdbVerifyFailed');
    assert.equal(sumdbFailureOf(e), 'inconsistent');
    assert.match(e.message, /^SECURITY ERROR/);
    assert.match(e.remedy, /fork/);
    await nothingInstalled('go1.21.0');
  });

  it('refuses GOSUMDB=off before any download, and explains', async () => {
    const before = await fx.counts();
    const e = await rejection(install('1.22.5', { gosumdb: 'off' }));
    assert.equal(e.code, 'toolchain.sumdbUnavailable');
    assert.match(e.message, /GOSUMDB=off/);
    assert.doesNotMatch(`${e.message} ${e.remedy}`, /GOSUMDB=off (go-env-doctor|\S+ install)/);
    assert.deepEqual(await fx.counts(), before);
    await nothingInstalled('go1.22.5');
  });

  it('still verifies when GONOSUMDB or GOPRIVATE match golang.org/toolchain, as cmd/go does, and says so', async () => {
    const r = await install('1.22.5', { gonosumdb: 'golang.org', goprivate: '*' });
    assert.equal(r.h1, await fx.h1(MV('1.22.5')));
    assert.equal(r.verification?.notes.length, 1);
    assert.match(r.verification!.notes[0]!, /GONOSUMDB=golang\.org matches golang\.org\/toolchain/);
  });

  it('walks GOPROXY like cmd/go: "," only past 404/410, "|" past any error, "direct" to the toolchain origin', async () => {
    const direct = { gosumdb: fx.gosumdb }; // keep the database off the failing mirror
    assert.equal(
      (await install('1.22.5', { ...direct, goproxy: `${failing.url}/404,${fx.url}` })).source,
      `${fx.url}/`,
    );
    await fs.rm(sdk, { recursive: true });
    assert.equal(
      (await install('1.22.5', { ...direct, goproxy: `${failing.url}/503|${fx.url}` })).source,
      `${fx.url}/`,
    );
    await fs.rm(sdk, { recursive: true });
    const e = await rejection(install('1.22.5', { ...direct, goproxy: `${failing.url}/503,${fx.url}` }));
    assert.equal(e.code, 'toolchain.downloadFailed');
    assert.match(e.message, /HTTP 503/);
    await nothingInstalled('go1.22.5');
    const viaDirect = await install('1.22.5', { ...direct, goproxy: `${failing.url}/410,direct`, directBase: fx.url });
    assert.equal(viaDirect.source, `${fx.url}/`);
  });

  it('downloads from a file:// GOPROXY (a module cache download directory) and still verifies', async () => {
    const cache = path.join(work, 'modcache-download');
    const at = path.join(cache, 'golang.org', 'toolchain', '@v');
    await fs.mkdir(at, { recursive: true });
    await fs.copyFile(await fx.zipPath(MV('1.22.5')), path.join(at, `${MV('1.22.5')}.zip`));
    const r = await install('1.22.5', { goproxy: pathToFileURL(cache).href, gosumdb: fx.gosumdb });
    assert.equal(r.h1, await fx.h1(MV('1.22.5')));
    const e = await rejection(install('1.21.0', { goproxy: pathToFileURL(cache).href, gosumdb: fx.gosumdb }));
    assert.equal(e.code, 'toolchain.notFound');
  });

  it('verifies a zip already on disk (verifyToolchainZip) and refuses a one-byte change', async () => {
    const zip = await fx.zipPath(MV('1.22.5'));
    const ok = await verifyToolchainZip(zip, {
      version: MV('1.22.5'),
      gosumdb: fx.vkey,
      goproxy: fx.url,
      stateDir: state,
    });
    assert.deepEqual(
      { ...ok, treeSize: 0, recordId: 0 },
      { h1: await fx.h1(MV('1.22.5')), database: fx.name, via: 'proxy', treeSize: 0, recordId: 0, notes: [] },
    );
    const copy = path.join(work, 'copy.zip');
    await fx.set({ zip: 'flip' });
    await fs.writeFile(
      copy,
      Buffer.from(await (await fetch(`${fx.url}/golang.org/toolchain/@v/${MV('1.22.5')}.zip`)).arrayBuffer()),
    );
    const e = await rejection(
      verifyToolchainZip(copy, { version: MV('1.22.5'), gosumdb: fx.vkey, goproxy: fx.url, stateDir: state }),
    );
    assert.equal(e.code, 'toolchain.checksumMismatch');
  });

  it('two installs of the same version at once: one waits for the other, both end with the toolchain', async () => {
    const [a, b] = await Promise.all([install('1.22.5'), install('1.22.5')]);
    assert.deepEqual([a.alreadyInstalled, b.alreadyInstalled].sort(), [false, true]);
    assert.equal(a.h1, b.h1);
    assert.equal(a.goroot, b.goroot);
    await fs.access(path.join(a.goroot, 'bin', 'go'));
  });

  it('stops promptly when cancelled, installing nothing and keeping the partial download', async () => {
    const ac = new AbortController();
    // A mirror that sends 20,000 bytes of the zip and then stalls.
    const stalling = await startHttpServer((req, res) => {
      http.get(`${fx.url}${req.url}`, (up) => {
        res.writeHead(up.statusCode!, up.headers);
        const body: Buffer[] = [];
        up.on('data', (b: Buffer) => body.push(b));
        up.on('end', () => res.write(Buffer.concat(body).subarray(0, 20_000)));
      });
    });
    try {
      const started = performance.now();
      const p = install('1.22.5', {
        goproxy: stalling.url,
        gosumdb: fx.gosumdb,
        signal: ac.signal,
        onProgress: (pr) => pr.bytes >= 20_000 && ac.abort(),
      });
      await assert.rejects(p, (err: Error) => err.name === 'AbortError');
      assert.ok(performance.now() - started < 3000, 'cancelled within the stall timeout');
    } finally {
      await stalling.close();
    }
    await nothingInstalled('go1.22.5');
    assert.equal(
      (await fs.stat(path.join(sdk, '.downloads', `golang.org_toolchain@${MV('1.22.5')}.zip.partial`))).size,
      20_000,
    );
  });

  it('reports a version no proxy has as toolchain.notFound', async () => {
    const e = await rejection(install('1.99.9', { gosumdb: fx.gosumdb }));
    assert.equal(e.code, 'toolchain.notFound');
    await nothingInstalled('go1.99.9');
  });

  it('reports an unreachable checksum database as sumdbUnavailable without waiting for the download', async () => {
    const dead = `${fx.vkey} http://127.0.0.1:9/db`;
    const e = await rejection(install('1.22.5', { gosumdb: dead }));
    assert.equal(e.code, 'toolchain.sumdbUnavailable');
    assert.match(e.remedy, /Do not turn the checksum database off|GOSUMDB/);
    await nothingInstalled('go1.22.5');
  });

  it('resumes a download cut midway with Range and still verifies', async () => {
    let cuts = 0;
    const ranges: string[] = [];
    const relay = await startHttpServer((req, res) => {
      const isZip = req.url!.endsWith('.zip');
      if (isZip && req.headers.range) ranges.push(req.headers.range);
      const upstream = http.get(
        `${fx.url}${req.url}`,
        { headers: req.headers.range ? { range: req.headers.range } : {} },
        (up) => {
          res.writeHead(up.statusCode!, up.headers);
          if (isZip && !req.headers.range && cuts === 0) {
            cuts++;
            // Send the first 40,000 bytes, then drop the connection.
            const body: Buffer[] = [];
            up.on('data', (b: Buffer) => body.push(b));
            up.on('end', () =>
              res.write(Buffer.concat(body).subarray(0, 40_000), () => setTimeout(() => res.destroy(), 50)),
            );
            return;
          }
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
    });
    try {
      const r = await install('1.22.5', { goproxy: relay.url, gosumdb: fx.gosumdb });
      assert.equal(cuts, 1);
      assert.deepEqual(ranges, ['bytes=40000-']);
      assert.equal(r.h1, await fx.h1(MV('1.22.5')));
      assert.ok(
        r.events.some((ev) => /closed mid-transfer|ended after byte 40000/.test(ev)),
        r.events.join('\n'),
      );
    } finally {
      await relay.close();
    }
  });

  it('keeps a partial download across runs, resumes it, and starts over when kept bytes are bad', async () => {
    const partial = path.join(sdk, '.downloads', `golang.org_toolchain@${MV('1.22.5')}.zip.partial`);
    // Run 1: the only mirror cuts every transfer at 30,000 bytes and refuses ranges: it fails, keeping the bytes.
    const stingy = await startHttpServer((req, res) => {
      if (req.headers.range) return void res.writeHead(503).end();
      http.get(`${fx.url}${req.url}`, (up) => {
        res.writeHead(up.statusCode!, up.headers);
        const body: Buffer[] = [];
        up.on('data', (b: Buffer) => body.push(b));
        up.on('end', () =>
          res.write(Buffer.concat(body).subarray(0, 30_000), () => setTimeout(() => res.destroy(), 20)),
        );
      });
    });
    try {
      const e = await rejection(install('1.22.5', { goproxy: stingy.url, gosumdb: fx.gosumdb }));
      assert.equal(e.code, 'toolchain.downloadFailed');
      assert.match(e.remedy, /resumes from there/);
    } finally {
      await stingy.close();
    }
    assert.equal((await fs.stat(partial)).size, 30_000);
    await nothingInstalled('go1.22.5');

    // Run 2 (a new process as far as the installer knows): resumes at byte 30,000.
    const r = await install('1.22.5', { gosumdb: fx.gosumdb });
    assert.ok(
      r.events.some((ev) => /resuming the 30000 bytes kept/.test(ev)),
      r.events.join('\n'),
    );
    assert.equal(r.h1, await fx.h1(MV('1.22.5')));
    await assert.rejects(fs.access(partial));

    // Kept bytes that are wrong: the resumed zip fails verification, so it is fetched again from byte 0.
    await fs.rm(path.join(sdk, 'go1.22.5'), { recursive: true });
    await fs.mkdir(path.dirname(partial), { recursive: true });
    await fs.writeFile(partial, Buffer.alloc(20_000, 0x55));
    const again = await install('1.22.5', { gosumdb: fx.gosumdb });
    assert.ok(
      again.events.some((ev) => /downloading it again from byte 0/.test(ev)),
      again.events.join('\n'),
    );
    assert.equal(again.h1, r.h1);
  });

  describe('installToolchain (archive first, GOPROXY when the release index cannot be read)', () => {
    let refused: string;
    before(async () => {
      refused = `http://127.0.0.1:${await refusedPort()}/dl/`;
    });
    /** A GOROOT whose go.env (Go 1.21+) holds defaults, as the go command reads them. */
    async function gorootWithGoEnv(lines: string): Promise<string> {
      const goroot = path.join(work, 'goroot');
      await fs.mkdir(goroot, { recursive: true });
      await fs.writeFile(path.join(goroot, 'go.env'), lines);
      return goroot;
    }
    const anyOpts = (
      o: Partial<ToolchainInstallOptions> & { env?: NodeJS.ProcessEnv } = {},
    ): ToolchainInstallOptions => {
      const { env, ...rest } = o;
      return {
        version: '1.22.5',
        dir: sdk,
        dlBases: [refused],
        platform: { ...platform(), env: env ?? {} },
        stateDir: state,
        timeouts: FAST,
        ...rest,
      };
    };

    it('reads GOPROXY/GOSUMDB like the go command ($GOROOT/go.env here), falls back, and later reports the install as the module', async () => {
      const goroot = await gorootWithGoEnv(`GOPROXY=${fx.url}\nGOSUMDB=${fx.vkey}\n`);
      const notices: FallbackNotice[] = [];
      const r = await installToolchain(anyOpts({ env: { GOROOT: goroot }, onFallback: (n) => notices.push(n) }));
      assert.ok(r.via === 'proxy', r.via);
      assert.equal(r.h1, await fx.h1(MV('1.22.5')));
      assert.equal(r.description, describeModuleInstall(r));
      assert.match(r.fallbackFrom ?? '', /^The Go release index could not be read from any official source/);
      assert.deepEqual(r.goproxy, { value: fx.url, source: 'default' });
      assert.deepEqual(
        notices.map((n) => [n.reason.code, n.goproxy.value, n.database]),
        [['toolchain.indexUnavailable', fx.url, fx.name]],
      );

      // Installed: the archive path finds it offline, and the marker says it came from the module.
      const before = await fx.counts();
      const again = await installToolchain(anyOpts({ env: { GOROOT: goroot } }));
      assert.deepEqual([again.via, again.alreadyInstalled, again.via === 'proxy' && again.h1], ['proxy', true, r.h1]);
      assert.deepEqual(await fx.counts(), before);
    });

    it('lets the go env file override $GOROOT/go.env and an explicit setting override both', async () => {
      const goroot = await gorootWithGoEnv(`GOPROXY=${fx.url}\nGOSUMDB=${fx.vkey}\n`);
      await fs.mkdir(path.join(work, '.config', 'go'), { recursive: true });
      await fs.writeFile(path.join(work, '.config', 'go', 'env'), 'GOSUMDB=off\n');
      const e = await rejection(installToolchain(anyOpts({ env: { GOROOT: goroot } })));
      assert.equal(e.code, 'toolchain.sumdbUnavailable');
      assert.match(e.message, /^The Go release index could not be read .* instead failed too: GOSUMDB=off/);
      await nothingInstalled('go1.22.5');
      const r = await installToolchain(anyOpts({ env: { GOROOT: goroot }, goSettings: { gosumdb: fx.vkey } }));
      assert.deepEqual([r.via, r.via === 'proxy' && r.gosumdb?.source], ['proxy', 'option']);
    });

    it('viaProxy: true skips the release index; a tampered zip is refused the same way either path', async () => {
      const r = await installToolchain(anyOpts({ viaProxy: true, goSettings: { goproxy: fx.url, gosumdb: fx.vkey } }));
      assert.deepEqual([r.via, r.via === 'proxy' && r.fallbackFrom], ['proxy', undefined]);
      await fx.set({ zip: 'flip' });
      const e = await rejection(
        installToolchain(anyOpts({ version: '1.21.0', goSettings: { goproxy: fx.url, gosumdb: fx.vkey } })),
      );
      assert.equal(e.code, 'toolchain.checksumMismatch');
      await nothingInstalled('go1.21.0');
    });
  });
});

describe('module zip unpacking rules', () => {
  let work: string;
  beforeEach(async () => {
    work = await tempDir('ged-modzip-');
  });
  afterEach(() => fs.rm(work, { recursive: true, force: true }));

  const P = 'golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/';
  async function unpack(entries: Parameters<typeof zipArchive>[0]): Promise<unknown> {
    const zip = path.join(work, 'm.zip');
    await fs.writeFile(zip, zipArchive(entries));
    const root = path.join(work, 'root');
    await fs.mkdir(root, { recursive: true });
    try {
      return await extractModuleZip(zip, root, { prefix: P, goos: 'linux', hash: true });
    } catch (err) {
      return err;
    }
  }

  it('refuses entries outside the module prefix, links and traversal', async () => {
    for (const [entries, reason] of [
      [
        [
          { name: `${P}bin/go`, data: Buffer.from('x') },
          { name: 'golang.org/toolchain@v0.0.1-go1.21.0.linux-amd64/bin/go', data: Buffer.from('x') },
        ],
        /outside the archive root/,
      ],
      [[{ name: `${P}bin/go`, data: Buffer.from('/etc/passwd'), mode: 0o120777 }], /symbolic link/],
      [[{ name: `${P}../../evil`, data: Buffer.from('x') }], /".." path component/],
      [
        [
          { name: `${P}a/go.mod`, data: Buffer.from('x') },
          { name: `${P}a/_go.mod`, data: Buffer.from('y') },
        ],
        /duplicate entry/,
      ],
    ] as const) {
      const err = await unpack(entries as never);
      assert.ok(err instanceof UnsafeArchiveError, String(err));
      assert.match(err.message, reason);
      assert.deepEqual(await fs.readdir(work).then((n) => n.sort()), ['m.zip', 'root']);
    }
  });

  it('marks the files cmd/go makes executable', () => {
    for (const p of ['bin/go', 'bin/gofmt', 'pkg/tool/linux_amd64/compile', 'lib/wasm/go_js_wasm_exec'])
      assert.ok(isToolchainExecutable(p.split('/')), p);
    for (const p of [
      'VERSION',
      'bin',
      'pkg/tool',
      'src/cmd/go/main.go',
      'lib/time/zoneinfo.zip',
      'pkg/include/textflag.h',
    ])
      assert.ok(!isToolchainExecutable(p.split('/')), p);
  });
});
