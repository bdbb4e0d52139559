// Windows zip install, in-process on 127.0.0.1, with the same Go-shaped ~100 MB random tree as
// install.bench.ts zipped by Go's archive/zip (deflate, data descriptors, as release zips are):
//  1. the install (index, download, SHA-256, unpacking while the bytes arrive, commit) against
//     `curl -o f && sha256sum f && unzip -q f`. Target: ours <= 1.0x.
//  2. the overlap: how long the install still runs after the last byte arrived, against the same
//     unpacker run after the download (the flow zips had before they were streamed).
// The archive is built once and kept in .cache/bench/install/.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hostPlatform } from '../../src/core/platform';
import { ZipStreamExtractor } from '../../src/core/toolchain/archive/zipStream';
import { installToolchainRelease } from '../../src/core/toolchain/release/install';
import { REPO } from '../support/cli';
import { DownloadServer } from '../support/downloadServer';
import { releaseIndex } from '../support/toolchainArchive';
import { goZip } from '../support/zipTools';

const NAME = 'go1.99.0';
const FILE = `${NAME}.windows-amd64.zip`;
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function archive(): Promise<{ file: string; size: number; sha256: string }> {
  const dir = path.join(REPO, '.cache', 'bench', 'install');
  const file = path.join(dir, FILE);
  const meta = path.join(dir, `${FILE}.json`);
  try {
    const m = JSON.parse(await fs.readFile(meta, 'utf8')) as { size: number; sha256: string };
    if ((await fs.stat(file)).size === m.size) return { ...m, file };
  } catch {
    // not built yet
  }
  console.log(`building ${file} (once)…`);
  await fs.mkdir(dir, { recursive: true });
  const tree = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-bench-ziptree-'));
  try {
    const go = path.join(tree, 'go');
    await fs.mkdir(path.join(go, 'bin'), { recursive: true });
    await fs.writeFile(path.join(go, 'bin', 'go.exe'), randomBytes(64 * 1024));
    await fs.writeFile(path.join(go, 'VERSION'), `${NAME}\n`);
    for (let d = 0; d < 40; d++) {
      const sub = path.join(go, 'src', `pkg${d}`);
      await fs.mkdir(sub, { recursive: true });
      for (let i = 0; i < 50; i++)
        await fs.writeFile(path.join(sub, `f${i}.go`), randomBytes(1024 + Math.floor(Math.random() * 15 * 1024)));
    }
    await fs.mkdir(path.join(go, 'pkg', 'tool', 'windows_amd64'), { recursive: true });
    for (let i = 0; i < 8; i++)
      await fs.writeFile(path.join(go, 'pkg', 'tool', 'windows_amd64', `tool${i}.exe`), randomBytes(10_400_000));
    await goZip(tree, go, file);
  } finally {
    await fs.rm(tree, { recursive: true, force: true });
  }
  const hash = createHash('sha256');
  for await (const c of createReadStream(file)) hash.update(c as Buffer);
  const m = { size: (await fs.stat(file)).size, sha256: hash.digest('hex') };
  await fs.writeFile(meta, JSON.stringify(m));
  return { ...m, file };
}

function sh(script: string, env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', script], { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${script}: ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const a = await archive();
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-bench-installzip-'));
  const server = await DownloadServer.start();
  try {
    server.setIndex(
      '/dl/',
      releaseIndex([
        { version: NAME, files: [{ filename: FILE, os: 'windows', arch: 'amd64', sha256: a.sha256, size: a.size }] },
      ]),
    );
    server.serve(`/dl/${FILE}`, { data: { path: a.file, size: a.size } });
    const url = `${server.url}/dl/${FILE}`;
    const platform = { ...hostPlatform({ PATH: process.env.PATH ?? '' }), os: 'win32' as const, arch: 'x64' };

    const baseline = async (): Promise<number> => {
      const d = path.join(work, 'curl');
      await fs.rm(d, { recursive: true, force: true });
      await fs.mkdir(d);
      return sh('curl -sS -o "$D/f" "$URL" && sha256sum "$D/f" >/dev/null && unzip -q "$D/f" -d "$D"', {
        D: d,
        URL: url,
      });
    };
    const ours = async (): Promise<{ ms: number; afterLastByte: number }> => {
      const d = path.join(work, 'sdk');
      await fs.rm(d, { recursive: true, force: true });
      let lastByte = 0;
      const t0 = performance.now();
      await installToolchainRelease({
        version: NAME,
        dir: d,
        dlBases: [`${server.url}/dl/`],
        platform,
        onProgress: (p) => {
          if (p.phase === 'download' && p.bytes === p.total && lastByte === 0) lastByte = performance.now();
        },
      });
      const end = performance.now();
      return { ms: end - t0, afterLastByte: end - lastByte };
    };
    /** The same unpacker fed from the finished file: what unpacking costs when it cannot overlap. */
    const unpackAfter = async (): Promise<number> => {
      const d = path.join(work, 'after');
      await fs.rm(d, { recursive: true, force: true });
      await fs.mkdir(d);
      const t0 = performance.now();
      const ex = new ZipStreamExtractor(d);
      for await (const c of createReadStream(a.file, { highWaterMark: 1 << 20 })) await ex.write(c as Buffer);
      await ex.end();
      return performance.now() - t0;
    };

    await baseline();
    await ours();
    const base: number[] = [];
    const mine: number[] = [];
    const tail: number[] = [];
    const after: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      base.push(await baseline());
      const r = await ours();
      mine.push(r.ms);
      tail.push(r.afterLastByte);
      after.push(await unpackAfter());
    }
    const ratio = median(mine) / median(base);
    console.log(
      `Install of a ${(a.size / 1e6).toFixed(1)} MB Go-written zip (2010 entries) from 127.0.0.1; medians of ${RUNS} runs`,
    );
    const rows: Array<[string, string, string, string]> = [
      ['curl -o + sha256sum + unzip -q', sec(median(base)), '', ''],
      ['install (unpacking while downloading)', sec(median(mine)), '', ''],
      ['ratio (ours / curl+sha256sum+unzip)', `${ratio.toFixed(2)}x`, '<= 1.00x', ratio <= 1 ? 'PASS' : 'FAIL'],
      ['install time after the last byte', sec(median(tail)), '', ''],
      ['the same unpacking after the download', sec(median(after)), '', ''],
    ];
    console.log(`  ${'measure'.padEnd(44)}${'value'.padEnd(14)}${'target'.padEnd(12)}result`);
    for (const [m, v, t, r] of rows) console.log(`  ${m.padEnd(44)}${v.padEnd(14)}${t.padEnd(12)}${r}`);
    console.log(
      `  (runs: curl ${base.map(sec).join(', ')}; ours ${mine.map(sec).join(', ')}; ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)})`,
    );
    if (ratio > 1) process.exitCode = 1;
  } finally {
    await server.close();
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
