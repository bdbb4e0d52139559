// What the go command will read its settings from, without running it: the OS environment, the go
// env file, and $GOROOT/go.env (Go 1.21+ defaults, which distributions patch). The diagnosis (to
// probe at once instead of waiting for `go env`) and the installer (GOPROXY/GOSUMDB for the module
// route) both use this, so they can never disagree on where a value comes from.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Platform } from '../platform';
import { goEnvFilePath, readGoEnvFile, readGorootGoEnv, type EnvFileRead, type SettingLayers } from './envFile';
import { locateGo } from './locate';

export interface PredictedSettings {
  envFile: EnvFileRead;
  layers: SettingLayers;
  /** The GOROOT whose go.env was read (undefined when no go was found and $GOROOT is unset). */
  goroot: string | undefined;
}

/**
 * `goBinary`: the go that will run (its real path, symlinks resolved, as go itself resolves its
 * GOROOT); undefined: locate it. `goroot` overrides both, as an explicit GOROOT does.
 */
export async function predictGoSettings(
  p: Platform,
  o: { goBinary?: string | undefined; goroot?: string | undefined } = {},
): Promise<PredictedSettings> {
  const [envFile, goroot] = await Promise.all([readGoEnvFile(goEnvFilePath(p)), guessGoroot(p, o)]);
  return {
    envFile,
    goroot,
    layers: {
      os: p.env,
      file: envFile.kind === 'read' ? envFile.values : new Map(),
      goroot: await readGorootGoEnv(goroot),
    },
  };
}

/** An explicit GOROOT, then $GOROOT, then the grandparent of the go binary's real path. */
async function guessGoroot(
  p: Platform,
  o: { goBinary?: string | undefined; goroot?: string | undefined },
): Promise<string | undefined> {
  if (o.goroot) return o.goroot;
  if (p.env['GOROOT']) return p.env['GOROOT'];
  let binary = o.goBinary;
  if (!binary) {
    const located = await locateGo(p);
    if (!located.found) return undefined;
    binary = located.go.realPath;
  }
  const real = await fs.realpath(binary).catch(() => binary);
  return path.dirname(path.dirname(real));
}
