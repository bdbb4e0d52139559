// Diagnosis speed, measured side by side in one run:
//  1. five endpoints (4 GOPROXY entries + the checksum DB) that each answer after 400 ms, against
//     one such endpoint: the ratio shows whether probes really run in parallel (target <= 1.25x);
//  2. an endpoint that accepts and never answers, with --timeout 2000 (target: run ends < 3.5 s).
// The CLI's cold start against Node's own is cli.bench.ts.
// Everything is on 127.0.0.1; go is the real one on PATH.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diagnose } from '../../src/core/diagnose';
import type { Platform } from '../../src/core/platform';
import { startDelayedProxy, startSilentServer, type StartedServer } from '../support/servers';
import { buildCli, runCli } from '../support/cli';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function baseEnv(): Promise<NodeJS.ProcessEnv> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-bench-'));
  return { PATH: '/usr/bin:/bin', HOME: home, GOENV: path.join(home, 'goenv'), GOFLAGS: '' };
}

function platform(env: NodeJS.ProcessEnv): Platform {
  return { env, homeDir: env['HOME']!, os: process.platform, arch: process.arch, now: () => Date.now() };
}

async function timeDiagnosis(env: NodeJS.ProcessEnv): Promise<{ ms: number; errors: string[] }> {
  const t0 = performance.now();
  const r = await diagnose({ cwd: env['HOME']!, platform: platform(env), timeoutMs: 5000 });
  return {
    ms: performance.now() - t0,
    errors: r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.id),
  };
}

async function main(): Promise<void> {
  const servers: StartedServer[] = [];
  try {
    for (let i = 0; i < 5; i++) servers.push(await startDelayedProxy(400));
    const [a, b, c, d, db] = servers.map((s) => s.url) as [string, string, string, string, string];
    const env = await baseEnv();
    const one = { ...env, GOPROXY: a, GOSUMDB: 'off' };
    const five = { ...env, GOPROXY: `${a}|${b}|${c}|${d}`, GOSUMDB: `sum.golang.org ${db}` };

    // Warm up once each (module loading, the CA bundle), then alternate so drift hits both.
    await timeDiagnosis(one);
    const w = await timeDiagnosis(five);
    if (w.errors.length) throw new Error(`the five-endpoint setup is not healthy: ${w.errors.join(', ')}`);
    const t1: number[] = [];
    const t5: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t1.push((await timeDiagnosis(one)).ms);
      t5.push((await timeDiagnosis(five)).ms);
    }
    const ratio = median(t5) / median(t1);
    console.log('1. parallel probes (each endpoint answers after 400 ms; median of %d runs)', RUNS);
    console.log('   one endpoint     %s ms', median(t1).toFixed(0));
    console.log('   five endpoints   %s ms', median(t5).toFixed(0));
    console.log('   ratio            %sx  (target <= 1.25x) %s', ratio.toFixed(2), ratio <= 1.25 ? 'PASS' : 'FAIL');

    await buildCli();
    const silent = await startSilentServer();
    servers.push(silent);
    const stallEnv = { ...env, GOPROXY: silent.url, GOSUMDB: `sum.golang.org ${silent.url}` };
    const stall = await runCli(['--timeout', '2000', '--json'], { env: stallEnv, cwd: env['HOME'] });
    const stallIds = (JSON.parse(stall.stdout).findings as { id: string }[])
      .map((f) => f.id)
      .filter((id) => /timeout|unreachable/.test(id));
    console.log('2. an endpoint that never answers, --timeout 2000 (whole CLI process)');
    console.log(
      '   wall time        %s ms  (target < 3500 ms) %s   findings: %s',
      stall.ms,
      stall.ms < 3500 ? 'PASS' : 'FAIL',
      stallIds.join(', '),
    );

    if (ratio > 1.25 || stall.ms >= 3500) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
