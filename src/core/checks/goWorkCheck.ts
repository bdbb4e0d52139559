// go.work against the modules it uses: from Go 1.21, a go.work whose go line is lower than a
// module's makes every go command stop ("module ./a listed in go.work file requires go >= …").
import * as path from 'node:path';
import type { Finding } from '../findings';
import { compareGoVersions, parseGoVersion, supportsToolchainSwitch } from '../goVersion';
import type { ToolchainPlan } from '../toolchainPlan/select';
import type { WorkspaceFiles } from '../toolchainPlan/workspace';
import { msg } from '../i18n/message';
import { findingWords, fixWords } from '../i18n/words';

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
      ...findingWords(
        msg('check.gowork.goTooOld.title', { workGo: file.go.value, use: m.use.value, modGo: m.go.value }),
        msg('check.gowork.goTooOld.detail', {
          file: file.path,
          line: file.go.line,
          workGo: file.go.value,
          modGo: m.go.value,
          goMod: m.goMod,
          modLine: m.go.line,
          use: m.use.value,
          dir,
        }),
      ),
      subject: file.path,
      location: { file: file.path, line: file.go.line },
      fixes: [{ command: `cd ${dir} && go work use`, ...fixWords(msg('check.gowork.fix', { version: m.go.value })) }],
    });
  }
  return out;
}
