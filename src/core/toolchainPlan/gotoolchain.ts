// GOTOOLCHAIN as cmd/go reads it: the value, the layer that set it (the OS environment, the go env
// file, `$GOROOT/go.env`, which some distributions patch to `local`), and what it means.
import * as path from 'node:path';
import { parseGoVersion, type GoVersion } from '../goVersion';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

export type SettingLayer = 'environment' | 'goenv' | 'goroot' | 'unset';

export interface LayeredSetting {
  value: string;
  layer: SettingLayer;
  /** The file behind `goenv` or `goroot`. */
  file?: string | undefined;
}

export interface GoToolchainLayers {
  os: NodeJS.ProcessEnv;
  file: Map<string, string>;
  filePath?: string | undefined;
  goroot: Map<string, string>;
  gorootDir?: string | undefined;
}

/** cmd/go's cfg.Getenv: a non-empty OS variable, else the go env file, else `$GOROOT/go.env`. */
export function layeredSetting(name: string, l: GoToolchainLayers): LayeredSetting {
  const os = l.os[name];
  if (os) return { value: os, layer: 'environment' };
  const file = l.file.get(name);
  if (file) return { value: file, layer: 'goenv', file: l.filePath };
  const goroot = l.goroot.get(name);
  if (goroot) return { value: goroot, layer: 'goroot', file: l.gorootDir && path.join(l.gorootDir, 'go.env') };
  return { value: '', layer: 'unset' };
}

/** Where a setting came from, in words: "the OS environment", "the go env file /x/go/env". */
export function describeLayer(s: LayeredSetting): string {
  return render(describeLayerText(s), 'en');
}

/** describeLayer as a catalog Message. */
export function describeLayerText(s: LayeredSetting): Message {
  switch (s.layer) {
    case 'environment':
      return msg('setting.layer.environment');
    case 'goenv':
      return s.file ? msg('setting.layer.goenvFile', { file: s.file }) : msg('setting.layer.goenv');
    case 'goroot':
      return msg('setting.layer.goroot', { file: s.file ?? '$GOROOT/go.env' });
    case 'unset':
      return msg('setting.layer.unset');
  }
}

export type GoToolchainMode =
  /** Never switch: run the local go (or the pinned minimum). */
  | { kind: 'fixed'; min?: { name: string; version: GoVersion } }
  /** Switch to what go.mod/go.work asks when newer than the minimum; `path` only looks in PATH. */
  | { kind: 'switching'; pathOnly: boolean; min?: { name: string; version: GoVersion } }
  | { kind: 'invalid'; message: string };

/** Parses `auto`, `local`, `path`, `<name>`, `<name>+auto`, `<name>+path` (and `local+auto`). */
export function parseGoToolchain(value: string): GoToolchainMode {
  if (value === 'auto') return { kind: 'switching', pathOnly: false };
  if (value === 'path') return { kind: 'switching', pathOnly: true };
  const plus = value.indexOf('+');
  const minText = plus < 0 ? value : value.slice(0, plus);
  const suffix = plus < 0 ? undefined : value.slice(plus + 1);
  let min: { name: string; version: GoVersion } | undefined;
  if (minText !== 'local') {
    const version = versionOfToolchainName(minText);
    if (!version)
      return {
        kind: 'invalid',
        message:
          plus < 0
            ? `invalid GOTOOLCHAIN "${value}"`
            : `invalid GOTOOLCHAIN "${value}": invalid minimum toolchain "${minText}"`,
      };
    min = { name: minText, version };
  }
  if (suffix !== undefined && suffix !== 'auto' && suffix !== 'path')
    return { kind: 'invalid', message: `invalid GOTOOLCHAIN "${value}": only version suffixes are +auto and +path` };
  if (suffix === undefined) return min ? { kind: 'fixed', min } : { kind: 'fixed' };
  return { kind: 'switching', pathOnly: suffix === 'path', ...(min ? { min } : {}) };
}

/** gover.FromToolchain: `go1.22.3` and custom `name-go1.22.3` names; undefined otherwise. */
export function versionOfToolchainName(name: string): GoVersion | undefined {
  const m = /^(?:[^-]*-)?go(\d[^-]*)(?:-.*)?$/.exec(name);
  return m ? parseGoVersion(m[1]!) : undefined;
}
