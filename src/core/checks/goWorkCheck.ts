// go.work against the modules it uses: from Go 1.21, a go.work whose go line is lower than a
// module's makes every go command stop ("module ./a listed in go.work file requires go >= …").
import * as path from 'node:path';
import type { Finding } from '../findings';
import { compareGoVersions, parseGoVersion, supportsToolchainSwitch } from '../goVersion';
import type { ToolchainPlan } from '../toolchainPlan/select';
import type { WorkspaceFiles } from '../toolchainPlan/workspace';

export function goWorkFindings(plan: ToolchainPlan, ws: WorkspaceFiles): Finding[] {
  const file = ws.file;
  // Go 1.19 and 1.20 accept such a go.work; the check arrived with toolchain selection.
  if (file?.kind !== 'go.work' || !file.go || !plan.runsVersion || !supportsToolchainSwitch(plan.runsVersion))
    return [];
  const workGo = parseGoVersion(file.go.value);
  if (!workGo) return [];
  const out: Finding[] = [];
  for (const m of ws.modules) {
    const modGo = m.go ? parseGoVersion(m.go.value) : undefined;
    if (!m.go || !modGo || compareGoVersions(modGo, workGo) <= 0) continue;
    const dir = path.dirname(file.path);
    out.push({
      id: 'gowork.goTooOld',
      severity: 'error',
      title: `go.work says go ${file.go.value}, but ${m.use.value} needs go ${m.go.value}`,
      detail: `${file.path}:${file.go.line} says "go ${file.go.value}", lower than "go ${m.go.value}" in ${m.goMod}:${m.go.line}. go refuses the workspace: "go: module ${m.use.value} listed in go.work file requires go >= ${m.go.value}, but go.work lists go ${file.go.value}". Run go work use in ${dir} (it raises the go line), or set it to go ${m.go.value} by hand.`,
      subject: file.path,
      location: { file: file.path, line: file.go.line },
      fixes: [{ command: `cd ${dir} && go work use`, title: `Raise go.work's go line to ${m.go.value}` }],
    });
  }
  return out;
}
