// What checksum-database verification costs a via-proxy install, measured side by side in one run:
// download and install a ~100 MB golang.org/toolchain zip (made by golang.org/x/mod/zip, served
// by the Go fixture on 127.0.0.1) with full verification (h1: of every entry, lookup, signed
// note, inclusion and consistency proofs) against the same download-and-unpack code path with
// hashing and lookup off. Target: verification adds at most 15%.
// The big zip is built once and kept in .cache/bench/.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseGoproxy } from '../../src/core/goproxy';
import type { Platform } from '../../src/core/platform';
import { stageAndCommit } from '../../src/core/toolchain/commit';
import { createDispatcher } from '../../src/core/toolchain/http';
import { withDefaults } from '../../src/core/toolchain/timeouts';
import { installToolchainViaProxy } from '../../src/core/toolchain/viaProxy';
import { downloadModuleZip } from '../../src/core/toolchain/viaProxyDownload';
import { extractModuleZip } from '../../src/core/toolchain/viaProxyExtract';
import { toolchainModuleVersion, toolchainZipPrefix } from '../../src/core/toolchain/viaProxyVerify';
import { REPO } from '../support/cli';
import { buildSumdbFixture, startSumdbFixture } from '../support/sumdbFixture';

const RUNS = 4;
const GO = '1.99.0';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const min = (xs: number[]) => Math.min(...xs);
interface Timing {
  wallMs: number;
  /** CPU of this process, all threads (the hashing worker included). */
  cpuMs: number;
}
async function timed(f: () => Promise<void>): Promise<Timing> {
  const t = performance.now();
  const c = process.cpuUsage();
  await f();
  const u = process.cpuUsage(c);
  return { wallMs: performance.now() - t, cpuMs: (u.user + u.system) / 1000 };
}
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

async function main(): Promise<void> {
  // Keyed by the fixture's source hash: a changed generator builds a new zip.
  const cache = path.join(REPO, '.cache', 'bench', 'toolchain-zips', path.basename(path.dirname(await buildSumdbFixture())));
  await fs.mkdir(cache, { recursive: true });
  const t0 = performance.now();
  const fx = await startSumdbFixture({ big: [GO], dir: cache });
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-verify-bench-'));
  const platform: Platform = { env: {}, homeDir: work, os: 'linux', arch: 'x64', now: () => Date.now() };
  const mv = toolchainModuleVersion(GO, 'linux', 'amd64');
  try {
    const zip = await fx.zipPath(mv); // builds the zip on first use (cached afterwards)
    const expected = await fx.h1(mv); // and makes the fixture hash it once, outside the timings
    console.log('fixture ready in %s s; zip %s (%s)', ((performance.now() - t0) / 1000).toFixed(1), mb((await fs.stat(zip)).size), path.relative(REPO, zip));

    let run = 0;
    const verified = async (): Promise<Timing> => {
      const dir = path.join(work, `sdk-${run++}`);
      let h1: string | undefined;
      const t = await timed(async () => {
        h1 = (await installToolchainViaProxy({ version: GO, dir, platform, goproxy: fx.url, gosumdb: fx.vkey, stateDir: path.join(work, 'state') })).h1;
      });
      if (h1 !== expected) throw new Error(`verified install produced ${h1}, fixture says ${expected}`);
      await fs.rm(dir, { recursive: true, force: true });
      return t;
    };
    // The same path minus the checksum database: download, unpack without hashing, commit.
    const unverified = async (): Promise<Timing> => {
      const dir = path.join(work, `sdk-${run++}`);
      const timeouts = withDefaults(undefined);
      const t = await timed(async () => {
        const dispatcher = createDispatcher(platform, timeouts);
        try {
          await stageAndCommit({
            dir,
            name: `go${GO}`,
            populate: async (ctx) => {
              const d = await downloadModuleZip({
                modulePath: 'golang.org/toolchain',
                version: mv,
                proxies: parseGoproxy(fx.url),
                partialPath: path.join(dir, '.downloads', `golang.org_toolchain@${mv}.zip.partial`),
                dispatcher,
                timeouts,
              });
              await extractModuleZip(d.file, ctx.root, { prefix: toolchainZipPrefix(mv), goos: 'linux', hash: false });
              await fs.rm(d.file);
              return { bytes: d.bytes, source: d.source };
            },
          });
        } finally {
          await dispatcher.close();
        }
      });
      await fs.rm(dir, { recursive: true, force: true });
      return t;
    };

    // Warm up both (page cache, first lookup), then alternate so drift hits both equally.
    await unverified();
    await verified();
    const plain: Timing[] = [];
    const checked: Timing[] = [];
    for (let i = 0; i < RUNS; i++) {
      plain.push(await unverified());
      checked.push(await verified());
    }
    const wall = (ts: Timing[]) => ts.map((x) => x.wallMs);
    const cpu = (ts: Timing[]) => ts.map((x) => x.cpuMs);
    const ratio = median(wall(checked)) / median(wall(plain));
    const best = min(wall(checked)) / min(wall(plain));
    const [load1] = os.loadavg();
    console.log('download + install of the %s toolchain zip from a local proxy, %d runs each, load average %s', mb((await fs.stat(zip)).size), RUNS, load1!.toFixed(1));
    console.log('   without verification  median %s ms, best %s ms, CPU %s ms   (runs: %s)', median(wall(plain)).toFixed(0), min(wall(plain)).toFixed(0), median(cpu(plain)).toFixed(0), wall(plain).map((x) => x.toFixed(0)).join(', '));
    console.log('   with verification     median %s ms, best %s ms, CPU %s ms   (runs: %s)', median(wall(checked)).toFixed(0), min(wall(checked)).toFixed(0), median(cpu(checked)).toFixed(0), wall(checked).map((x) => x.toFixed(0)).join(', '));
    console.log('   ratio (median)        %sx  (target <= 1.15x) %s', ratio.toFixed(2), ratio <= 1.15 ? 'PASS' : 'FAIL');
    console.log('   ratio (best run)      %sx', best.toFixed(2));
    console.log('   CPU ratio             %sx  (hashing runs on a worker thread, so it can overlap)', (median(cpu(checked)) / median(cpu(plain))).toFixed(2));
    if (ratio > 1.15) process.exitCode = 1;
  } finally {
    await fx.stop();
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
