// Verifying the module cache, ours against `go mod verify` (/usr/bin/go) on the same 100-module
// cache, which the real go downloads from a local module world. Side by side in one run, ABBA
// order, median of the per-pair ratios; target: ours <= 1.0x go's time.
import { modCacheFindings } from '../../src/core/checks/modCacheCheck';
import { makeGoProject, type GoProject } from '../support/goProject';
import { startModuleWorld, type WorldModule } from '../support/moduleWorld';

const MODULES = 100;
const PAIRS = 11;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const mods: WorldModule[] = Array.from({ length: MODULES }, (_, i) => {
    const files: Record<string, string> = { [`m${i}.go`]: `package m${i}\n` };
    for (let f = 0; f < 12; f++) files[`sub${f % 3}/f${f}.txt`] = `${i}:${f}\n`.repeat(200 + 40 * f);
    return { path: `example.test/m${i}`, version: `v1.0.${i}`, files };
  });
  const world = await startModuleWorld(mods);
  let project: GoProject | undefined;
  try {
    project = await makeGoProject(world, mods);
    const p = project;
    const ours = async () => {
      const s = performance.now();
      const f = await modCacheFindings({ goModFiles: [p.goMod], gomodcache: p.gomodcache });
      if (f[0]?.id !== 'modcache.ok') throw new Error(`expected modcache.ok, got ${JSON.stringify(f)}`);
      return performance.now() - s;
    };
    const theirs = async () => {
      const s = performance.now();
      const r = await p.go('mod', 'verify');
      if (r.code !== 0) throw new Error(`go mod verify failed: ${r.out}`);
      return performance.now() - s;
    };
    await ours();
    await theirs();
    const ratios: number[] = [];
    const rows: string[] = [];
    for (let i = 0; i < PAIRS; i++) {
      let o: number, g: number;
      if (i % 2) {
        g = await theirs();
        o = await ours();
      } else {
        o = await ours();
        g = await theirs();
      }
      ratios.push(o / g);
      rows.push(`ours ${o.toFixed(0)} ms / go mod verify ${g.toFixed(0)} ms`);
    }
    const r = median(ratios);
    console.log(rows.join('\n'));
    console.log(
      `${MODULES} modules: ours / go mod verify = ${r.toFixed(2)}x (median of ${PAIRS} pairs; target <= 1.0x)`,
    );
    if (r > 1.0) process.exitCode = 1;
  } finally {
    await project?.cleanup();
    await world.close();
  }
}

void main();
