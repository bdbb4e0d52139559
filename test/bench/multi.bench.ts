// Segmented multi-source install on links that throttle each connection, measured side by side
// in one run against local servers (127.0.0.1) serving the same ~100 MB release archive:
//  1. four sources at RATE per connection: `go-env-doctor install` against `curl -o` from one of
//     them (+ sha256sum + tar xzf, as install.bench does). Target: curl / ours >= 3.0.
//  2. the same, one source stops sending once the download is ~30% done. Target: <= 1.3x clean.
//  3. the same, one source corrupts one 1 MB range: installs, names that source
//     (toolchain.mirrorCorrupt), <= 1.5x clean.
//  4. one unthrottled source (the one-stream path): ours <= 1.0x curl + sha256sum + tar; RSS < 100 MB.
// The archive is the install benchmark's (.cache/bench/install/).
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  archive,
  curlShaTar,
  FILE,
  mb,
  median,
  NAME,
  timed,
  type Archive,
  type ChildRun,
} from '../support/benchArchive';
import { RangeServer } from '../support/rangeServer';
import { releaseIndex } from '../support/toolchainArchive';
import { installArgv } from '../support/toolchainCli';

const RATE = 2 * 1024 * 1024;
const SOURCES = 4;

interface Ctx {
  a: Archive;
  work: string;
  cli: string[];
  preload: string;
  rssFile: string;
}

function curl(ctx: Ctx, url: string): Promise<ChildRun> {
  return curlShaTar(ctx.work, url);
}

async function ours(ctx: Ctx, servers: readonly RangeServer[]): Promise<ChildRun & { json: Record<string, unknown> }> {
  const d = path.join(ctx.work, 'sdk');
  await fs.rm(d, { recursive: true, force: true });
  const [first, ...rest] = servers;
  const r = await timed(process.execPath, [
    '-r',
    ctx.preload,
    ...ctx.cli,
    NAME,
    '--dir',
    d,
    '--dl-base',
    `${first!.url}/dl/`,
    ...rest.flatMap((s) => ['--mirror', `${s.url}/dl/`]),
    '--json',
  ]);
  if (r.code !== 0) throw new Error(`install failed: ${r.stderr}${r.stdout}`);
  r.maxRssKb = Number(await fs.readFile(ctx.rssFile, 'utf8'));
  return { ...r, json: JSON.parse(r.stdout) as Record<string, unknown> };
}

async function main(): Promise<void> {
  const a = await archive();
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-bench-multi-'));
  const preload = path.join(work, 'rss.js');
  const rssFile = path.join(work, 'rss.txt');
  await fs.writeFile(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const ctx: Ctx = { a, work, cli: await installArgv(), preload, rssFile };
  const index = releaseIndex([
    { version: NAME, files: [{ filename: FILE, os: 'linux', arch: 'amd64', sha256: a.sha256, size: a.size }] },
  ]);
  const file = { path: a.file, size: a.size };
  const servers = await Promise.all(
    Array.from({ length: SOURCES }, () => RangeServer.start(`/dl/${FILE}`, file, { bytesPerSec: RATE })),
  );
  servers[0]!.setIndex(index);
  const plain = await RangeServer.start(`/dl/${FILE}`, file);
  plain.setIndex(index);
  const rows: Array<[string, string, string, string]> = [];
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  let rss = 0;
  const track = <T extends ChildRun>(r: T): T => {
    rss = Math.max(rss, r.maxRssKb ?? 0);
    return r;
  };
  try {
    const throttled = (b = {}) => servers.forEach((x) => x.reconfigure({ bytesPerSec: RATE, ...b }));

    // 1. Four sources against curl from one.
    throttled();
    const base = await curl(ctx, servers[0]!.fileUrl);
    const clean = track(await ours(ctx, servers));
    const speedup = base.ms / clean.ms;
    rows.push([`curl -o (one source, ${mb(RATE)}/s per connection) + sha256sum + tar`, s(base.ms), '', '']);
    rows.push([`go-env-doctor install, ${SOURCES} sources`, s(clean.ms), '', '']);
    rows.push(['speed-up (curl / ours)', `${speedup.toFixed(2)}x`, '>= 3.00x', verdict(speedup >= 3)]);

    // 2. One source stops sending once the download is ~30% done (its share is a quarter).
    throttled();
    servers[SOURCES - 1]!.reconfigure({ bytesPerSec: RATE, stallAfterTotal: Math.floor((a.size * 0.3) / SOURCES) });
    const stalled = track(await ours(ctx, servers));
    const stallRatio = stalled.ms / clean.ms;
    rows.push(['one source stalls at 30%', s(stalled.ms), '', '']);
    rows.push(['  ratio (stalled / clean)', `${stallRatio.toFixed(2)}x`, '<= 1.30x', verdict(stallRatio <= 1.3)]);

    // 3. One source corrupts 1 MB at 40% of the file. Pieces go to whichever source is free, so a
    // run where that source never served the region tests nothing: then the region moves into the
    // first range it did serve, and the run is repeated (at most 3 runs, all reported).
    let at = Math.floor(a.size * 0.4);
    let corrupt!: Awaited<ReturnType<typeof ours>>;
    const attempts: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      throttled();
      const region = { start: at, end: at + 1024 * 1024 };
      servers[2]!.reconfigure({ bytesPerSec: RATE, corrupt: region });
      corrupt = track(await ours(ctx, servers));
      const served = servers[2]!.requests.map(rangeServed).filter((r) => r && r.end > r.start) as Served[];
      const hit = served.some((r) => r.start < region.end && r.end > region.start);
      attempts.push(`${(region.start / a.size).toFixed(2)}:${hit ? 'served' : 'not served'}`);
      if (hit || served.length === 0) break;
      at = Math.min(served[0]!.start + 64 * 1024, a.size - 1024 * 1024);
    }
    rows.push([`  (corrupt region by run: ${attempts.join(', ')})`, '', '', '']);
    const named = (corrupt.json.corruptSources as Array<{ mirror: string }> | undefined) ?? [];
    const namedRight = named.length === 1 && named[0]!.mirror.startsWith(servers[2]!.url);
    const corruptRatio = corrupt.ms / clean.ms;
    rows.push(['one source corrupts 1 MB', s(corrupt.ms), '', '']);
    rows.push([
      '  ratio (corrupt / clean), source named',
      `${corruptRatio.toFixed(2)}x, ${namedRight ? 'named' : `named ${JSON.stringify(named.map((n) => n.mirror))}`}`,
      '<= 1.50x',
      verdict(corruptRatio <= 1.5 && namedRight && corrupt.json.sha256 === a.sha256),
    ]);

    // 4. One unthrottled source: the one-stream path, alternating with curl after a warm-up.
    await curl(ctx, plain.fileUrl);
    await ours(ctx, [plain]);
    const c: number[] = [];
    const o: number[] = [];
    for (let k = 0; k < 2; k++) {
      c.push((await curl(ctx, plain.fileUrl)).ms);
      o.push(track(await ours(ctx, [plain])).ms);
    }
    const single = median(o) / median(c);
    rows.push(['unthrottled single source: curl + sha256sum + tar', s(median(c)), '', '']);
    rows.push(['  go-env-doctor install', s(median(o)), '', '']);
    rows.push(['  ratio (ours / curl)', `${single.toFixed(2)}x`, '<= 1.00x', verdict(single <= 1.0)]);
    const rssMb = (rss * 1024) / 1e6;
    rows.push(['peak RSS of any install above', `${rssMb.toFixed(0)} MB`, '< 100 MB', verdict(rssMb < 100)]);

    console.log(`Install of a ${mb(a.size)} tar.gz from ${SOURCES} local sources throttled per connection`);
    console.log(`  ${'measure'.padEnd(56)}${'value'.padEnd(24)}${'target'.padEnd(12)}result`);
    for (const [m, v, t, r] of rows) console.log(`  ${m.padEnd(56)}${v.padEnd(24)}${t.padEnd(12)}${r}`);
    console.log(
      `  (${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}; sources: clean ${clean.json.source as string})`,
    );
    if (rows.some((r) => r[3] === 'FAIL')) process.exitCode = 1;
  } finally {
    await Promise.all([...servers, plain].map((x) => x.close()));
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

interface Served {
  start: number;
  end: number;
}

/** The bytes a range request actually got, from its `Range` header and the body bytes sent. */
function rangeServed(r: { range: string | undefined; bytesSent: number }): Served | undefined {
  const m = /^bytes=(\d+)-/.exec(r.range ?? '');
  if (!m) return undefined;
  const start = Number(m[1]);
  return { start, end: start + r.bytesSent };
}
