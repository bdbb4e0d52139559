// Which Go runs in this workspace and what it will do: `toolchain.plan`, and the errors go would
// stop with before building: a switch GOTOOLCHAIN forbids, a toolchain no GOPROXY entry serves,
// a go.work older than its modules. Network only when a switch needs a download.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Finding, Fix } from '../findings';
import { loadGoTrust } from '../net/trust';
import { netProxyConfigFromEnv } from '../net/netproxy';
import { runDlRouteCheck } from './dlRouteCheck';
import { netContext } from './netContext';
import { readGorootGoEnv } from '../go/envFile';
import { compareGoVersions, goName, parseGoVersion, releaseFor, supportsToolchainSwitch } from '../goVersion';
import type { Platform } from '../platform';
import { sumdbStateDir } from '../stateDir';
import { goNetwork } from '../net/goNetwork';
import type { HttpGet } from '../net/httpGet';
import { findLocalToolchain, toolchainAvailability, type Availability } from '../toolchainPlan/availability';
import { describeLayerText, layeredSetting, type GoToolchainLayers } from '../toolchainPlan/gotoolchain';
import { selectToolchain, type ToolchainPlan } from '../toolchainPlan/select';
import { canTraceSelection, traceSelection, type SelectionTrace } from '../toolchainPlan/trace';
import { readWorkspace } from '../toolchainPlan/workspace';
import { goWorkFindings } from './goWorkCheck';
import { answersWords, planTitle, switchForbiddenFinding, unavailableFinding } from './toolchainWording';
import { msg, type Message, type Param } from '../i18n/message';
import { findingWords, fixWords } from '../i18n/words';
import { joined, sentences } from '../i18n/join';

export interface ToolchainCheckInput {
  cwd: string;
  /** The local go (its path and `go version`); undefined when go is missing. */
  go?: { path: string; version: string; goos: string; goarch: string } | undefined;
  /** The OS environment and go env file layers; `$GOROOT/go.env` is read here from gorootDir. */
  layers: Omit<GoToolchainLayers, 'goroot' | 'gorootDir'>;
  gorootDir?: string | undefined;
  /** go env's answer (GOMODCACHE, GONOSUMDB, GOPRIVATE). */
  goEnv: Record<string, string>;
  goproxy: string;
  gosumdb: string;
  platform: Platform;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  get?: HttpGet;
  /** What `direct` means for golang.org/toolchain (tests point it at a local server). */
  directBase?: string;
  /** False: nothing leaves the machine (no GOPROXY lookups, no download route). */
  network?: boolean;
  /** The release download route: probed when the workspace needs a Go that is not installed, or always with `all`. */
  dlRoute?: { all?: boolean; dlBases?: readonly string[] | undefined; mirrors?: readonly string[] | undefined };
}

export interface ToolchainCheckResult {
  plan?: ToolchainPlan | undefined;
  availability?: Availability | undefined;
  findings: Finding[];
}

export async function runToolchainCheck(input: ToolchainCheckInput): Promise<ToolchainCheckResult> {
  const started = performance.now();
  const go = input.go;
  if (!go) return { findings: [] };
  const layers: GoToolchainLayers = {
    ...input.layers,
    goroot: await readGorootGoEnv(input.gorootDir),
    gorootDir: input.gorootDir,
  };
  const gotoolchain = layeredSetting('GOTOOLCHAIN', layers);
  const ws = await readWorkspace(input.cwd, layeredSetting('GOWORK', layers).value);
  const plan = selectToolchain({ local: go.version, gotoolchain, file: ws.file });
  const [availability, dl, trace] = await Promise.all([
    plan.switchTo && !plan.invalid && input.network !== false ? availabilityOf(input, plan, go) : undefined,
    dlRouteFor(input, plan, go),
    !plan.legacy && canTraceSelection(go.version)
      ? traceSelection({
          goPath: go.path,
          cwd: input.cwd,
          env: input.platform.env,
          timeoutMs: input.timeoutMs,
          signal: input.signal,
        })
      : undefined,
  ]);
  const durationMs = Math.round(performance.now() - started);
  const findings: Finding[] = [];
  if (plan.invalid) findings.push(invalidFinding(plan));
  else findings.push(planFinding(plan, availability, trace));
  if (trace?.runs && !plan.invalid && trace.runs !== plan.runs) findings.push(disagreement(plan, trace));
  if (plan.refused && !plan.legacy) findings.push(switchForbiddenFinding(plan));
  if (plan.switchTo && availability?.kind === 'unavailable') findings.push(unavailableFinding(plan, availability, go));
  findings.push(...goWorkFindings(plan, ws));
  findings.push(...(dl ?? []));
  return { plan, availability, findings: findings.map((f) => ({ ...f, durationMs })) };
}

/** Through the network as go sees it (HTTP(S)_PROXY, Go's CA set), set up only if a lookup is needed. */
async function availabilityOf(input: ToolchainCheckInput, plan: ToolchainPlan, go: { goos: string; goarch: string }) {
  const e = input.goEnv;
  let net: ReturnType<typeof goNetwork> | undefined;
  const get: HttpGet = input.get ?? ((url, o) => (net ??= goNetwork(input.platform)).sumdbGet(url, o));
  try {
    return await toolchainAvailability({
      name: plan.switchTo!.name,
      goos: go.goos,
      goarch: go.goarch,
      pathOnly: plan.switchTo!.pathOnly,
      pathEnv: input.platform.env['PATH'] ?? '',
      gomodcache: e['GOMODCACHE'],
      goproxy: input.goproxy,
      gosumdb: input.gosumdb,
      gonosumdb: e['GONOSUMDB'],
      goprivate: e['GOPRIVATE'],
      sumdbStateDir: sumdbStateDir(input.platform),
      timeoutMs: input.timeoutMs,
      signal: input.signal,
      get,
      ...(input.directBase ? { directBase: input.directBase } : {}),
    });
  } finally {
    await net?.close();
  }
}

/** Probes the release download route when a needed Go is not installed (or always, with `all`). */
async function dlRouteFor(
  input: ToolchainCheckInput,
  plan: ToolchainPlan,
  go: { goos: string; goarch: string },
): Promise<Finding[] | undefined> {
  const route = input.dlRoute;
  if (!route || input.network === false) return undefined;
  const need = neededToolchain(plan);
  const missing = need !== undefined && !(await isInstalled(input, need));
  if (!missing && !route.all) return undefined;
  const p = input.platform;
  const net = netContext({
    trust: () => loadGoTrust(p),
    netproxy: netProxyConfigFromEnv(p.env),
    timeoutMs: input.timeoutMs,
    signal: input.signal,
    platform: p,
  });
  const r = await runDlRouteCheck({ name: need ?? plan.runs, goos: go.goos, goarch: go.goarch, net, ...route });
  return r.findings;
}

/** In PATH as `go1.X.Y`, in the module cache, or in the SDK directory our installer and golang.org/dl use. */
async function isInstalled(input: ToolchainCheckInput, name: string): Promise<boolean> {
  const sdkGo = path.join(input.platform.homeDir, 'sdk', name, 'bin', 'go');
  if (
    await fs.stat(sdkGo).then(
      (s) => s.isFile(),
      () => false,
    )
  )
    return true;
  const found = await findLocalToolchain({
    name,
    goos: input.go?.goos ?? '',
    goarch: input.go?.goarch ?? '',
    pathEnv: input.platform.env['PATH'] ?? '',
    gomodcache: input.goEnv['GOMODCACHE'],
    pathOnly: false,
  });
  return found !== undefined;
}

function planFinding(plan: ToolchainPlan, availability: Availability | undefined, trace?: SelectionTrace): Finding {
  const parts: Param[] = [];
  if (plan.legacy) parts.push(msg('check.tc.plan.legacy', { local: plan.local }));
  else {
    parts.push(
      msg('check.tc.plan.source', {
        value: plan.gotoolchain.value || msg('check.tc.empty'),
        layer: describeLayerText(plan.gotoolchain),
      }),
    );
    if (plan.file) {
      const lines = [
        ...(plan.file.go ? [`go ${plan.file.go.value}`] : []),
        ...(plan.file.toolchain ? [`toolchain ${plan.file.toolchain.value}`] : []),
      ];
      parts.push(
        lines.length
          ? msg('check.tc.plan.fileSays', { file: plan.file.path, lines: joined(lines) })
          : msg('check.tc.plan.fileSilent', { file: plan.file.path }),
      );
    }
    if (availability) parts.push(availabilityWords(plan, availability));
  }
  if (trace?.lines.length) parts.push(msg('check.tc.plan.trace', { lines: trace.lines.join(' / ') }));
  return {
    id: 'toolchain.plan',
    severity: 'info',
    ...findingWords(planTitle(plan), msg('common.verbatim', { text: sentences(parts) })),
    subject: plan.file?.path ?? 'GOTOOLCHAIN',
  };
}

function availabilityWords(plan: ToolchainPlan, a: Availability): Message {
  const name = plan.switchTo?.name ?? plan.runs;
  switch (a.kind) {
    case 'inPath':
      return msg('check.tc.avail.inPath', { name, file: a.file });
    case 'cached':
      return msg('check.tc.avail.cached', { name, dir: a.dir });
    case 'downloadable':
      return msg('check.tc.avail.downloadable', { source: a.source, database: a.database });
    case 'unavailable':
      return msg('check.tc.avail.unavailable', { name, ...answersWords(a) });
  }
}

function invalidFinding(plan: ToolchainPlan): Finding {
  const inFile = plan.invalid?.startsWith('invalid toolchain');
  const fixes: Fix[] = inFile
    ? []
    : [
        {
          command: 'go env -w GOTOOLCHAIN=auto',
          ...fixWords(msg('check.tc.fix.setAuto')),
          action: { kind: 'setGoEnv', name: 'GOTOOLCHAIN', value: 'auto' },
        },
      ];
  return {
    id: 'toolchain.invalid',
    severity: 'error',
    ...findingWords(
      msg(inFile ? 'check.tc.invalid.title.line' : 'check.tc.invalid.title.env'),
      msg('check.tc.invalid.detail', {
        invalid: plan.invalid ?? '',
        advice: inFile
          ? msg('check.tc.invalid.advice.line')
          : msg('check.tc.invalid.advice.env', { layer: describeLayerText(plan.gotoolchain) }),
      }),
    ),
    subject: inFile ? (plan.file?.path ?? 'go.mod') : 'GOTOOLCHAIN',
    ...(inFile && plan.file?.toolchain ? { location: { file: plan.file.path, line: plan.file.toolchain.line } } : {}),
    fixes,
  };
}

function disagreement(plan: ToolchainPlan, trace: SelectionTrace): Finding {
  return {
    id: 'toolchain.traceDisagrees',
    severity: 'warning',
    ...findingWords(
      msg('check.tc.trace.title', { actual: trace.runs ?? '', predicted: plan.runs }),
      msg('check.tc.trace.detail', { lines: trace.lines.join(' / ') }),
    ),
    subject: plan.file?.path ?? 'GOTOOLCHAIN',
  };
}

/** The version a workspace needs, for callers that install ahead of time. */
export function neededToolchain(plan: ToolchainPlan): string | undefined {
  if (plan.switchTo) return plan.switchTo.name;
  if (plan.refused) {
    const v = parseGoVersion(plan.refused.need);
    return v ? goName(releaseFor(v)) : undefined;
  }
  const local = parseGoVersion(plan.local.replace(/^go/, ''));
  const need = plan.file?.go ? parseGoVersion(plan.file.go.value) : undefined;
  if (local && need && !supportsToolchainSwitch(local) && compareGoVersions(need, local) > 0)
    return goName(releaseFor(need));
  return undefined;
}
