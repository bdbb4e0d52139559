// Which go a terminal runs (the first on PATH), which one the editor runs, and every other go
// installed: an older go first on PATH, or an editor and a terminal running different gos,
// explain "works in the terminal, fails in the editor" and the reverse.
import type { Finding, Fix } from '../findings';
import type { FoundGo } from '../go/allGos';
import type { EditorGo } from '../go/editorGo';
import { pathModule } from '../go/locate';
import { samePath } from '../go/samePath';
import { compareGoVersionText } from '../goVersion';
import type { Platform } from '../platform';
import { pathFix } from './shellFixes';

const PLACE_LABEL: Record<FoundGo['place'], string> = {
  PATH: 'on PATH',
  GOROOT: '$GOROOT/bin',
  'well-known': 'install location',
  sdk: '~/sdk',
  editor: 'editor setting',
};

const describe = (g: FoundGo) => `${g.version ?? 'version unknown'} at ${g.path}`;

export function goAllFinding(
  all: readonly FoundGo[],
  editor: EditorGo | undefined,
  p: Pick<Platform, 'os'> = { os: process.platform },
): Finding {
  const lines = all.map((g) => {
    const marks = [
      g.pathIndex === 0 ? 'a terminal runs this one' : '',
      editor && samePath(editor.realPath, g.realPath, p) ? `the editor runs this one (${editor.setting})` : '',
    ].filter(Boolean);
    const where = g.pathIndex !== undefined ? `PATH #${g.pathIndex + 1}` : PLACE_LABEL[g.place];
    const real = g.realPath !== g.path ? ` → ${g.realPath}` : '';
    return `${describe(g)}${real} (${where}${marks.length ? `; ${marks.join('; ')}` : ''})`;
  });
  return {
    id: 'go.all',
    // Several gos are worth knowing about; a single one is simply checked.
    severity: all.length > 1 ? 'info' : 'ok',
    title: `${all.length} go ${all.length === 1 ? 'binary' : 'binaries'} on this machine`,
    detail: all.length ? `${lines.join('\n')}` : 'No go binary on PATH or in the usual install locations.',
  };
}

/** The newest go the user installed outside ~/sdk (whose versions are kept side by side on purpose). */
function newestInstalled(all: readonly FoundGo[], except: FoundGo): FoundGo | undefined {
  return all
    .filter((g) => g !== except && g.place !== 'sdk' && g.version !== undefined)
    .sort((a, b) => compareGoVersionText(b.version!, a.version!))[0];
}

export function goShadowedFinding(
  all: readonly FoundGo[],
  editor: EditorGo | undefined,
  p: Pick<Platform, 'env' | 'os'>,
): Finding | undefined {
  const terminal = all.find((g) => g.pathIndex === 0);
  if (!terminal) return undefined;
  const pm = pathModule(p);
  const causes: string[] = [];
  const fixes: Fix[] = [];
  const newer = newestInstalled(all, terminal);
  if (terminal.version && newer && compareGoVersionText(newer.version!, terminal.version) > 0) {
    causes.push(
      `A terminal runs ${describe(terminal)}, first on PATH, although ${describe(newer)} is installed: the older one shadows it.`,
    );
    fixes.push(pathFix(pm.dirname(newer.path), p));
  }
  const editorGo = editor && all.find((g) => samePath(g.realPath, editor.realPath, p));
  if (editor && !samePath(editor.realPath, terminal.realPath, p) && editorGo?.version !== terminal.version) {
    causes.push(
      `The editor runs ${editorGo ? describe(editorGo) : editor.realPath} (from ${editor.setting}), a terminal runs ${describe(terminal)}: builds and tests can behave differently in each.`,
    );
    if (!fixes.length) fixes.push(pathFix(pm.dirname(editorGo?.path ?? editor.realPath), p));
  }
  if (!causes.length) return undefined;
  return {
    id: 'go.shadowed',
    severity: 'warning',
    title: 'A different go runs than the one you expect',
    detail: `${causes.join(' ')} Put the go you want first on PATH (in your shell profile, so every new terminal and the editor started from it agree), or remove the older one.`,
    subject: terminal.path,
    fixes,
  };
}
