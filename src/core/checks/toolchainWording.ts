// The words of the toolchain findings: what runs, why, what go will print when it stops, and the
// fix at the layer that caused it.
import type { Finding, Fix } from '../findings';
import { goName, parseGoVersion, releaseFor } from '../goVersion';
import type { Availability } from '../toolchainPlan/availability';
import { describeLayer, type LayeredSetting } from '../toolchainPlan/gotoolchain';
import type { SwitchReason, ToolchainPlan } from '../toolchainPlan/select';

function layerShort(s: LayeredSetting): string {
  switch (s.layer) {
    case 'environment':
      return 'from the OS environment';
    case 'goenv':
      return 'from the go env file';
    case 'goroot':
      return 'from the default ($GOROOT/go.env)';
    case 'unset':
      return 'unset';
  }
}

function reasonWords(plan: ToolchainPlan, r: SwitchReason): string {
  const file = plan.file?.kind ?? 'go.mod';
  if (r.kind === 'toolchainLine') return `toolchain line of ${file}`;
  if (r.kind === 'goLine') return `go line of ${file}`;
  return `GOTOOLCHAIN names it`;
}

export function planTitle(plan: ToolchainPlan): string {
  const setting = `GOTOOLCHAIN=${plan.gotoolchain.value || '(empty)'} ${layerShort(plan.gotoolchain)}`;
  if (plan.legacy) return `${plan.local} runs here`;
  if (plan.switchTo)
    return `go will switch to ${plan.switchTo.name} (${reasonWords(plan, plan.switchTo.reason)}; ${setting})`;
  return `${plan.runs} runs here (${setting})`;
}

function installFix(version: string, suffix = ''): Fix {
  return {
    command: `go-env-doctor install ${version}`,
    title: `Install Go ${version} (verified)${suffix}`,
    action: { kind: 'installToolchain', version },
  };
}

/** Allowing the switch at the layer that forbids it. */
function allowSwitchFix(s: LayeredSetting): Fix {
  if (s.layer === 'environment')
    return {
      command: 'unset GOTOOLCHAIN',
      title:
        'Remove GOTOOLCHAIN from the OS environment (shell profile or system settings); go env -w cannot override it',
    };
  return {
    command: 'go env -w GOTOOLCHAIN=auto',
    title: 'Allow go to switch toolchains (GOTOOLCHAIN=auto in the go env file)',
    action: { kind: 'setGoEnv', name: 'GOTOOLCHAIN', value: 'auto' },
  };
}

export function switchForbiddenFinding(plan: ToolchainPlan): Finding {
  const refused = plan.refused!;
  const file = plan.file!;
  const need = parseGoVersion(refused.need)!;
  const install = goName(releaseFor(need)).replace(/^go/, '');
  const running = plan.runs.replace(/^go/, '');
  const keptByDefault = file.toolchain?.value === 'default';
  const why = keptByDefault
    ? `"toolchain default" in ${file.path} keeps the configured toolchain (${plan.runs}) whatever GOTOOLCHAIN allows`
    : `GOTOOLCHAIN=${plan.gotoolchain.value}, set in ${describeLayer(plan.gotoolchain)}, ${
        plan.switchTo ? `pins ${plan.runs}` : 'forbids switching to a newer toolchain'
      }`;
  return {
    id: 'toolchain.switchForbidden',
    severity: 'error',
    title: `${file.kind} needs go >= ${refused.need}, and ${keptByDefault ? '"toolchain default"' : `GOTOOLCHAIN=${plan.gotoolchain.value}`} keeps ${plan.runs}`,
    detail: `${file.path}:${refused.line.line} says "go ${refused.line.value}", but ${why}. Every go command here stops with "go: ${file.kind} requires go >= ${refused.need} (running go ${running}; GOTOOLCHAIN=${plan.gotoolchain.value})". Install Go ${install} and run it, or ${keptByDefault ? 'remove the "toolchain default" line' : 'let go switch'}.`,
    subject: plan.gotoolchain.layer === 'environment' ? 'GOTOOLCHAIN' : file.path,
    location: { file: file.path, line: refused.line.line },
    fixes: keptByDefault
      ? [installFix(install, ' and put its bin directory first on PATH')]
      : [installFix(install, ' and put its bin directory first on PATH'), allowSwitchFix(plan.gotoolchain)],
  };
}

export function unavailableFinding(
  plan: ToolchainPlan,
  a: Extract<Availability, { kind: 'unavailable' }>,
  go: { goos: string; goarch: string },
): Finding {
  const sw = plan.switchTo!;
  const goSays = a.pathOnly
    ? `go: cannot find "${sw.name}" in PATH`
    : `go: download ${sw.name} for ${go.goos}/${go.goarch}: toolchain not available`;
  const line =
    sw.reason.kind === 'gotoolchain' || !plan.file ? undefined : { file: plan.file.path, line: sw.reason.line.line };
  const fixes: Fix[] = [installFix(sw.version.text, ' and put its bin directory first on PATH')];
  if (!a.pathOnly && a.answers.some((x) => !/: HTTP 40[34]$|: has it$/.test(x)))
    fixes.push({
      command: 'go-env-doctor set-proxy --auto',
      title: 'Use a GOPROXY mirror that works',
      action: { kind: 'setProxyAuto' },
    });
  return {
    id: 'toolchain.unavailable',
    severity: 'error',
    title: `go needs ${sw.name}, which it cannot get: builds will fail with "toolchain not available"`,
    detail: `go will switch to ${sw.name} (${reasonWords(plan, sw.reason)}), but ${
      a.pathOnly ? 'GOTOOLCHAIN ends in path, so it looks only in PATH, and' : 'no source has it:'
    } ${a.answers.join('; ')}${a.sumdb ? `; ${a.sumdb}` : ''}. go will stop with "${goSays}". Install ${sw.name} with go-env-doctor (verified) and put its bin directory first on PATH, so the go that runs is already new enough${
      a.pathOnly ? '' : ', or fix the GOPROXY entry that failed'
    }.`,
    subject: line?.file ?? 'GOTOOLCHAIN',
    ...(line ? { location: line } : {}),
    fixes,
  };
}
