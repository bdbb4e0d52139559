// go.sum verification against a checksum database answering after 50 ms (a local module world on
// 127.0.0.1): a go.sum of 500 lines (250 module versions). Targets: the first, full verification
// <= 5 s; a second run, answered from the verified records on disk, adds <= 50 ms to a diagnosis
// (measured as the diagnosis with that go.sum minus the diagnosis without one, median of pairs).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { goSumFindings } from '../../src/core/checks/goSumCheck';
import { diagnose } from '../../src/core/diagnose';
import { hostPlatform } from '../../src/core/platform';
import { undiciGet } from '../../src/core/net/httpGet';
import { tempDir } from '../support/fakeGo';
import { REAL_GO } from '../support/goProject';
import { startModuleWorld, type WorldModule } from '../support/moduleWorld';

const VERSIONS = 250;
const DELAY_MS = 50;
const PAIRS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const mods: WorldModule[] = Array.from({ length: VERSIONS }, (_, i) => ({
    path: `example.test/m${i}`,
    version: `v1.${i % 7}.${i}`,
    files: { 'm.go': `package m${i}\n` },
  }));
  const world = await startModuleWorld(mods);
  const root = await tempDir('ged-bench-gosum-');
  try {
    world.setSumdbDelay(DELAY_MS);
    const app = path.join(root, 'app');
    await fs.mkdir(app);
    await fs.writeFile(path.join(app, 'go.mod'), 'module example.test/app\n\ngo 1.19\n');
    const goSum = mods.flatMap((m) => world.goSumLines(m.path, m.version)).join('\n') + '\n';
    await fs.writeFile(path.join(app, 'go.sum'), goSum);
    const bare = path.join(root, 'bare');
    await fs.mkdir(bare);
    await fs.writeFile(path.join(bare, 'go.mod'), 'module example.test/bare\n\ngo 1.19\n');

    const env = { GOSUMDB: world.gosumdb, GOPROXY: world.url, GONOSUMDB: '', GOPRIVATE: '' };
    const state = path.join(root, 'state');
    const check = () =>
      goSumFindings({
        goModFiles: [path.join(app, 'go.mod')],
        env,
        stateDir: state,
        sumdbStateDir: path.join(state, 'sumdb'),
        get: undiciGet(),
        timeoutMs: 5000,
      });
    let t = performance.now();
    const first = await check();
    const fullMs = performance.now() - t;
    console.log(
      `full verification of ${goSum.split('\n').length - 1} lines: ${fullMs.toFixed(0)} ms (target <= 5000) — ${first.map((f) => f.title).join('; ')}`,
    );
    t = performance.now();
    await check();
    console.log(`second run of the go.sum check alone: ${(performance.now() - t).toFixed(1)} ms`);

    // Whole diagnoses with the real go, the same environment, the state dir in XDG_STATE_HOME.
    const platform = hostPlatform({
      ...process.env,
      ...env,
      HOME: root,
      XDG_STATE_HOME: path.join(root, 'xdg'),
      GOENV: path.join(root, 'goenv'),
      GOFLAGS: '',
      GOTOOLCHAIN: 'local',
    });
    const run = async (dir: string) => {
      const s = performance.now();
      await diagnose({ cwd: dir, goPath: REAL_GO, platform, timeoutMs: 5000 });
      return performance.now() - s;
    };
    await run(app); // fills the verified records in this state dir
    const diffs: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const order = i % 2 ? [app, bare] : [bare, app];
      const ms: Record<string, number> = {};
      for (const d of order) ms[d] = await run(d);
      diffs.push(ms[app]! - ms[bare]!);
    }
    const d = median(diffs);
    console.log(
      `diagnosis with the verified 500-line go.sum minus without: median ${d.toFixed(1)} ms over ${PAIRS} pairs (${diffs.map((x) => x.toFixed(0)).join(', ')}) (target <= 50)`,
    );
    if (fullMs > 5000 || d > 50) process.exitCode = 1;
  } finally {
    await world.close();
    await fs.rm(root, { recursive: true, force: true });
  }
}

void main();
