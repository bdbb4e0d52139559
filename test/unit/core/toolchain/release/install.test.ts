// installToolchainRelease in-process against a local release host the test controls: resume with
// Range, servers that ignore Range, stalls, failing and tampering mirrors, cancellation, kept
// partial downloads, stale leftovers, unsafe archives, Windows zips, and the stage-verify-commit
// API the module-zip installer shares.
import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DoctorError, isAbortError } from '../../../../../src/core/errors';
import type { Platform } from '../../../../../src/core/platform';
import { listInstalledToolchains } from '../../../../../src/core/toolchain/catalog';
import { stageAndCommit } from '../../../../../src/core/toolchain/commit';
import { installToolchainRelease, type InstallOptions } from '../../../../../src/core/toolchain/release/install';
import type { InstallProgress } from '../../../../../src/core/toolchain/progress';
import { TreeWriter } from '../../../../../src/core/toolchain/archive/treeWriter';
import { DownloadServer, type ServedFile } from '../../../../support/downloadServer';
import { startConnectProxy } from '../../../../support/servers';
import {
  archiveEntry,
  fakeToolchainTarGzBuffer,
  goodRawEntries,
  gzip,
  rawTar,
  releaseIndex,
  sha256,
  moduleZip,
  zipArchive,
} from '../../../../support/toolchainArchive';

const NAME = 'go1.22.5';
const TIMEOUTS = { retryBaseMs: 20, retryMaxMs: 100, stallMs: 400, headersMs: 3000, connectMs: 3000, lockPollMs: 20 };

describe('toolchain install', function () {
  this.timeout(20_000);
  let tmp: string;
  let sdk: string;
  let server: DownloadServer;
  let tgz: Buffer;
  let filePath: string;
  let platform: Platform;

  before(async () => {
    tgz = await fakeToolchainTarGzBuffer({ name: NAME, randomBytes: 1_000_000 });
  });

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-install-'));
    sdk = path.join(tmp, 'sdk');
    platform = { env: {}, homeDir: tmp, os: 'linux', arch: 'x64', now: Date.now };
    server = await DownloadServer.start();
    const entry = archiveEntry(NAME, tgz);
    filePath = `/dl/${entry.filename}`;
    server.setIndex('/dl/', releaseIndex([{ version: NAME, files: [entry] }]));
  });

  afterEach(async () => {
    await server.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  function serve(file: Partial<ServedFile> = {}, at = filePath): void {
    server.serve(at, { data: tgz, ...file });
  }

  function install(o: Partial<InstallOptions> = {}) {
    return installToolchainRelease({
      version: NAME,
      dir: sdk,
      dlBases: [`${server.url}/dl/`],
      platform,
      timeouts: TIMEOUTS,
      ...o,
    });
  }

  /** Requests for the file, without the one-byte probes that ask whether a source serves ranges. */
  function downloadsOf(p: string) {
    return server.requestsFor(p).filter((r) => r.range !== 'bytes=0-0');
  }

  async function goVersion(goroot: string): Promise<string> {
    return (await promisify(execFile)(path.join(goroot, 'bin', 'go'), ['version'])).stdout.trim();
  }

  /** The SDK dir holds exactly these names (no staging, lock or set-aside leftovers). */
  async function sdkNames(): Promise<string[]> {
    return (await fs.readdir(sdk).catch(() => [])).sort();
  }

  async function codeOf(p: Promise<unknown>): Promise<string> {
    try {
      await p;
      return 'resolved';
    } catch (err) {
      return err instanceof DoctorError ? err.code : isAbortError(err) ? 'AbortError' : String(err);
    }
  }

  it('installs a verified toolchain that runs, with the marker written and nothing left over', async () => {
    serve();
    const r = await install({ version: 'latest' });
    assert.equal(r.version, NAME);
    assert.equal(r.goroot, path.join(sdk, NAME));
    assert.equal(r.sha256, sha256(tgz));
    assert.equal(r.bytes, tgz.length);
    assert.equal(r.alreadyInstalled, false);
    assert.equal(await goVersion(r.goroot), 'go version go1.22.5 linux/amd64');
    const marker = JSON.parse(await fs.readFile(path.join(r.goroot, '.unpacked-success'), 'utf8'));
    assert.equal(marker.sha256, sha256(tgz));
    assert.deepEqual(await sdkNames(), [NAME]);
  });

  it('does not download (or even fetch the index) when the version is already installed', async () => {
    serve();
    await install();
    const before = server.requests.length;
    const again = await install({ version: '1.22.5' });
    assert.equal(again.alreadyInstalled, true);
    assert.equal(again.sha256, sha256(tgz));
    assert.equal(server.requests.length, before);
  });

  it('resumes a connection cut mid-body with Range and a matching 206', async () => {
    serve({ faults: [{ cutAfter: 400_000 }] });
    const r = await install();
    const reqs = server.requestsFor(filePath);
    assert.equal(reqs.length, 2);
    assert.equal(reqs[0]!.range, undefined);
    const m = /^bytes=(\d+)-$/.exec(reqs[1]!.range ?? '');
    assert.ok(m, `second request must carry Range, got ${reqs[1]!.range}`);
    assert.ok(Number(m[1]) > 0 && Number(m[1]) <= 400_000);
    assert.equal(reqs[1]!.status, 206);
    assert.equal(reqs[1]!.bytesSent, tgz.length - Number(m[1]), 'the retry transfers only the rest');
    assert.equal(await goVersion(r.goroot), 'go version go1.22.5 linux/amd64');
  });

  it('restarts from byte 0 (never appends) when the server ignores Range', async () => {
    serve({ ignoreRange: true, faults: [{ cutAfter: 400_000 }] });
    const r = await install();
    const reqs = server.requestsFor(filePath);
    assert.equal(reqs.length, 2);
    assert.match(reqs[1]!.range ?? '', /^bytes=\d+-$/);
    assert.equal(reqs[1]!.status, 200);
    assert.equal(reqs[1]!.bytesSent, tgz.length);
    assert.equal(r.sha256, sha256(tgz));
    assert.ok(
      r.events.some((e) => /ignored the Range request/.test(e)),
      r.events.join('\n'),
    );
  });

  it('treats a stalled body as a timeout and retries with backoff, resuming', async () => {
    serve({ faults: [{ stallAfter: 300_000 }] });
    const t0 = Date.now();
    await install();
    assert.ok(Date.now() - t0 >= TIMEOUTS.stallMs, 'waited for the stall timeout');
    const reqs = server.requestsFor(filePath);
    assert.equal(reqs.length, 2);
    assert.equal(reqs[1]!.status, 206);
    assert.equal(reqs[1]!.range, 'bytes=300000-');
  });

  it('falls back from a failing mirror and a tampering mirror to the official host', async () => {
    const tampered = Buffer.from(tgz);
    tampered[tampered.length - 100]! ^= 0xff;
    serve({ faults: Array.from({ length: 10 }, () => ({ status: 503 })) }, `/m1/${path.basename(filePath)}`);
    serve({ data: tampered }, `/m2/${path.basename(filePath)}`);
    serve();
    const r = await install({ mirrors: [`${server.url}/m1/`, `${server.url}/m2`, `${server.url}/m3/`] });
    assert.equal(r.source, `${server.url}${filePath}`);
    assert.equal(
      downloadsOf(`/m1/${path.basename(filePath)}`).length,
      4,
      '503 is retried, then the mirror is given up',
    );
    assert.equal(server.requestsFor(`/m3/${path.basename(filePath)}`)[0]!.status, 404);
    assert.ok(
      r.events.some((e) => /m2\/.* served bytes with SHA-256/.test(e)),
      r.events.join('\n'),
    );
    assert.equal(await goVersion(r.goroot), 'go version go1.22.5 linux/amd64');
  });

  it('drops a mirror that drips bytes too slowly for the next source, and says why', async () => {
    // About 2 KB/s, each piece well inside the stall timeout: without a throughput rule, 1 MB at this
    // pace outlasts the test's timeout.
    serve({ bytesPerSec: 2_000 }, `/slow/${path.basename(filePath)}`);
    serve();
    const r = await install({
      mirrors: [`${server.url}/slow/`],
      timeouts: { ...TIMEOUTS, stallMs: 5_000, minBytesPerSec: 50_000, throughputWindowMs: 300 },
    });
    assert.equal(r.source, `${server.url}${filePath}`);
    assert.equal(downloadsOf(`/slow/${path.basename(filePath)}`).length, 1, 'a slow source is not retried');
    assert.ok(
      r.events.some((e) => /slow\/.*: delivered \d+ bytes in 0\.3 s, below the minimum of 50 KB\/s/.test(e)),
      r.events.join('\n'),
    );
    assert.equal(await goVersion(r.goroot), 'go version go1.22.5 linux/amd64');
  });

  it('never installs bytes that do not match the official SHA-256', async () => {
    const tampered = Buffer.from(tgz);
    tampered[5000]! ^= 0x01;
    serve({ data: tampered });
    const err = await install().catch((e: unknown) => e);
    assert.ok(err instanceof DoctorError);
    assert.equal(err.code, 'toolchain.checksumMismatch');
    assert.match(err.message, new RegExp(sha256(tgz)));
    assert.deepEqual(
      (await sdkNames()).filter((n) => n !== '.downloads'),
      [],
    );
  });

  it('reports toolchain.downloadFailed when no source has the file, keeping what it got', async () => {
    serve({ faults: [{ cutAfter: 200_000 }, { status: 404 }] });
    const err = await install().catch((e: unknown) => e);
    assert.ok(err instanceof DoctorError, String(err));
    assert.equal(err.code, 'toolchain.downloadFailed');
    assert.match(err.message, /HTTP 404/);
    // A cut connection may lose what was still in flight: whatever arrived is kept and reported.
    const kept = (await fs.stat(path.join(sdk, '.downloads', `${sha256(tgz)}.partial`))).size;
    assert.ok(kept > 100_000 && kept <= 200_000, String(kept));
    assert.match(err.remedy, new RegExp(`The ${kept} bytes received so far are kept`));
    assert.deepEqual(await sdkNames(), ['.downloads']);
  });

  it('resumes from a partial file a previous run left, after re-hashing it', async () => {
    serve();
    await fs.mkdir(path.join(sdk, '.downloads'), { recursive: true });
    await fs.writeFile(path.join(sdk, '.downloads', `${sha256(tgz)}.partial`), tgz.subarray(0, 600_000));
    const r = await install();
    const reqs = server.requestsFor(filePath);
    assert.equal(reqs.length, 1);
    assert.equal(reqs[0]!.range, 'bytes=600000-');
    assert.equal(reqs[0]!.bytesSent, tgz.length - 600_000);
    assert.equal(await goVersion(r.goroot), 'go version go1.22.5 linux/amd64');
    await assert.rejects(fs.stat(path.join(sdk, '.downloads')), /ENOENT/, 'the partial is removed after success');
  });

  it('discards a corrupt partial file: the mismatch triggers one clean download', async () => {
    serve();
    await fs.mkdir(path.join(sdk, '.downloads'), { recursive: true });
    await fs.writeFile(path.join(sdk, '.downloads', `${sha256(tgz)}.partial`), Buffer.alloc(600_000, 7));
    const r = await install();
    const reqs = server.requestsFor(filePath);
    assert.deepEqual(
      reqs.map((q) => q.range),
      ['bytes=600000-', undefined],
    );
    assert.equal(r.sha256, sha256(tgz));
  });

  it('reports progress with bytes, total, speed, ETA and source', async () => {
    serve({ bytesPerSec: 2_000_000 });
    const seen: InstallProgress[] = [];
    await install({ onProgress: (p) => seen.push(p) });
    assert.ok(seen.length >= 3, `only ${seen.length} progress events`);
    const last = seen.at(-1)!;
    assert.equal(last.bytes, tgz.length);
    assert.equal(last.total, tgz.length);
    assert.equal(last.source, `${server.url}${filePath}`);
    assert.ok(seen.some((p) => p.bytesPerSec > 0 && p.etaSec !== undefined));
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i]!.bytes >= seen[i - 1]!.bytes);
  });

  it('stops promptly on cancel, removes staging and lock, keeps the partial; the next run resumes', async () => {
    serve({ bytesPerSec: 500_000 });
    const ac = new AbortController();
    const p = install({ signal: ac.signal });
    await server.waitUntil(() => server.bytesSent(filePath) > 200_000);
    const t0 = Date.now();
    ac.abort();
    assert.equal(await codeOf(p), 'AbortError');
    assert.ok(Date.now() - t0 < 500, `cancel took ${Date.now() - t0} ms`);
    assert.deepEqual(await sdkNames(), ['.downloads']);
    const kept = (await fs.stat(path.join(sdk, '.downloads', `${sha256(tgz)}.partial`))).size;
    assert.ok(kept > 0);
    serve();
    await install();
    assert.equal(server.requestsFor(filePath).at(-1)!.range, `bytes=${kept}-`);
  });

  it('refuses an archive with an unsafe entry even when its hash matches the index', async () => {
    const evil = gzip(rawTar([...goodRawEntries(NAME), { name: 'go/bin/evil', type: '2', linkname: '/etc/passwd' }]));
    server.setIndex('/dl/', releaseIndex([{ version: NAME, files: [archiveEntry(NAME, evil)] }]));
    serve({ data: evil });
    const err = await install().catch((e: unknown) => e);
    assert.ok(err instanceof DoctorError, String(err));
    assert.equal(err.code, 'toolchain.unsafeArchive');
    assert.match(err.message, /symbolic link/);
    assert.deepEqual(
      (await sdkNames()).filter((n) => n !== '.downloads'),
      [],
    );
  });

  it('prefers the checksum verdict: an unsafe archive from a mirror is a mismatch and the official file is used', async () => {
    const evil = gzip(rawTar([{ name: '../../escape', data: Buffer.from('x') }]));
    serve({ data: evil }, `/evil/${path.basename(filePath)}`);
    serve();
    const r = await install({ mirrors: [`${server.url}/evil/`] });
    assert.equal(r.source, `${server.url}${filePath}`);
    await assert.rejects(fs.stat(path.join(tmp, 'escape')), /ENOENT/);
  });

  it('cleans stale staging and a dead process lock, and replaces an incomplete earlier unpack', async () => {
    serve();
    await fs.mkdir(path.join(sdk, `.${NAME}.staging-abc123`, 'bin'), { recursive: true });
    await fs.writeFile(path.join(sdk, `.${NAME}.staging-abc123`, 'bin', 'go'), 'half');
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.on('exit', r));
    await fs.writeFile(
      path.join(sdk, `.${NAME}.lock`),
      JSON.stringify({ pid: child.pid, host: os.hostname(), since: Date.now(), token: 't' }),
    );
    await fs.mkdir(path.join(sdk, NAME, 'bin'), { recursive: true });
    await fs.writeFile(path.join(sdk, NAME, 'bin', 'go'), 'interrupted unpack without marker');
    await fs.mkdir(path.join(sdk, 'go1.21.0', 'bin'), { recursive: true });
    await fs.writeFile(path.join(sdk, 'go1.21.0', 'bin', 'go'), '#!/bin/sh\n');
    await fs.writeFile(path.join(sdk, 'go1.21.0', '.unpacked-success'), '');
    const r = await install();
    assert.equal(await goVersion(r.goroot), 'go version go1.22.5 linux/amd64');
    assert.deepEqual(await sdkNames(), ['go1.21.0', NAME]);
    const listed = await listInstalledToolchains(sdk);
    assert.deepEqual(
      listed.map((t) => [t.name, t.complete, t.marker?.sha256 ?? null]),
      [
        [NAME, true, sha256(tgz)],
        ['go1.21.0', true, null],
      ],
    );
  });

  it('two concurrent installs of one version: one waits, one downloads, both end valid', async () => {
    serve({ bytesPerSec: 4_000_000 });
    let waited = 0;
    const [a, b] = await Promise.all([install({ onWait: () => waited++ }), install({ onWait: () => waited++ })]);
    assert.equal(waited, 1);
    assert.deepEqual([a.alreadyInstalled, b.alreadyInstalled].sort(), [false, true]);
    assert.equal(server.requestsFor(filePath).length, 1);
    assert.equal(await goVersion(a.goroot), 'go version go1.22.5 linux/amd64');
  });

  it('installs Windows zip archives after verifying them', async () => {
    const zip = zipArchive([
      { name: 'go/', mode: 0o040755 },
      { name: 'go/bin/', mode: 0o040755 },
      { name: 'go/bin/go.exe', data: Buffer.from('MZ not really'), mode: 0o100755 },
      { name: 'go/VERSION', data: Buffer.from(`${NAME}\n`) },
    ]);
    const entry = archiveEntry(NAME, zip, 'windows', 'amd64');
    server.setIndex('/dl/', releaseIndex([{ version: NAME, files: [entry] }]));
    server.serve(`/dl/${entry.filename}`, { data: zip, faults: [{ cutAfter: 100 }] });
    const r = await install({ platform: { ...platform, os: 'win32' } });
    assert.equal(await fs.readFile(path.join(r.goroot, 'bin', 'go.exe'), 'utf8'), 'MZ not really');
    assert.equal(server.requestsFor(`/dl/${entry.filename}`)[1]!.range, 'bytes=100-');
  });

  it('unpacks a Windows zip while it downloads: half way, files are already in staging', async () => {
    const files = Array.from({ length: 120 }, (_, i) => ({
      name: `go/src/p/f${i}.go`,
      data: randomBytes(4000),
      descriptor: true,
    }));
    const { zip } = moduleZip([
      { name: 'go/' },
      { name: 'go/bin/go.exe', data: Buffer.from('MZ not really'), descriptor: true },
      ...files,
    ]);
    const entry = archiveEntry(NAME, zip, 'windows', 'amd64');
    server.setIndex('/dl/', releaseIndex([{ version: NAME, files: [entry] }]));
    server.serve(`/dl/${entry.filename}`, { data: zip, bytesPerSec: 2_000_000 });
    let unpackedAtHalf = 0;
    const r = await install({
      platform: { ...platform, os: 'win32' },
      checkpoint: async (name) => {
        if (name !== 'downloading') return;
        const staging = (await fs.readdir(sdk)).find((n) => n.includes('staging'))!;
        unpackedAtHalf = (await fs.readdir(path.join(sdk, staging, 'src', 'p')).catch(() => [])).length;
      },
    });
    assert.ok(unpackedAtHalf > 10 && unpackedAtHalf < files.length, `${unpackedAtHalf} files at half`);
    assert.equal((await fs.readdir(path.join(r.goroot, 'src', 'p'))).length, files.length);
  });

  it('refuses a verified zip whose central directory lists an entry the stream did not hold', async () => {
    const built = moduleZip([
      { name: 'go/' },
      { name: 'go/bin/go.exe', data: Buffer.from('MZ not really') },
      { name: 'go/VERSION', data: Buffer.from(`${NAME}\n`) },
    ]);
    const zip = Buffer.from(built.zip);
    zip.writeUInt32LE(built.entries[1]!.dataOffset, built.entries[2]!.centralOffset + 42);
    const entry = archiveEntry(NAME, zip, 'windows', 'amd64');
    server.setIndex('/dl/', releaseIndex([{ version: NAME, files: [entry] }]));
    server.serve(`/dl/${entry.filename}`, { data: zip });
    const err = await install({ platform: { ...platform, os: 'win32' } }).catch((e: unknown) => e);
    assert.ok(err instanceof DoctorError, String(err));
    assert.equal(err.code, 'toolchain.unsafeArchive');
    assert.match(err.message, /central directory/);
    assert.deepEqual(
      (await sdkNames()).filter((n) => n !== '.downloads'),
      [],
    );
  });

  it('reaches a mirror through HTTP_PROXY from platform.env (Go rules: loopback is never proxied)', async () => {
    const proxy = await startConnectProxy({ auth: { user: 'u', pass: 'p@ss' } });
    try {
      serve({}, `/m/${path.basename(filePath)}`);
      const mirror = `http://mirror.test:${new URL(server.url).port}/m/`;
      const r = await install({
        mirrors: [mirror],
        platform: { ...platform, env: { HTTP_PROXY: `http://u:p%40ss@127.0.0.1:${proxy.port}` } },
      });
      assert.equal(r.source, `${mirror}${path.basename(filePath)}`);
      assert.ok(
        proxy.requests.some((u) => u.includes('mirror.test')),
        proxy.requests.join(' '),
      );
      assert.ok(!proxy.requests.some((u) => u.includes('127.0.0.1')), 'the loopback index must be fetched directly');
      assert.ok(proxy.authHeaders.every((h) => h === `Basic ${Buffer.from('u:p@ss').toString('base64')}`));
    } finally {
      await proxy.close();
    }
  });

  it('maps a version the index lacks to toolchain.notFound and an unreachable index to indexUnavailable', async () => {
    serve();
    assert.equal(await codeOf(install({ version: '1.99.0' })), 'toolchain.notFound');
    assert.equal(await codeOf(install({ version: 'not-a-version' })), 'toolchain.notFound');
    assert.equal(await codeOf(install({ dlBases: [`${server.url}/nothing/`] })), 'toolchain.indexUnavailable');
  });

  describe('stageAndCommit (shared with the module-zip installer)', () => {
    it('commits what populate wrote, with the marker, atomically', async () => {
      const r = await stageAndCommit({
        dir: sdk,
        name: 'go1.23.0',
        populate: async ({ root }) => {
          assert.match(path.basename(root), /^\.go1\.23\.0\.staging-/);
          await assert.rejects(fs.stat(path.join(sdk, 'go1.23.0')), /ENOENT/, 'nothing visible while staging');
          const w = new TreeWriter(root);
          const f = w.file(['bin', 'go'], { mode: 0o755, size: 3 });
          f.write(Buffer.from('abc'));
          f.end();
          await w.finish();
          return {
            h1: 'h1:abc=',
            source: 'https://proxy.test/golang.org/toolchain/@v/v0.0.1-go1.23.0.linux-amd64.zip',
          };
        },
      });
      assert.equal(r.alreadyInstalled, false);
      assert.equal(r.marker?.h1, 'h1:abc=');
      assert.equal(await fs.readFile(path.join(sdk, 'go1.23.0', 'bin', 'go'), 'utf8'), 'abc');
      assert.deepEqual(await sdkNames(), ['go1.23.0']);
    });

    it('commits nothing when populate fails (verification failed) and removes the staging directory', async () => {
      await assert.rejects(
        stageAndCommit({
          dir: sdk,
          name: 'go1.23.0',
          populate: async ({ root }) => {
            await fs.mkdir(path.join(root, 'bin'));
            await fs.writeFile(path.join(root, 'bin', 'go'), 'x');
            throw new Error('h1 mismatch');
          },
        }),
        /h1 mismatch/,
      );
      assert.deepEqual(await sdkNames(), []);
    });
  });
});
