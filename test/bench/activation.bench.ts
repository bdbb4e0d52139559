// Activation cost, in a real VS Code (code-server 4.100.3, as in the integration tests):
//  1. our activate(), measured by the extension itself (api.activationMs) in LAUNCHES fresh
//     windows on a Go workspace, against the 20 ms budget;
//  2. the size of the production bundle VS Code loads at activation (dist/extension.js), and of
//     the lazily loaded fix implementations (dist/fixes.js), which activation never touches.
// Each launch runs only the integration test that reads activationMs.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../support/cli';
import { ensureCodeServer } from '../vscode/codeServer';
import { prepare, runInCodeServer } from '../vscode/runIntegration';

const LAUNCHES = 3;
const BUDGET_MS = 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function productionBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['esbuild.mjs', '--production'], { cwd: REPO, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`esbuild.mjs --production exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  await productionBuild();
  await ensureCodeServer();
  const samples: number[] = [];
  for (let i = 0; i < LAUNCHES; i++) {
    const s = await prepare('trusted', 'activates in a Go workspace');
    try {
      const r = await runInCodeServer(s);
      const ms = r.metrics?.['activationMs'];
      if (r.passed !== 1 || typeof ms !== 'number')
        throw new Error(`launch ${i + 1}: no activation measured (${r.passed} passed, ${r.failed} failed)`);
      samples.push(ms);
      console.log(`  launch ${i + 1}: activate() ${ms.toFixed(2)} ms`);
    } finally {
      await fs.rm(s.base, { recursive: true, force: true }).catch(() => undefined);
    }
  }
  const med = median(samples);
  const worst = Math.max(...samples);
  const ext = (await fs.stat(path.join(REPO, 'dist', 'extension.js'))).size;
  const fixBundle = (await fs.stat(path.join(REPO, 'dist', 'fixes.js'))).size;
  const ok = worst < BUDGET_MS;
  console.log(
    `activate(): median ${med.toFixed(2)} ms, worst ${worst.toFixed(2)} ms of ${LAUNCHES} launches; ` +
      `worst / budget = ${(worst / BUDGET_MS).toFixed(2)}x (budget ${BUDGET_MS} ms) ${ok ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `bundle: dist/extension.js ${(ext / 1024).toFixed(0)} KB loaded at activation; dist/fixes.js ${(fixBundle / 1024).toFixed(0)} KB loaded on the first fix (${((ext / (ext + fixBundle)) * 100).toFixed(0)}% of the code at activation)`,
  );
  if (!ok) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
