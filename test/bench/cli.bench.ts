// The CLI's cold start, side by side with Node itself in one run (alternating, median of RUNS):
//  - `go-env-doctor --help`: target <= `node -e 0` + 50 ms (it loads no command);
//  - `go-env-doctor diagnose --json` of a healthy local setup (GOPROXY and the checksum database on
//    127.0.0.1, the real go): target <= 2 x `node -e 0` + the diagnosis's own time (its durationMs:
//    running go, the probes), i.e. what loading the CLI costs stays within one more Node start.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCli, CLI, loopbackCliEnv, runCli } from '../support/cli';
import { startDelayedProxy } from '../support/servers';

const RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(args: string[], env?: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, env ? { env } : {}, (err) =>
      err ? reject(err) : resolve(performance.now() - t0),
    ),
  );
}

async function main(): Promise<void> {
  await buildCli();
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-bench-cli-'));
  const server = await startDelayedProxy(0);
  try {
    const env = await loopbackCliEnv(server.url, home);
    const bare: number[] = [];
    const help: number[] = [];
    const cold: number[] = [];
    const own: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const b = await timed(['-e', '0']);
      const h = await timed([CLI, '--help']);
      const d = await runCli(['--json'], { env, cwd: home });
      if (d.code !== 0) throw new Error(`the healthy setup exited ${d.code}: ${d.stdout}${d.stderr}`);
      if (i === 0) continue; // warm-up: the page cache, go's first start
      bare.push(b);
      help.push(h);
      cold.push(d.ms);
      own.push((JSON.parse(d.stdout) as { durationMs: number }).durationMs);
    }
    const node = median(bare);
    const helpMs = median(help);
    // Per run, so a slow moment of the machine hits both sides.
    const overhead = median(cold.map((ms, i) => ms - own[i]!));
    const helpOk = helpMs - node <= 50;
    const diagOk = overhead <= 2 * node;
    console.log('CLI cold start, process start to exit (median of %d, alternating with node -e 0)', RUNS);
    console.log('   node -e 0            %s ms', node.toFixed(0));
    console.log(
      '   --help               %s ms  (+%s ms over node; target <= +50 ms) %s',
      helpMs.toFixed(0),
      (helpMs - node).toFixed(0),
      helpOk ? 'PASS' : 'FAIL',
    );
    console.log(
      '   diagnose, healthy    %s ms  (the diagnosis itself %s ms; the rest %s ms = %sx node; target <= 2x) %s',
      median(cold).toFixed(0),
      median(own).toFixed(0),
      overhead.toFixed(0),
      (overhead / node).toFixed(2),
      diagOk ? 'PASS' : 'FAIL',
    );
    if (!helpOk || !diagOk) process.exitCode = 1;
  } finally {
    await server.close();
    await fs.rm(home, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
