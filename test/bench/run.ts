// `npm run bench`: runs every benchmark script in this folder, one after another (so they do not
// compete for the two cores), each printing its own side-by-side ratios.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = (await fs.readdir(__dirname)).filter((f) => f.endsWith('.bench.js')).sort();
  const chosen = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
  let failed = 0;
  for (const f of chosen) {
    console.log(`\n=== ${f.replace(/\.js$/, '')}`);
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--expose-gc', path.join(__dirname, f)], { stdio: 'inherit' });
      child.on('close', resolve);
    });
    if (code !== 0) {
      failed++;
      console.log(`!!! ${f} exited with ${code}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
