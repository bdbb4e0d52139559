// `go-env-doctor install` as a real child process against a local release host: JSON and exit
// codes, resume across a killed process, crashes at every checkpoint, two processes installing
// the same version, Ctrl+C, a really full disk (a 1 MiB tmpfs in a private mount namespace) and
// a really denied permission (running as `nobody`, since root ignores file modes).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DownloadServer } from '../../support/downloadServer';
import { archiveEntry, fakeToolchainTarGzBuffer, releaseIndex, sha256 } from '../../support/toolchainArchive';
import { installArgv, runInstall, spawnInstall, type InstallRun } from '../../support/toolchainCli';
import { CLI } from '../../support/cli';
import { UsageError } from '../../../src/cli/args';
import { installCommand } from '../../../src/cli/install';
import type { CliIO } from '../../../src/cli/io';
import type { Finding } from '../../../src/core/findings';

const NAME = 'go1.22.5';
const run = promisify(execFile);

describe('go-env-doctor install (CLI)', function () {
  this.timeout(30_000);
  let tgz: Buffer;
  let tmp: string;
  let sdk: string;
  let server: DownloadServer;
  let filePath: string;

  before(async () => {
    tgz = await fakeToolchainTarGzBuffer({ name: NAME, randomBytes: 2_000_000 });
    await installArgv(); // build (or pick) the CLI once, outside the per-test timings
  });

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-cli-'));
    sdk = path.join(tmp, 'sdk');
    server = await DownloadServer.start();
    const entry = archiveEntry(NAME, tgz);
    filePath = `/dl/${entry.filename}`;
    server.setIndex('/dl/', releaseIndex([{ version: NAME, files: [entry] }]));
  });

  afterEach(async () => {
    await server.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const args = (...extra: string[]) => [NAME, '--dir', sdk, '--dl-base', `${server.url}/dl/`, ...extra];
  const partial = () => path.join(sdk, '.downloads', `${sha256(tgz)}.partial`);
  const json = (r: InstallRun) =>
    JSON.parse(r.stdout) as Record<string, unknown> & { finding?: Record<string, unknown> };

  async function names(dir = sdk): Promise<string[]> {
    return (await fs.readdir(dir).catch(() => [])).sort();
  }

  async function goVersion(): Promise<string> {
    return (await run(path.join(sdk, NAME, 'bin', 'go'), ['version'])).stdout.trim();
  }

  /** A complete older toolchain that every failure must leave intact. */
  async function oldInstall(dir = sdk): Promise<void> {
    await fs.mkdir(path.join(dir, 'go1.21.0', 'bin'), { recursive: true });
    await fs.writeFile(path.join(dir, 'go1.21.0', 'bin', 'go'), '#!/bin/sh\necho "go version go1.21.0 linux/amd64"\n', {
      mode: 0o755,
    });
    await fs.writeFile(path.join(dir, 'go1.21.0', '.unpacked-success'), '');
  }

  it('installs and prints one JSON document with ok, version, goroot, sha256, bytes, source', async () => {
    server.serve(filePath, { data: tgz });
    const r = await runInstall(args('--json'));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(json(r), {
      ok: true,
      version: NAME,
      goroot: path.join(sdk, NAME),
      via: 'archive',
      sha256: sha256(tgz),
      bytes: tgz.length,
      source: `${server.url}${filePath}`,
      alreadyInstalled: false,
      verified: true,
    });
    assert.equal(r.stderr, '', 'no progress when stderr is not a terminal');
    assert.equal(await goVersion(), 'go version go1.22.5 linux/amd64');
    const again = await runInstall(args('--json'));
    assert.equal(again.code, 0);
    assert.equal(json(again).alreadyInstalled, true);
    assert.equal(json(again).verified, true);
  });

  it('exits 2 on a usage error (child process)', async () => {
    const r = await runInstall(['1.22.x']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /"1\.22\.x" is not a Go version/);
  });

  describe('in-process (installCommand with a captured CliIO)', () => {
    async function cli(
      argv: string[],
      o: { tty?: boolean } = {},
    ): Promise<{ code: number | string; stdout: string; stderr: string }> {
      let stdout = '';
      let stderr = '';
      const io: CliIO = {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        stdoutIsTTY: false,
        stderrIsTTY: o.tty ?? false,
        cwd: tmp,
        platform: { env: { GOPROXY: 'off' }, homeDir: tmp, os: 'linux', arch: 'x64', now: Date.now },
      };
      try {
        return { code: await installCommand(argv, io, new AbortController().signal), stdout, stderr };
      } catch (err) {
        return { code: err instanceof UsageError ? `usage: ${err.message}` : String(err), stdout, stderr };
      }
    }

    it('refuses bad usage before touching the network', async () => {
      for (const [bad, re] of [
        [[], /needs a version/],
        [['1.22.5', '1.22.6'], /one version/],
        [['1.22.x'], /not a Go version/],
        [['1.22.5', '--bogus'], /unknown option --bogus/],
        [['1.22.5', '--dl-base', 'http://dl.example.test/'], /must use https/],
        [['1.22.5', '--mirror', 'ftp://m.test/'], /http:\/\/ or https:\/\//],
        [['1.22.5', '--dir'], /--dir needs a value/],
      ] as const) {
        const r = await cli([...bad]);
        assert.match(String(r.code), re, bad.join(' '));
      }
      assert.equal(server.requests.length, 0);
    });

    it('reports a failure as exit 1 with one finding (JSON) or a readable message (text)', async () => {
      const r = await cli(['1.99.0', '--json', '--dir', 'sdk', '--dl-base', `${server.url}/dl/`]);
      assert.equal(r.code, 1);
      const doc = JSON.parse(r.stdout) as { ok: boolean; finding: Finding };
      assert.equal(doc.ok, false);
      assert.equal(doc.finding.id, 'toolchain.notFound');
      assert.equal(doc.finding.severity, 'error');
      assert.equal(doc.finding.title, 'Go release not found');
      assert.match(
        doc.finding.detail,
        /go1\.99\.0 is not in the Go release index.*newest stable release is go1\.22\.5/,
      );
      const text = await cli(['1.99.0', '--dir', 'sdk', '--dl-base', `${server.url}/dl/`]);
      assert.equal(text.code, 1);
      assert.equal(text.stdout, '');
      assert.match(text.stderr, /✗ Go release not found\n {2}go1\.99\.0 is not in/);
      const down = await cli(['1.22.5', '--json', '--dir', 'sdk', '--dl-base', `${server.url}/nothing/`]);
      assert.equal((JSON.parse(down.stdout) as { finding: Finding }).finding.id, 'toolchain.indexUnavailable');
      assert.deepEqual(
        (JSON.parse(down.stdout) as { finding: Finding }).finding.fixes?.map((f) => f.command),
        ['go-env-doctor diagnose'],
      );
    });

    it('draws progress (percent, speed, ETA, source) on stderr only when it is a terminal, and resolves --dir from cwd', async () => {
      server.serve(filePath, { data: tgz, bytesPerSec: 4_000_000 });
      const r = await cli([NAME, '--dir', 'sdk', '--dl-base', `${server.url}/dl/`], { tty: true });
      assert.equal(r.code, 0, r.stderr);
      assert.match(
        r.stderr,
        /\rDownloading go1\.22\.5 +\d+% {2}[\d.]+ MB \/ [\d.]+ MB {2}[\d.]+ MB\/s {2}ETA \d+s {2}from http:\/\/127\.0\.0\.1:\d+\/dl\/go1\.22\.5\.linux-amd64\.tar\.gz/,
      );
      assert.match(r.stderr, /100%/);
      assert.match(
        r.stdout,
        new RegExp(
          `Installed go1\\.22\\.5 in ${sdk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/go1\\.22\\.5\\n  SHA-256 ${sha256(tgz)} verified`,
        ),
      );
    });
  });

  it('resumes after the process was killed mid-download (state kept on disk)', async () => {
    server.serve(filePath, { data: tgz, faults: [{ holdAfter: 800_000 }] });
    const first = await spawnInstall(args('--json'));
    await server.waitUntil(() => server.bytesSent(filePath) >= 800_000);
    // Wait until those bytes reached the partial file, then kill without warning.
    const t0 = Date.now();
    while ((await fs.stat(partial()).catch(() => undefined))?.size !== 800_000) {
      assert.ok(Date.now() - t0 < 10_000, 'partial file never reached 800000 bytes');
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill('SIGKILL');
    assert.equal((await first.done).signal, 'SIGKILL');
    assert.deepEqual(
      (await names()).filter((n) => !n.startsWith(`.${NAME}.staging-`)),
      ['.downloads', `.${NAME}.lock`],
    );

    const second = await runInstall(args('--json'));
    assert.equal(second.code, 0, second.stderr);
    const reqs = server.requestsFor(filePath);
    assert.equal(reqs.length, 2);
    assert.equal(reqs[1]!.range, 'bytes=800000-');
    assert.equal(reqs[1]!.bytesSent, tgz.length - 800_000, 'only the rest is transferred');
    assert.equal(await goVersion(), 'go version go1.22.5 linux/amd64');
    assert.deepEqual(await names(), [NAME]);
  });

  it('a crash at any checkpoint leaves the old state or the complete new toolchain; each next run cleans up', async () => {
    server.serve(filePath, { data: tgz });
    await oldInstall();
    // One chain: every run crashes at the next checkpoint, after cleaning what the previous crash left.
    for (const checkpoint of ['locked', 'downloading', 'populated', 'marked', 'committed']) {
      const crashed = await runInstall(args('--json'), { env: { GO_ENV_DOCTOR_TEST_CRASH_AT: checkpoint } });
      assert.equal(crashed.signal, 'SIGKILL', `expected to die at ${checkpoint}: ${crashed.stderr}`);
      const after = await names();
      assert.ok(
        after.filter((n) => n.startsWith(`.${NAME}.staging-`)).length <= 1,
        `${checkpoint}: earlier staging not cleaned: ${after.join(' ')}`,
      );
      if (checkpoint === 'committed') {
        assert.ok(after.includes(NAME));
        assert.ok(await fs.stat(path.join(sdk, NAME, '.unpacked-success')));
        assert.equal(await goVersion(), 'go version go1.22.5 linux/amd64');
      } else {
        assert.ok(!after.includes(NAME), `${NAME} became visible before commit (crash at ${checkpoint})`);
      }
      assert.equal(
        (await run(path.join(sdk, 'go1.21.0', 'bin', 'go'), ['version'])).stdout.trim(),
        'go version go1.21.0 linux/amd64',
      );
    }
    const rerun = await runInstall(args('--json'));
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.equal(json(rerun).alreadyInstalled, true);
    assert.equal(await goVersion(), 'go version go1.22.5 linux/amd64');
    assert.deepEqual(await names(), ['go1.21.0', NAME], 'no staging, lock or download leftovers');
  });

  it('two processes installing the same version: one waits for the other, both succeed', async () => {
    server.serve(filePath, { data: tgz, bytesPerSec: 3_000_000 });
    const [a, b] = await Promise.all([runInstall(args('--json')), runInstall(args('--json'))]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.deepEqual([json(a).alreadyInstalled, json(b).alreadyInstalled].sort(), [false, true]);
    assert.match(a.stderr + b.stderr, /Another install of this version is running \(pid \d+/);
    assert.equal(server.requestsFor(filePath).length, 1, 'downloaded once');
    assert.equal(await goVersion(), 'go version go1.22.5 linux/amd64');
    assert.deepEqual(await names(), [NAME]);
  });

  it('Ctrl+C stops promptly, exits 130, removes staging and lock, keeps the partial download', async () => {
    server.serve(filePath, { data: tgz, bytesPerSec: 400_000 });
    const p = await spawnInstall(args());
    await server.waitUntil(() => server.bytesSent(filePath) > 300_000);
    const t0 = Date.now();
    p.child.kill('SIGINT');
    const r = await p.done;
    assert.equal(r.code, 130, r.stderr);
    assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
    assert.match(r.stderr, /cancelled/);
    assert.deepEqual(await names(), ['.downloads']);
    assert.ok((await fs.stat(partial())).size > 0);
  });

  it('disk full (a 1 MiB tmpfs): toolchain.diskFull, staging removed, previous install intact', async function () {
    if (!(await canUnshareMount())) this.skip();
    server.serve(filePath, { data: tgz });
    await fs.mkdir(sdk);
    const listing = path.join(tmp, 'listing.txt');
    // Inside a private mount namespace: mount the tiny tmpfs, put an old install on it, run the
    // install, then record what is left (the mount disappears with the namespace).
    const script = `set -e
mount -t tmpfs -o size=1m,mode=0755 tmpfs "$SDK"
mkdir -p "$SDK/go1.21.0/bin"; printf '#!/bin/sh\\necho old\\n' > "$SDK/go1.21.0/bin/go"; chmod 755 "$SDK/go1.21.0/bin/go"; : > "$SDK/go1.21.0/.unpacked-success"
set +e
"$@"; code=$?
(cd "$SDK" && find . | sort) > "$LISTING"; "$SDK/go1.21.0/bin/go" >> "$LISTING"
exit $code`;
    const r = await runInstall(args('--json'), {
      env: { SDK: sdk, LISTING: listing },
      wrapper: ['unshare', '--mount', '--map-root-user', 'sh', '-c', script, 'sh'],
    });
    assert.equal(r.code, 1, r.stderr);
    const doc = json(r);
    assert.equal(doc.finding!.id, 'toolchain.diskFull', JSON.stringify(doc));
    assert.match(String(doc.finding!.detail), /not enough disk space/);
    const left = (await fs.readFile(listing, 'utf8')).trim().split('\n');
    assert.ok(!left.some((l) => l.includes('staging') || l.includes('.lock') || l === `./${NAME}`), left.join('\n'));
    assert.ok(left.includes('./go1.21.0/.unpacked-success'));
    assert.equal(left.at(-1), 'old');
  });

  it('permission denied (as a non-root user): toolchain.permissionDenied, staging removed, previous install intact', async function () {
    server.serve(filePath, { data: tgz });
    await oldInstall();
    await fs.mkdir(path.join(sdk, '.downloads'));
    let asNobody: { wrapper: string[]; cli: string; cwd: string } | undefined;
    if (process.getuid?.() === 0) {
      // Root ignores file modes, so run the CLI as `nobody` with a download dir it cannot write.
      // The checkout may sit in a directory `nobody` cannot enter: it runs a copy of the bundle.
      await fs.chmod(tmp, 0o755);
      await fs.chown(sdk, 65534, 65534);
      const cli = path.join(tmp, 'cli.js');
      // The entry, the command it loads (src/cli/loadCommand.ts) and the catalog they share.
      for (const f of ['cli.js', 'cli-install.js', 'cli-catalog.js']) {
        await fs.copyFile(path.join(path.dirname(CLI), f), path.join(tmp, f));
        await fs.chmod(path.join(tmp, f), 0o644);
      }
      asNobody = { wrapper: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'], cli, cwd: tmp };
    } else {
      await fs.chmod(path.join(sdk, '.downloads'), 0o555);
    }
    const r = await runInstall(args('--json'), { ...asNobody, env: { HOME: tmp } });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(json(r).finding!.id, 'toolchain.permissionDenied', r.stdout);
    assert.match(String(json(r).finding!.detail), /Permission denied: cannot save the download to .*\.partial/);
    assert.deepEqual(await names(), ['.downloads', 'go1.21.0']);
  });
});

let unshareOk: Promise<boolean> | undefined;
/** Whether this machine lets us mount a tmpfs in a private user+mount namespace. */
function canUnshareMount(): Promise<boolean> {
  unshareOk ??= run('unshare', ['--mount', '--map-root-user', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs /mnt']).then(
    () => true,
    () => false,
  );
  return unshareOk;
}
