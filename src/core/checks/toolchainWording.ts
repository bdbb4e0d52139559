// The words of the toolchain findings: what runs, why, what go will print when it stops, and the
// fix at the layer that caused it.
import type { Finding, Fix } from '../findings';
import { goName, parseGoVersion, releaseFor } from '../goVersion';
import type { Availability } from '../toolchainPlan/availability';
import { describeLayerText, type LayeredSetting } from '../toolchainPlan/gotoolchain';
import type { SwitchReason, ToolchainPlan } from '../toolchainPlan/select';
import { msg, type Message, type Param } from '../i18n/message';
import { findingWords, fixWords } from '../i18n/words';
import { installToolchainFix } from './fixes';
import { joined } from '../i18n/join';

const LAYER_SHORT: Record<LayeredSetting['layer'], Message> = {
  environment: msg('check.tc.layer.environment'),
  goenv: msg('check.tc.layer.goenv'),
  goroot: msg('check.tc.layer.goroot'),
  unset: msg('check.tc.layer.unset'),
};

function reasonWords(plan: ToolchainPlan, r: SwitchReason): Message {
  const file = plan.file?.kind ?? 'go.mod';
  if (r.kind === 'toolchainLine') return msg('check.tc.reason.toolchainLine', { file });
  if (r.kind === 'goLine') return msg('check.tc.reason.goLine', { file });
  return msg('check.tc.reason.gotoolchain');
}

export function planTitle(plan: ToolchainPlan): Message {
  const setting = msg('check.tc.setting', {
    value: plan.gotoolchain.value || msg('check.tc.empty'),
    layer: LAYER_SHORT[plan.gotoolchain.layer],
  });
  if (plan.legacy) return msg('check.tc.plan.title.legacy', { local: plan.local });
  if (plan.switchTo)
    return msg('check.tc.plan.title.switch', {
      name: plan.switchTo.name,
      reason: reasonWords(plan, plan.switchTo.reason),
      setting,
    });
  return msg('check.tc.plan.title.runs', { runs: plan.runs, setting });
}

/** What no source could provide: each source's answer, then the checksum database's. */
export function answersWords(a: Extract<Availability, { kind: 'unavailable' }>): { answers: Param; sumdb: Param } {
  return {
    answers: joined(a.answers, msg('check.tc.answerSep')),
    sumdb: a.sumdb ? msg('check.tc.sumdbAnswer', { text: a.sumdb }) : '',
  };
}

function installFix(version: string): Fix {
  return installToolchainFix(version, msg('check.tc.fix.installFirst', { version }));
}

/** Allowing the switch at the layer that forbids it. */
function allowSwitchFix(s: LayeredSetting): Fix {
  if (s.layer === 'environment')
    return {
      command: 'unset GOTOOLCHAIN',
      ...fixWords(msg('check.tc.fix.removeEnv')),
    };
  return {
    command: 'go env -w GOTOOLCHAIN=auto',
    ...fixWords(msg('check.tc.fix.allowSwitch')),
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
    ? msg('check.tc.forbidden.why.default', { file: file.path, runs: plan.runs })
    : msg('check.tc.forbidden.why.setting', {
        value: plan.gotoolchain.value,
        layer: describeLayerText(plan.gotoolchain),
        what: plan.switchTo ? msg('check.tc.forbidden.pins', { runs: plan.runs }) : msg('check.tc.forbidden.noSwitch'),
      });
  return {
    id: 'toolchain.switchForbidden',
    severity: 'error',
    ...findingWords(
      msg('check.tc.forbidden.title', {
        kind: file.kind,
        need: refused.need,
        setting: keptByDefault ? '"toolchain default"' : `GOTOOLCHAIN=${plan.gotoolchain.value}`,
        runs: plan.runs,
      }),
      msg('check.tc.forbidden.detail', {
        file: file.path,
        line: refused.line.line,
        value: refused.line.value,
        why,
        kind: file.kind,
        need: refused.need,
        running,
        gotoolchain: plan.gotoolchain.value,
        install,
        alternative: msg(keptByDefault ? 'check.tc.forbidden.removeDefault' : 'check.tc.forbidden.letSwitch'),
      }),
    ),
    subject: plan.gotoolchain.layer === 'environment' ? 'GOTOOLCHAIN' : file.path,
    location: { file: file.path, line: refused.line.line },
    fixes: keptByDefault ? [installFix(install)] : [installFix(install), allowSwitchFix(plan.gotoolchain)],
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
  const fixes: Fix[] = [installFix(sw.version.text)];
  if (!a.pathOnly && a.sourceFailed)
    fixes.push({
      command: 'go-env-doctor set-proxy --auto',
      ...fixWords(msg('check.tc.fix.workingMirror')),
      action: { kind: 'setProxyAuto' },
    });
  return {
    id: 'toolchain.unavailable',
    severity: 'error',
    ...findingWords(
      msg('check.tc.unavailable.title', { name: sw.name }),
      msg(a.pathOnly ? 'check.tc.unavailable.detail.pathOnly' : 'check.tc.unavailable.detail.noSource', {
        name: sw.name,
        reason: reasonWords(plan, sw.reason),
        ...answersWords(a),
        goSays,
      }),
    ),
    subject: line?.file ?? 'GOTOOLCHAIN',
    ...(line ? { location: line } : {}),
    fixes,
  };
}
