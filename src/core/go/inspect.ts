// Asks the located go binary what it is (`go version`) and how it is configured (`go env -json`):
// one spawn each, concurrently, each with a timeout.
import * as os from 'node:os';
import { runProcess, type RunResult } from '../process/run';
import type { Platform } from '../platform';

export type GoProblem =
  | { kind: 'timeout'; what: string; timeoutMs: number }
  | { kind: 'spawn'; what: string; code: string; message: string }
  | { kind: 'failed'; what: string; exitCode: number | null; signal: string | null; stderr: string }
  | { kind: 'badOutput'; what: string; output: string; expected: string }
  | { kind: 'aborted'; what: string };

export interface GoVersionInfo {
  /** `go1.22.5` (or `devel go1.23-abc123` for a development build). */
  version: string;
  goos: string;
  goarch: string;
}

const VERSION_LINE = /^go version (\S+(?: go\S+)?) (?:.* )?(\w+)\/(\w+)\s*$/;

/** The environment for inspecting go: GOTOOLCHAIN=local so a go.mod cannot make it download another toolchain. */
function inspectEnv(p: Platform): NodeJS.ProcessEnv {
  return { ...p.env, GOTOOLCHAIN: 'local' };
}

async function run(
  goPath: string,
  args: string[],
  p: Platform,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<RunResult> {
  // A neutral working directory: the user's go.mod must not change what `go env` reports or fail it.
  return runProcess(goPath, { args, env: inspectEnv(p), cwd: os.tmpdir(), timeoutMs, signal, maxOutputBytes: 1 << 20 });
}

function problemOf(r: Exclude<RunResult, { kind: 'exited' }>, what: string, timeoutMs: number): GoProblem {
  switch (r.kind) {
    case 'timeout':
      return { kind: 'timeout', what, timeoutMs };
    case 'aborted':
      return { kind: 'aborted', what };
    case 'spawnError':
      return { kind: 'spawn', what, code: r.code, message: r.message };
  }
}

export async function goVersion(
  goPath: string,
  p: Platform,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ ok: GoVersionInfo; ms: number } | { problem: GoProblem; ms: number }> {
  const what = 'go version';
  const r = await run(goPath, ['version'], p, timeoutMs, signal);
  if (r.kind !== 'exited') return { problem: problemOf(r, what, timeoutMs), ms: r.durationMs };
  if (r.code !== 0)
    return {
      problem: { kind: 'failed', what, exitCode: r.code, signal: r.signal, stderr: r.stderr.trim() },
      ms: r.durationMs,
    };
  const m = VERSION_LINE.exec(r.stdout.trim());
  if (!m)
    return {
      problem: { kind: 'badOutput', what, output: r.stdout, expected: '"go version goX.Y.Z os/arch"' },
      ms: r.durationMs,
    };
  return { ok: { version: m[1]!, goos: m[2]!, goarch: m[3]! }, ms: r.durationMs };
}

/**
 * The settings the diagnosis reports. Naming them is ~15x faster than the full listing, which
 * probes the C toolchain for CC/CGO_* (260 ms vs 15 ms with go1.19 here).
 */
export const REPORTED_GO_ENV = [
  'GO111MODULE',
  'GOARCH',
  'GOBIN',
  'GOCACHE',
  'GOENV',
  'GOEXPERIMENT',
  'GOFLAGS',
  'GOINSECURE',
  'GOMODCACHE',
  'GONOPROXY',
  'GONOSUMDB',
  'GOOS',
  'GOPATH',
  'GOPRIVATE',
  'GOPROXY',
  'GOROOT',
  'GOSUMDB',
  'GOTOOLCHAIN',
  'GOVCS',
  'GOVERSION',
] as const;

export async function goEnvJson(
  goPath: string,
  p: Platform,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ ok: Record<string, string>; ms: number } | { problem: GoProblem; ms: number }> {
  const what = 'go env -json';
  const r = await run(goPath, ['env', '-json', ...REPORTED_GO_ENV], p, timeoutMs, signal);
  if (r.kind !== 'exited') return { problem: problemOf(r, what, timeoutMs), ms: r.durationMs };
  if (r.code !== 0)
    return {
      problem: { kind: 'failed', what, exitCode: r.code, signal: r.signal, stderr: r.stderr.trim() },
      ms: r.durationMs,
    };
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    parsed = undefined;
  }
  const isStringMap = (v: unknown): v is Record<string, string> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
  if (!isStringMap(parsed) || !parsed['GOROOT']) {
    return {
      problem: { kind: 'badOutput', what, output: r.stdout, expected: 'a JSON object of strings including GOROOT' },
      ms: r.durationMs,
    };
  }
  return { ok: parsed, ms: r.durationMs };
}
