// The diagnosis: find go, ask it about itself, read go env with sources, check go.mod, and probe
// the network, all at once, each with a timeout, so a run ends within about timeout + 1 s.
import { redactFinding, type Finding } from './findings';
import type { Platform } from './platform';
import type { EnvEntry, Report } from './report/model';
import { locateGo } from './go/locate';
import { goEnvJson, goVersion, type GoVersionInfo } from './go/inspect';
import { effectiveSetting } from './go/envFile';
import { predictGoSettings } from './go/predictSettings';
import { goNotFoundFinding, goOkFinding, goProblemFinding } from './checks/goCheck';
import { envFindings } from './checks/envCheck';
import { pathFindings } from './checks/pathCheck';
import { dockEnvFindings } from './checks/loginShellCheck';
import { goModFindings } from './checks/gomodCheck';
import { findGoMod } from './gomod/find';
import { runNetworkChecks } from './checks/networkChecks';
import { proxyHistoryFindings } from './checks/proxyHistoryCheck';
import { directFindings } from './checks/directCheck';
import { startWhichGoChecks } from './checks/whichGo';
import type { EditorGoSettings } from './go/editorGo';
import { runToolchainCheck } from './checks/toolchainCheck';
import { refereeFindings } from './referee/fromDiagnosis';
import { modulesFindings } from './checks/modulesCheck';
import { moduleRouteFindings } from './checks/moduleRoutesCheck';
import { TOOL_NAME, TOOL_VERSION } from './toolInfo';
import { redact } from './redact';
import { parseGoVersion, supportsToolchainSwitch } from './goVersion';
import { msg } from './i18n/message';
import { findingWords } from './i18n/words';

export const DEFAULT_TIMEOUT_MS = 5000;

export interface DiagnoseOptions {
  cwd: string;
  /** An explicit go binary (CLI --go, setting goEnv.goPath). */
  goPath?: string | undefined;
  /** Per-probe timeout. */
  timeoutMs?: number;
  /** Mirrors to probe in addition to GOPROXY's entries (reported as info). */
  extraMirrors?: string[] | undefined;
  /** Mirrors ranked when the configured proxies fail, to offer a verified GOPROXY (none: no ranking). */
  proxyCandidates?: string[] | undefined;
  /** The editor's go settings (go.alternateTools, go.goroot, goEnv.goPath), to compare with a terminal's go. */
  editorGo?: EditorGoSettings | undefined;
  /** Check these go.mod files instead of the one governing cwd. */
  goModFiles?: string[];
  platform: Platform;
  /** Verify every go.sum line and the module cache, without the probe timeout's limit. */
  modules?: boolean;
  signal?: AbortSignal | undefined;
  /** Probe the release download route when go.mod needs a Go that is not installed (always with `all`). */
  dlRoute?: { all?: boolean; dlBases?: readonly string[] | undefined; mirrors?: readonly string[] | undefined };
  /** Also run the real go as referee (`--deep`); it may download a toolchain only if allowed. */
  deep?: { allowToolchainDownload?: boolean } | undefined;
  /** Timings and raw errors, for a log channel; credentials are already redacted. */
  log?: (line: string) => void;
  /** False: no probes at all (the CLI's --only/--skip chose no network check). */
  network?: boolean;
}

/** Settings that decide network behaviour, predicted without waiting for `go env`. */
const NETWORK_SETTINGS = ['GOPROXY', 'GOSUMDB', 'GOTOOLCHAIN'] as const;

export async function diagnose(opts: DiagnoseOptions): Promise<Report> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const p = opts.platform;
  const log = (line: string) => opts.log?.(redact(line));
  const since = () => Math.round(performance.now() - started);

  const whichGo = startWhichGoChecks(p, timeoutMs, opts.signal, opts.editorGo);
  const dockEnv = dockEnvFindings(p, { timeoutMs, signal: opts.signal });
  const located = await locateGo(p, opts.goPath);
  const goPath = located.found ? located.go.realPath : undefined;
  // $GOROOT or the binary's GOROOT: its go.env (Go 1.21+) holds defaults.
  const { envFile, layers, goroot: guessedGoroot } = await predictGoSettings(p, { goBinary: goPath });
  const predicted = Object.fromEntries(NETWORK_SETTINGS.map((n) => [n, effectiveSetting(n, layers)])) as Record<
    (typeof NETWORK_SETTINGS)[number],
    EnvEntry
  >;

  const goWork = (async () => {
    if (!goPath) return undefined;
    const [v, e] = await Promise.all([
      goVersion(goPath, p, timeoutMs, opts.signal),
      goEnvJson(goPath, p, timeoutMs, opts.signal),
    ]);
    log(
      `go version: ${'ok' in v ? v.ok.version : v.problem.kind} (${v.ms} ms); go env -json: ${'ok' in e ? 'ok' : e.problem.kind} (${e.ms} ms)`,
    );
    return { v, e };
  })();

  const network = (gp: string, sd: string) =>
    runNetworkChecks({
      goproxy: gp,
      gosumdb: sd,
      extraMirrors: opts.extraMirrors,
      proxyCandidates: opts.proxyCandidates,
      platform: p,
      timeoutMs,
      signal: opts.signal,
    }).then((f) => {
      log(`network checks: ${f.length} findings at ${since()} ms`);
      return f;
    });
  // The network does not wait for go: a hanging go must not double the run time.
  const probing = opts.network !== false;
  const networkEarly = probing ? network(predicted.GOPROXY.value, predicted.GOSUMDB.value) : Promise.resolve([]);

  const findings: Finding[] = [];
  let info: GoVersionInfo | undefined;
  let goEnv: Record<string, string> | undefined;
  const goResult = await goWork;
  if (!located.found) findings.push(goNotFoundFinding(located));
  else if (goResult) {
    if ('problem' in goResult.v) findings.push(goProblemFinding(located.go.path, goResult.v.problem));
    if ('problem' in goResult.e) findings.push(goProblemFinding(located.go.path, goResult.e.problem));
    if ('ok' in goResult.e) goEnv = goResult.e.ok;
    if ('ok' in goResult.v) {
      info = goResult.v.ok;
      findings.push(goOkFinding(located.go.path, info, goEnv?.['GOROOT'], goResult.v.ms));
    }
  }

  // The report's env: go's own answer where we have it, with where each value comes from.
  const env: Record<string, EnvEntry> = {};
  const source = (name: string): EnvEntry['source'] =>
    p.env[name] ? 'environment' : layers.file.get(name) ? 'goenv' : 'default';
  if (goEnv) {
    for (const [name, value] of Object.entries(goEnv).sort(([a], [b]) => a.localeCompare(b)))
      env[name] = { value, source: source(name) };
  }
  // go ran with GOTOOLCHAIN=local to stay put; report the user's own setting.
  for (const name of NETWORK_SETTINGS) {
    if (!goEnv || name === 'GOTOOLCHAIN' || !(name in goEnv)) env[name] = predicted[name];
  }
  // go < 1.21 has no such setting (it prints "" for names it does not know).
  const local = info ? parseGoVersion(info.version.replace(/^devel /, '')) : undefined;
  if (goEnv && local && !supportsToolchainSwitch(local)) delete env['GOTOOLCHAIN'];

  findings.push(
    ...envFindings({
      env,
      os: p.env,
      platform: p,
      file: envFile.kind === 'read' ? { path: envFile.path, values: envFile.values } : undefined,
    }),
  );
  findings.push(...pathFindings(p));
  findings.push(...(await dockEnv));
  if (envFile.kind === 'unreadable') {
    findings.push({
      id: 'env.fileUnreadable',
      severity: 'warning',
      ...findingWords(
        msg('go.envFileUnreadable.title'),
        msg('go.envFileUnreadable.detail', { path: envFile.path, error: envFile.message }),
      ),
      subject: envFile.path,
    });
  }

  const goModFiles = opts.goModFiles ?? [await findGoMod(opts.cwd)].filter((f): f is string => f !== undefined);
  const gomod = Promise.all(
    goModFiles.map((file) =>
      goModFindings({
        file,
        localVersion: info?.version,
        gotoolchain: env['GOTOOLCHAIN']?.value ?? predicted.GOTOOLCHAIN.value,
        goproxy: env['GOPROXY']?.value ?? predicted.GOPROXY.value,
        goos: info?.goos,
        goarch: info?.goarch,
      }),
    ),
  );

  const history = proxyHistoryFindings(p, envFile.path);
  const which = whichGo({ go: located.found ? located.go : undefined, info, goEnv, env, goModFiles });
  const modules = probing
    ? modulesFindings({
        goModFiles,
        env: envValues(env),
        platform: p,
        timeoutMs,
        all: opts.modules ?? false,
        signal: opts.signal,
      })
    : Promise.resolve([]);
  const routes = probing
    ? moduleRouteFindings({ goModFiles, env: envValues(env), platform: p, timeoutMs, signal: opts.signal })
    : Promise.resolve([]);
  const gp = env['GOPROXY']?.value ?? predicted.GOPROXY.value;
  const sd = env['GOSUMDB']?.value ?? predicted.GOSUMDB.value;
  const toolchain = runToolchainCheck({
    cwd: opts.cwd,
    go: located.found && info ? { path: located.go.path, ...info } : undefined,
    layers: { os: p.env, file: layers.file, filePath: envFile.path },
    gorootDir: goEnv?.['GOROOT'] || guessedGoroot,
    goEnv: goEnv ?? {},
    goproxy: gp,
    gosumdb: sd,
    platform: p,
    timeoutMs,
    signal: opts.signal,
    network: probing,
    ...(opts.dlRoute ? { dlRoute: opts.dlRoute } : {}),
  });
  let net = await networkEarly;
  if (probing && (gp !== predicted.GOPROXY.value || sd !== predicted.GOSUMDB.value)) {
    // go reported something our prediction missed (a patched distribution, say): probe what go will use.
    log(`go env differs from the prediction (GOPROXY ${predicted.GOPROXY.value} → ${gp}); probing again`);
    net = await network(gp, sd);
  }
  findings.push(...(await directFindings({ env, pathEnv: p.env['PATH'], os: p.os })));
  const tc = await toolchain;
  findings.push(
    ...(await gomod).flat(),
    ...(await which),
    ...tc.findings,
    ...(await modules),
    ...(await routes),
    ...net,
    ...(await history),
  );
  if (opts.deep && goPath && info) {
    findings.push(...(await refereeFindings(opts, goPath, goEnv, tc, findings, timeoutMs)));
    log(`referee: done at ${since()} ms`);
  }

  const report: Report = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    go: {
      path: located.found ? located.go.path : null,
      version: info?.version ?? null,
      goroot: goEnv?.['GOROOT'] ?? null,
    },
    env: Object.fromEntries(Object.entries(env).map(([k, e]) => [k, { ...e, value: redact(e.value) }])),
    findings: findings.map(redactFinding),
    durationMs: since(),
  };
  return report;
}

function envValues(env: Record<string, EnvEntry>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, e]) => [k, e.value]));
}
