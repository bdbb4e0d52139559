// Which toolchain the go command will run in a workspace, following go.dev/doc/toolchain and
// cmd/go/internal/toolchain.Select: GOTOOLCHAIN's minimum and mode, then (in auto/path mode) the
// `toolchain` line if newer, then the `go` line if newer still (`go 1.22` means go1.22.0).
// Pure: no file, process or network access.
import type { Directive } from '../gomod/parse';
import type { GoVersion } from '../goVersion';
import { compareGoVersions, goName, parseGoVersion, releaseFor, supportsToolchainSwitch } from '../goVersion';
import { parseGoToolchain, versionOfToolchainName, type LayeredSetting } from './gotoolchain';

export interface ModeFile {
  /** go.work replaces go.mod for selection when there is one. */
  kind: 'go.mod' | 'go.work';
  path: string;
  go?: Directive | undefined;
  toolchain?: Directive | undefined;
}

export interface SelectionInput {
  /** The local go's version, `go1.21.5`. */
  local: string;
  gotoolchain: LayeredSetting;
  file?: ModeFile | undefined;
}

/** Why a toolchain other than the local go runs. */
export type SwitchReason =
  { kind: 'toolchainLine'; line: Directive } | { kind: 'goLine'; line: Directive } | { kind: 'gotoolchain' };

export interface ToolchainPlan {
  local: string;
  /** The toolchain that will run, `go1.23.4`. */
  runs: string;
  runsVersion?: GoVersion | undefined;
  /** A toolchain other than the local one: found in PATH, the module cache, or downloaded. */
  switchTo?: { name: string; version: GoVersion; pathOnly: boolean; reason: SwitchReason } | undefined;
  /** go.mod/go.work needs a newer Go than the one that runs and GOTOOLCHAIN forbids switching. */
  refused?: { need: string; line: Directive } | undefined;
  /** go refuses to start: GOTOOLCHAIN or the toolchain line is malformed. */
  invalid?: string | undefined;
  /** The local go predates Go 1.21: GOTOOLCHAIN and toolchain lines mean nothing to it. */
  legacy: boolean;
  gotoolchain: LayeredSetting;
  file?: ModeFile | undefined;
}

export function selectToolchain(input: SelectionInput): ToolchainPlan {
  const local = parseGoVersion(input.local.replace(/^go/, ''));
  const base: ToolchainPlan = { local: input.local, runs: input.local, legacy: false, gotoolchain: input.gotoolchain };
  if (input.file) base.file = input.file;
  if (!local) return base;
  base.runsVersion = local;
  if (!supportsToolchainSwitch(local)) return { ...base, legacy: true };
  // An empty GOTOOLCHAIN (go.env without the line, or no GOROOT): the local go runs as is.
  if (input.gotoolchain.value === '') return withGoLineCheck(base, local);

  const mode = parseGoToolchain(input.gotoolchain.value);
  if (mode.kind === 'invalid') return { ...base, invalid: mode.message };
  let runs = mode.min?.name ?? input.local;
  let minVers = mode.min?.version ?? local;
  let reason: SwitchReason = { kind: 'gotoolchain' };
  const file = input.file;
  if (mode.kind === 'switching' && file) {
    const tc = file.toolchain;
    if (tc && tc.value !== 'default') {
      const tv = versionOfToolchainName(tc.value);
      if (!tv || (!tc.value.startsWith('go') && !tc.value.includes('-go')))
        return { ...base, invalid: `invalid toolchain "${tc.value}" in ${file.path}` };
      if (compareGoVersions(tv, minVers) > 0) {
        runs = tc.value;
        minVers = tv;
        reason = { kind: 'toolchainLine', line: tc };
      }
    }
    const gv = file.go && tc?.value !== 'default' ? parseGoVersion(file.go.value) : undefined;
    if (gv && file.go && compareGoVersions(gv, minVers) > 0) {
      const target = releaseFor(gv);
      runs = goName(target);
      minVers = target;
      reason = { kind: 'goLine', line: file.go };
    }
  }
  const plan: ToolchainPlan = { ...base, runs, runsVersion: minVers };
  if (runs !== input.local)
    plan.switchTo = {
      name: runs,
      version: minVers,
      pathOnly: mode.kind === 'switching' && mode.pathOnly,
      reason,
    };
  return withGoLineCheck(plan, minVers);
}

/** The toolchain that runs still checks the go line: older, it stops with "go.mod requires go >= …". */
function withGoLineCheck(plan: ToolchainPlan, runs: GoVersion): ToolchainPlan {
  const go = plan.file?.go;
  const need = go ? parseGoVersion(go.value) : undefined;
  if (!go || !need || compareGoVersions(need, runs) <= 0) return plan;
  return { ...plan, refused: { need: need.text, line: go } };
}
