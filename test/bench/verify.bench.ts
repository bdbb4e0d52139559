// What checksum-database verification costs a via-proxy install, measured side by side in one run:
// download and install a ~100 MB golang.org/toolchain zip (made by golang.org/x/mod/zip, served
// by the Go fixture on 127.0.0.1) with full verification (h1: of every entry, lookup, signed
// note, inclusion and consistency proofs) against the same download-and-unpack code path with
// hashing and lookup off. Target: verification adds at most 15%.
// One run gives one verdict: the two variants alternate in pairs (ABBA order, so a drifting
// machine load hits both alike), and the verdict is the median of the per-pair ratios. Pairs:
// VERIFY_BENCH_PAIRS (default 5). The big zip is built once and kept in .cache/bench/.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseGoproxy } from '../../src/core/go/goproxy';
import type { Platform } from '../../src/core/platform';
import { stageAndCommit } from '../../src/core/toolchain/commit';
import { createDispatcher } from '../../src/core/net/dispatcher';
import { withDefaults } from '../../src/core/toolchain/timeouts';
import { installToolchainModule } from '../../src/core/toolchain/module/install';
import { downloadModuleZip } from '../../src/core/toolchain/module/download';
import { extractModuleZip } from '../../src/core/toolchain/module/extract';
import {
  lookupToolchainHash,
  toolchainModuleVersion,
  toolchainZipPrefix,
} from '../../src/core/toolchain/module/verify';
import { REPO } from '../support/cli';
import { buildSumdbFixture, startSumdbFixture } from '../support/sumdbFixture';

const PAIRS = Math.max(1, Number(process.env['VERIFY_BENCH_PAIRS'] ?? 5));
const TARGET = 1.15;
const GO = '1.99.0';
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
interface Timing {
  wallMs: number;
  /** CPU of this process, all threads (the hashing worker included), split as the kernel counts it. */
  userMs: number;
  sysMs: number;
}
async function timed(f: () => Promise<void>): Promise<Timing> {
  const t = performance.now();
  const c = process.cpuUsage();
  await f();
  const u = process.cpuUsage(c);
  return { wallMs: performance.now() - t, userMs: u.user / 1000, sysMs: u.system / 1000 };
}
const pct = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

async function main(): Promise<void> {
  // Keyed by the fixture's source hash: a changed generator builds a new zip.
  const cache = path.join(
    REPO,
    '.cache',
    'bench',
    'toolchain-zips',
    path.basename(path.dirname(await buildSumdbFixture())),
  );
  await fs.mkdir(cache, { recursive: true });
  const t0 = performance.now();
  const fx = await startSumdbFixture({ big: [GO], dir: cache });
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-verify-bench-'));
  const platform: Platform = { env: {}, homeDir: work, os: 'linux', arch: 'x64', now: () => Date.now() };
  const mv = toolchainModuleVersion(GO, 'linux', 'amd64');
  try {
    const zip = await fx.zipPath(mv); // builds the zip on first use (cached afterwards)
    const expected = await fx.h1(mv); // and makes the fixture hash it once, outside the timings
    console.log(
      'fixture ready in %s s; zip %s (%s)',
      ((performance.now() - t0) / 1000).toFixed(1),
      mb((await fs.stat(zip)).size),
      path.relative(REPO, zip),
    );

    let run = 0;
    const verified = async (): Promise<Timing> => {
      const dir = path.join(work, `sdk-${run++}`);
      let h1: string | undefined;
      const t = await timed(async () => {
        h1 = (
          await installToolchainModule({
            version: GO,
            dir,
            platform,
            goproxy: fx.url,
            gosumdb: fx.vkey,
            stateDir: path.join(work, 'state'),
          })
        ).h1;
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

    // Warm up both (page cache, first lookup), then alternate in ABBA pairs.
    const loadBefore = os.loadavg()[0]!;
    await unverified();
    await verified();
    const plain: Timing[] = [];
    const checked: Timing[] = [];
    const pairRatios: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      let p: Timing;
      let c: Timing;
      if (i % 2 === 0) {
        p = await unverified();
        c = await verified();
      } else {
        c = await verified();
        p = await unverified();
      }
      plain.push(p);
      checked.push(c);
      pairRatios.push(c.wallMs / p.wallMs);
      console.log(
        '   pair %d: without %s ms, with %s ms  (%s)',
        i + 1,
        p.wallMs.toFixed(0),
        c.wallMs.toFixed(0),
        pct(c.wallMs / p.wallMs),
      );
    }
    // The checksum-database part alone (a fresh state dir each time, so the full proof is checked).
    const lookups: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await timed(
        async () =>
          void (await lookupToolchainHash('golang.org/toolchain', mv, {
            goproxy: fx.url,
            gosumdb: fx.vkey,
            stateDir: path.join(work, `lookup-${i}`),
          })),
      );
      lookups.push(t.wallMs);
    }
    const loadAfter = os.loadavg()[0]!;

    const med = (ts: Timing[], k: keyof Timing) => median(ts.map((x) => x[k]));
    const verdict = median(pairRatios);
    const ofMedians = med(checked, 'wallMs') / med(plain, 'wallMs');
    const cores = os.cpus().length;
    console.log(
      'download + install of the %s toolchain zip from a local proxy: %d alternating pairs, load average %s -> %s on %d cores',
      mb((await fs.stat(zip)).size),
      PAIRS,
      loadBefore.toFixed(1),
      loadAfter.toFixed(1),
      cores,
    );
    for (const [label, ts] of [
      ['without verification', plain],
      ['with verification   ', checked],
    ] as const) {
      console.log(
        '   %s  median %s ms wall; CPU %s ms user + %s ms sys   (runs: %s)',
        label,
        med(ts, 'wallMs').toFixed(0),
        med(ts, 'userMs').toFixed(0),
        med(ts, 'sysMs').toFixed(0),
        ts.map((x) => x.wallMs.toFixed(0)).join(', '),
      );
    }
    console.log(
      '   where verification time goes: +%s ms user CPU (SHA-256 of every entry, on a worker thread), %s ms sys CPU, checksum-database lookup + proofs %s ms wall (runs while the zip downloads)',
      (med(checked, 'userMs') - med(plain, 'userMs')).toFixed(0),
      `${med(checked, 'sysMs') >= med(plain, 'sysMs') ? '+' : ''}${(med(checked, 'sysMs') - med(plain, 'sysMs')).toFixed(0)}`,
      median(lookups).toFixed(0),
    );
    console.log(
      '   ratio of medians %sx; pair ratios %s',
      ofMedians.toFixed(2),
      pairRatios.map((r) => `${r.toFixed(2)}x`).join(', '),
    );
    if (Math.max(loadBefore, loadAfter) > cores) {
      console.log(
        '   note: the machine was busy (load above %d): the worker thread that hashes competes for the cores, so the overhead reads higher than on an idle machine',
        cores,
      );
    }
    const pass = verdict <= TARGET;
    console.log(
      'RESULT: %s  verification adds %s (median of %d alternating pairs; target <= %s)',
      pass ? 'PASS' : 'FAIL',
      pct(verdict),
      PAIRS,
      pct(TARGET),
    );
    if (!pass) process.exitCode = 1;
  } finally {
    await fx.stop();
    await fs.rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
