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
import { msg, type Param } from '../i18n/message';
import { findingWords } from '../i18n/words';
import { joined, sentences } from '../i18n/join';

const PLACE_LABEL: Record<FoundGo['place'], Param> = {
  PATH: msg('check.go.place.PATH'),
  GOROOT: '$GOROOT/bin',
  'well-known': msg('check.go.place.wellKnown'),
  sdk: '~/sdk',
  editor: msg('check.go.place.editor'),
};

const describe = (g: FoundGo) =>
  msg('check.go.describe', { version: g.version ?? msg('check.go.versionUnknown'), path: g.path });

export function goAllFinding(
  all: readonly FoundGo[],
  editor: EditorGo | undefined,
  p: Pick<Platform, 'os'> = { os: process.platform },
): Finding {
  const lines = all.map((g) => {
    const marks = [
      ...(g.pathIndex === 0 ? [msg('check.go.all.terminal')] : []),
      ...(editor && samePath(editor.realPath, g.realPath, p)
        ? [msg('check.go.all.editor', { setting: editor.setting })]
        : []),
    ];
    const where =
      g.pathIndex !== undefined ? msg('check.go.place.pathIndex', { n: g.pathIndex + 1 }) : PLACE_LABEL[g.place];
    const real = g.realPath !== g.path ? ` → ${g.realPath}` : '';
    return msg('check.go.all.line', {
      go: describe(g),
      real,
      where,
      marks: marks.length ? msg('check.go.all.marks', { marks: joined(marks, msg('check.go.all.markSep')) }) : '',
    });
  });
  return {
    id: 'go.all',
    // Several gos are worth knowing about; a single one is simply checked.
    severity: all.length > 1 ? 'info' : 'ok',
    ...findingWords(
      all.length === 1 ? msg('check.go.all.title.one') : msg('check.go.all.title.many', { count: all.length }),
      all.length ? msg('common.verbatim', { text: joined(lines, '\n') }) : msg('check.go.all.none'),
    ),
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
  const causes: Param[] = [];
  const fixes: Fix[] = [];
  const newer = newestInstalled(all, terminal);
  if (terminal.version && newer && compareGoVersionText(newer.version!, terminal.version) > 0) {
    causes.push(msg('check.go.shadowed.older', { terminal: describe(terminal), newer: describe(newer) }));
    fixes.push(pathFix(pm.dirname(newer.path), p));
  }
  const editorGo = editor && all.find((g) => samePath(g.realPath, editor.realPath, p));
  if (editor && !samePath(editor.realPath, terminal.realPath, p) && editorGo?.version !== terminal.version) {
    causes.push(
      msg('check.go.shadowed.editor', {
        editor: editorGo ? describe(editorGo) : editor.realPath,
        setting: editor.setting,
        terminal: describe(terminal),
      }),
    );
    if (!fixes.length) fixes.push(pathFix(pm.dirname(editorGo?.path ?? editor.realPath), p));
  }
  if (!causes.length) return undefined;
  return {
    id: 'go.shadowed',
    severity: 'warning',
    ...findingWords(msg('check.go.shadowed.title'), msg('check.go.shadowed.detail', { causes: sentences(causes) })),
    subject: terminal.path,
    fixes,
  };
}
