// The Go reference fixture (test/fixtures/sumdb): a module proxy serving golang.org/toolchain zips
// made by golang.org/x/mod/zip and a checksum database served by golang.org/x/mod/sumdb with a
// fresh test key. Built once per source hash with Debian's golang-go + golang-golang-x-mod-dev in
// GOPATH mode (offline), cached under .cache/sumdb-fixture/, then started per test suite.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { runProcess } from '../../src/core/process/run';
import { REPO } from './cli';

export const GOPATH_XMOD = '/usr/share/gocode';
const SOURCES = path.join(REPO, 'test', 'fixtures', 'sumdb');
const CACHE = path.join(REPO, '.cache', 'sumdb-fixture');

let building: Promise<string> | undefined;
/** How long the last build took (ms), or 0 when the cached binary was used. */
export let lastBuildMs = 0;

/** The fixture binary, built on first use (and whenever its Go sources change). */
export function buildSumdbFixture(): Promise<string> {
  building ??= build();
  return building;
}

async function build(): Promise<string> {
  const names = (await fs.readdir(SOURCES)).filter((n) => n.endsWith('.go')).sort();
  const h = createHash('sha256');
  for (const n of names)
    h.update(n)
      .update('\0')
      .update(await fs.readFile(path.join(SOURCES, n)))
      .update('\0');
  const bin = path.join(CACHE, h.digest('hex').slice(0, 16), 'sumdb-fixture');
  if (await exists(bin)) return bin;

  if (!(await exists(path.join(GOPATH_XMOD, 'src', 'golang.org', 'x', 'mod', 'sumdb', 'server.go')))) {
    throw new Error(
      `golang.org/x/mod is not installed at ${GOPATH_XMOD}; install the Debian packages golang-go and golang-golang-x-mod-dev (.ci/run does this)`,
    );
  }
  await fs.mkdir(path.dirname(bin), { recursive: true });
  const tmp = `${bin}.${process.pid}.tmp`;
  const started = Date.now();
  const r = await runProcess('go', {
    args: ['build', '-o', tmp, '.'],
    cwd: SOURCES,
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: process.env['HOME'] ?? CACHE,
      GO111MODULE: 'off',
      GOPATH: GOPATH_XMOD,
      GOFLAGS: '',
      GOCACHE: path.join(CACHE, 'gocache'),
      CGO_ENABLED: '0',
      GOTOOLCHAIN: 'local',
    },
    timeoutMs: 180_000,
  });
  if (r.kind !== 'exited' || r.code !== 0) {
    const out = r.kind === 'exited' || r.kind === 'timeout' ? r.stderr : r.kind === 'spawnError' ? r.message : r.kind;
    throw new Error(`building the sumdb fixture failed (${r.kind}): ${out}`);
  }
  await fs.rename(tmp, bin);
  lastBuildMs = Date.now() - started;
  // Binaries of older fixture sources are of no further use.
  for (const d of await fs.readdir(CACHE)) {
    if (/^[0-9a-f]{16}$/.test(d) && d !== path.basename(path.dirname(bin)))
      await fs.rm(path.join(CACHE, d), { recursive: true, force: true });
  }
  process.stderr.write(
    `      (built the Go sumdb fixture in ${(lastBuildMs / 1000).toFixed(1)} s: ${path.relative(REPO, bin)})\n`,
  );
  return bin;
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

export interface SumdbFixtureOptions {
  /** Go versions served as golang.org/toolchain (default 1.21.0 and 1.22.5). */
  versions?: string[];
  /** Go versions built as ~100 MB zips (benchmark). */
  big?: string[];
  /** Where zips are kept; a reused dir skips rebuilding them. Default: the fixture's own temp dir. */
  dir?: string;
  /** Unrelated records added first (default 300, so tiles span two levels). */
  filler?: number;
  /** Status of /sumdb/<name>/supported (default 200). */
  supported?: number;
}

export interface SumdbFixture {
  /** The module proxy, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The checksum database name (sumdb.fixture.test). */
  name: string;
  /** Its verifier key: name+hash+key. */
  vkey: string;
  /** GOSUMDB naming the database with its direct URL (bypasses GOPROXY). */
  gosumdb: string;
  /** Switches: zip=flip|ok, note=otherkey|ok, tiles=bad|ok, fork=on|off, supported=<status>. */
  set(switches: Record<string, string>): Promise<void>;
  /** dirhash.HashZip of the served zip, computed by golang.org/x/mod. */
  h1(moduleVersion: string): Promise<string>;
  /** The zip file the fixture serves for a module version. */
  zipPath(moduleVersion: string): Promise<string>;
  /** Requests seen, by kind (zip, supported, proxyLookup, proxyTile, directLookup, directTile, ...). */
  counts(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

export async function startSumdbFixture(opts: SumdbFixtureOptions = {}): Promise<SumdbFixture> {
  const bin = await buildSumdbFixture();
  const args = ['-versions', (opts.versions ?? ['1.21.0', '1.22.5']).join(',')];
  if (opts.big?.length) args.push('-big', opts.big.join(','));
  if (opts.dir) args.push('-dir', opts.dir);
  if (opts.filler !== undefined) args.push('-filler', String(opts.filler));
  if (opts.supported !== undefined) args.push('-supported', String(opts.supported));
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const hello = await firstLine(child, () => stderr);
  const info = JSON.parse(hello) as { url: string; name: string; vkey: string; gosumdb: string };
  const call = async (p: string): Promise<string> => {
    const res = await fetch(`${info.url}${p}`, { method: p.startsWith('/admin/set') ? 'POST' : 'GET' });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`fixture ${p}: HTTP ${res.status} ${text}`);
    return text;
  };
  return {
    ...info,
    set: async (s) => void (await call(`/admin/set?${new URLSearchParams(s).toString()}`)),
    h1: (v) => call(`/admin/h1?version=${encodeURIComponent(v)}`),
    zipPath: (v) => call(`/admin/zip?version=${encodeURIComponent(v)}`),
    counts: async () => JSON.parse(await call('/admin/counts')) as Record<string, number>,
    stop: () => stopChild(child),
  };
}

function firstLine(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => fail(new Error('the sumdb fixture did not start within 120 s')), 120_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      rl.close();
      child.kill('SIGKILL');
      reject(err);
    };
    rl.once('line', (line) => {
      clearTimeout(timer);
      rl.close();
      resolve(line);
    });
    child.once('exit', (code) => fail(new Error(`the sumdb fixture exited (${code}): ${stderr()}`)));
    child.once('error', (err) => fail(err));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin!.end(); // the fixture exits when stdin closes (and cleans its temp dir)
    setTimeout(() => child.kill('SIGKILL'), 2000).unref();
  });
}

/** Test vectors computed by golang.org/x/mod (tlog, note, dirhash); see vectors.go. */
export interface GoVectors {
  tlog: {
    leaves: number;
    treeHashes: string[];
    storedCounts: number[];
    recordProofs: Array<{ t: number; n: number; proof: string[] }>;
    treeProofs: Array<{ t: number; n: number; proof: string[] }>;
    tiles: Record<string, Array<{ path: string; data: string }>>;
  };
  note: { freshVkey: string; msg: string };
  dirhash: Array<{ zip: string; h1: string }>;
}

export async function goVectors(): Promise<GoVectors> {
  const bin = await buildSumdbFixture();
  const r = await runProcess(bin, { args: ['-vectors'], timeoutMs: 60_000 });
  if (r.kind !== 'exited' || r.code !== 0) throw new Error(`sumdb-fixture -vectors failed: ${JSON.stringify(r)}`);
  return JSON.parse(r.stdout) as GoVectors;
}
