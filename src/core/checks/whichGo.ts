// Which go runs and what it will do: every go installed, the editor's and the terminal's,
// GOROOT, module mode, GOBIN and the architecture. Listing starts with the diagnosis and runs
// beside go's own inspection; the rest needs go's answers and only reads files.
import type { Finding } from '../findings';
import { listAllGos, withVersion, type FoundGo } from '../go/allGos';
import { resolveEditorGo, type EditorGo, type EditorGoSettings } from '../go/editorGo';
import type { GoVersionInfo } from '../go/inspect';
import { hostMachineArch } from '../go/machineArch';
import { pathModule, type LocatedGo } from '../go/locate';
import { samePath } from '../go/samePath';
import type { Platform } from '../platform';
import type { EnvEntry } from '../report/model';
import { archFinding } from './archCheck';
import { gobinFindings } from './gobinCheck';
import { gorootFindings } from './gorootCheck';
import { moduleModeFindings } from './moduleModeCheck';
import { goAllFinding, goShadowedFinding } from './whichGoCheck';

export interface WhichGoAnswers {
  go: LocatedGo | undefined;
  info: GoVersionInfo | undefined;
  goEnv: Record<string, string> | undefined;
  env: Record<string, EnvEntry>;
  goModFiles: readonly string[];
}

export function startWhichGoChecks(
  p: Platform,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  editorSettings: EditorGoSettings | undefined,
): (answers: WhichGoAnswers) => Promise<Finding[]> {
  const editor = editorSettings ? resolveEditorGo(editorSettings, p) : Promise.resolve(undefined);
  const all = Promise.all([listAllGos(p, timeoutMs, signal), editor]).then(([gos, e]) =>
    withEditorGo(gos, e, p, timeoutMs, signal),
  );
  const machine = (p.machineArch ?? ((s) => hostMachineArch(p.env, s)))(signal).catch(() => p.arch);
  // Settled now so a rejection is not reported as unhandled while go is still being asked.
  void all.catch(() => undefined);
  return async (a) => {
    const [gos, editorGo, machineArch, goroot, modules, gobin] = await Promise.all([
      all,
      editor,
      machine,
      a.go
        ? gorootFindings({
            platform: p,
            goRealPath: a.go.realPath,
            goroot: a.goEnv?.['GOROOT'],
            goos: a.info?.goos,
            goarch: a.info?.goarch,
            version: a.info?.version,
          })
        : [],
      moduleModeFindings({ goModFiles: a.goModFiles, env: a.env, version: a.info?.version, os: p.os }),
      a.goEnv ? gobinFindings(a.env, p) : [],
    ]);
    const arch = a.go && a.info ? archFinding({ path: a.go.path, ...a.info }, machineArch, p) : undefined;
    const shadowed = goShadowedFinding(gos, editorGo, p);
    return [
      goAllFinding(gos, editorGo, p),
      ...(shadowed ? [shadowed] : []),
      ...(arch ? [arch] : []),
      ...goroot,
      ...modules,
      ...gobin,
    ];
  };
}

/** The listing plus the editor's go when it is in none of the usual places. */
async function withEditorGo(
  gos: FoundGo[],
  editor: EditorGo | undefined,
  p: Platform,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<FoundGo[]> {
  if (!editor || gos.some((g) => samePath(g.realPath, editor.realPath, p))) return gos;
  const pm = pathModule(p);
  const goroot = pm.dirname(pm.dirname(editor.realPath));
  return [
    ...gos,
    await withVersion(
      { path: editor.realPath, realPath: editor.realPath, place: 'editor', goroot },
      p,
      timeoutMs,
      signal,
    ),
  ];
}
