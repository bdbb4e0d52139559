// The go the editor runs, from the settings the extension passes in: the Go extension's
// go.alternateTools.go, then go.goroot, then goEnv.goPath. None of them: the editor uses PATH.
import * as path from 'node:path';
import type { Platform } from '../platform';
import { exeName, locateGo } from './locate';

export interface EditorGoSettings {
  /** go.alternateTools.go: a path or a command name. */
  alternateGo?: string | undefined;
  /** go.goroot. */
  goroot?: string | undefined;
  /** goEnv.goPath. */
  goPath?: string | undefined;
}

export interface EditorGo {
  realPath: string;
  setting: string;
}

export async function resolveEditorGo(s: EditorGoSettings, p: Platform): Promise<EditorGo | undefined> {
  const choices: [string | undefined, string][] = [
    [s.alternateGo, 'go.alternateTools'],
    [s.goroot && path.join(s.goroot, 'bin', exeName(p)), 'go.goroot'],
    [s.goPath, 'goEnv.goPath'],
  ];
  for (const [value, setting] of choices) {
    if (!value) continue;
    const r = await locateGo(p, value);
    if (r.found) return { realPath: r.go.realPath, setting };
  }
  return undefined;
}
