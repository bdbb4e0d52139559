// The Go extension's settings that choose the go the editor runs (go.alternateTools.go, then
// go.goroot), with our goEnv.goPath, for the diagnosis to compare with a terminal's go.
import type { EditorGoSettings } from '../core/go/editorGo';
import type { ConfigReader } from './settings';

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export function readEditorGo(goConfig: Pick<ConfigReader, 'get'>, goPath: string | undefined): EditorGoSettings {
  const alternate = goConfig.get<unknown>('alternateTools');
  const alternateGo =
    typeof alternate === 'object' && alternate !== null
      ? text((alternate as Record<string, unknown>)['go'])
      : undefined;
  return { alternateGo, goroot: text(goConfig.get<unknown>('goroot')), goPath };
}
