// Go as a witness of its own selection: where go >= 1.24 runs, `GODEBUG=toolchaintrace=1 go
// version` in the workspace prints how it chose. GOPROXY=off keeps it from downloading anything:
// the trace is printed before a download would start, and selection does not read GOPROXY.
import { runProcess } from '../process/run';
import { compareGoVersions, parseGoVersion } from '../goVersion';

export interface SelectionTrace {
  /** go's trace lines (stderr), e.g. "go: upgrading toolchain to go1.23.4 (required by …)". */
  lines: string[];
  /** The toolchain go says it runs or switches to; undefined when the trace names none. */
  runs?: string | undefined;
}

/** Whether this local go can trace its selection (GODEBUG=toolchaintrace=1 arrived in Go 1.24). */
export function canTraceSelection(local: string): boolean {
  const v = parseGoVersion(local.replace(/^go/, ''));
  return v !== undefined && compareGoVersions(v, { major: 1, minor: 24, text: '1.24' }) >= 0;
}

export async function traceSelection(o: {
  goPath: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}): Promise<SelectionTrace | undefined> {
  const r = await runProcess(o.goPath, {
    args: ['version'],
    cwd: o.cwd,
    env: { ...o.env, GODEBUG: withTrace(o.env['GODEBUG']), GOPROXY: 'off' },
    timeoutMs: o.timeoutMs,
    signal: o.signal,
    maxOutputBytes: 64 * 1024,
  });
  if (r.kind !== 'exited') return undefined;
  const lines = r.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('go: '));
  return { lines, runs: tracedToolchain(lines) };
}

function withTrace(godebug: string | undefined): string {
  return godebug ? `${godebug},toolchaintrace=1` : 'toolchaintrace=1';
}

/** The last toolchain the trace names: "using local toolchain X", "using X toolchain …", "upgrading toolchain to X". */
export function tracedToolchain(lines: readonly string[]): string | undefined {
  let runs: string | undefined;
  for (const l of lines) {
    const m =
      /^go: using local toolchain (\S+)/.exec(l) ??
      /^go: using (\S+) toolchain /.exec(l) ??
      /^go: upgrading toolchain to (\S+)/.exec(l) ??
      /^go: default toolchain set to (\S+)/.exec(l);
    if (m) runs = m[1];
  }
  return runs;
}
