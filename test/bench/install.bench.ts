// Toolchain install speed and memory, measured side by side in one run on 127.0.0.1:
//  1. `go-env-doctor install` (a child process: index, download, SHA-256, unpack, commit) against
//     `curl -o f && sha256sum f && tar xzf f` of the same ~100 MB random-content .tar.gz from the
//     same local server. Target: ours <= 1.0x (hash and unpack overlap the download).
//  2. Peak RSS of the install process (maxRSS read at exit through a preload). Target < 100 MB.
//  3. Resume after the connection is cut at 60%: bytes the retry transfers / file size. Target <= 45%.
// The archive is built once and kept in .cache/bench/install/.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { archive, curlShaTar, FILE, mb, median, NAME, timed, type ChildRun } from '../support/benchArchive';
import { DownloadServer } from '../support/downloadServer';
import { releaseIndex } from '../support/toolchainArchive';
import { installArgv } from '../support/toolchainCli';

const RUNS = 3;

async function main(): Promise<void> {
  const a = await archive();
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-bench-install-'));
  const server = await DownloadServer.start();
  try {
    server.setIndex(
      '/dl/',
      releaseIndex([
        { version: NAME, files: [{ filename: FILE, os: 'linux', arch: 'amd64', sha256: a.sha256, size: a.size }] },
      ]),
    );
    server.serve(`/dl/${FILE}`, { data: { path: a.file, size: a.size } });
    const url = `${server.url}/dl/${FILE}`;
    const cli = await installArgv();
    const preload = path.join(work, 'rss.js');
    const rssFile = path.join(work, 'rss.txt');
    await fs.writeFile(
      preload,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
    );

    const baseline = (): Promise<ChildRun> => curlShaTar(work, url);
    const ours = async (): Promise<ChildRun> => {
      const d = path.join(work, 'sdk');
      await fs.rm(d, { recursive: true, force: true });
      const r = await timed(process.execPath, [
        '-r',
        preload,
        ...cli,
        NAME,
        '--dir',
        d,
        '--dl-base',
        `${server.url}/dl/`,
        '--json',
      ]);
      if (r.code !== 0) throw new Error(`install failed: ${r.stderr}`);
      r.maxRssKb = Number(await fs.readFile(rssFile, 'utf8'));
      return r;
    };

    // Warm the page cache and both code paths once, then alternate so drift hits both.
    await baseline();
    await ours();
    const base: number[] = [];
    const mine: number[] = [];
    let rss = 0;
    for (let i = 0; i < RUNS; i++) {
      base.push((await baseline()).ms);
      const r = await ours();
      mine.push(r.ms);
      rss = Math.max(rss, r.maxRssKb ?? 0);
    }

    // Resume: the first response is cut after 60% of the body; the retry must ask for the rest only.
    await fs.rm(path.join(work, 'sdk'), { recursive: true, force: true });
    const cutAt = Math.floor(a.size * 0.6);
    server.serve(`/dl/${FILE}`, { data: { path: a.file, size: a.size }, faults: [{ cutAfter: cutAt }] });
    const before = server.requests.length;
    await ours();
    const fileReqs = server.requests.slice(before).filter((r) => r.path === `/dl/${FILE}`);
    const retryBytes = fileReqs.slice(1).reduce((n, r) => n + r.bytesSent, 0);
    const resumeShare = retryBytes / a.size;

    const ratio = median(mine) / median(base);
    const rssMb = (rss * 1024) / 1e6;
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    const rows: Array<[string, string, string, string]> = [
      ['curl -o + sha256sum + tar xzf', `${(median(base) / 1000).toFixed(2)} s`, '', ''],
      ['go-env-doctor install', `${(median(mine) / 1000).toFixed(2)} s`, '', ''],
      ['ratio (ours / curl+sha256sum+tar)', `${ratio.toFixed(2)}x`, '<= 1.00x', verdict(ratio <= 1.0)],
      ['peak RSS of the install process', `${rssMb.toFixed(0)} MB`, '< 100 MB', verdict(rssMb < 100)],
      [
        `resume after a cut at 60% (${fileReqs.length} requests)`,
        `${(resumeShare * 100).toFixed(1)}% of the file`,
        '<= 45%',
        verdict(resumeShare <= 0.45 && fileReqs.length === 2 && fileReqs[1]!.status === 206),
      ],
    ];
    console.log(
      `Install of a ${mb(a.size)} random-content tar.gz (${a.entries} entries) from 127.0.0.1; times are medians of ${RUNS} alternating runs`,
    );
    console.log(`  ${'measure'.padEnd(44)}${'value'.padEnd(22)}${'target'.padEnd(12)}result`);
    for (const [m, v, t, r] of rows) console.log(`  ${m.padEnd(44)}${v.padEnd(22)}${t.padEnd(12)}${r}`);
    console.log(
      `  (runs: curl ${base.map((x) => (x / 1000).toFixed(2)).join(', ')} s; ours ${mine.map((x) => (x / 1000).toFixed(2)).join(', ')} s; ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)})`,
    );
    if (rows.some((r) => r[3] === 'FAIL')) process.exitCode = 1;
  } finally {
    await server.close();
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
