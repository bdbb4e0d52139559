// `direct` fetches a module from its origin with the version-control tool (git for almost every
// host): when GOPROXY says direct, or GOPRIVATE/GONOPROXY send modules there, that tool must be
// on PATH, or go fails with `exec: "git": executable file not found in $PATH`.
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../findings';
import { parseGoproxy } from '../go/goproxy';
import type { EnvEntry } from '../report/model';
import { msg } from '../i18n/message';
import { findingWords, fixWords } from '../i18n/words';

export interface DirectCheckInput {
  env: Record<string, EnvEntry>;
  /** The PATH the go command sees, and the OS (for the separator and the .exe suffix). */
  pathEnv: string | undefined;
  os: NodeJS.Platform;
}

export async function directFindings(input: DirectCheckInput): Promise<Finding[]> {
  const v = (name: string) => input.env[name]?.value ?? '';
  const entries = parseGoproxy(v('GOPROXY'));
  const onlyDirect = entries[0]?.kind === 'direct';
  const privatePatterns = v('GONOPROXY') || v('GOPRIVATE');
  const fallback = entries.some((e) => e.kind === 'direct');
  if (!onlyDirect && !privatePatterns && !fallback) return [];
  if (await onPath('git', input.pathEnv, input.os)) return [];
  const why = onlyDirect
    ? msg('check.direct.vcsMissing.why.onlyDirect', { goproxy: v('GOPROXY') })
    : privatePatterns
      ? msg('check.direct.vcsMissing.why.private', {
          variable: v('GONOPROXY') ? 'GONOPROXY' : 'GOPRIVATE',
          patterns: privatePatterns,
        })
      : msg('check.direct.vcsMissing.why.fallback');
  const installGit = fixWords(msg('check.direct.fix.installGit'));
  return [
    {
      id: 'direct.vcsMissing',
      severity: onlyDirect || privatePatterns ? 'error' : 'warning',
      ...findingWords(
        msg('check.direct.vcsMissing.title'),
        msg('check.direct.vcsMissing.detail', {
          why,
          path: input.pathEnv ?? msg('check.direct.vcsMissing.noPath'),
        }),
      ),
      subject: 'git',
      fixes: [
        input.os === 'darwin'
          ? { command: 'xcode-select --install', ...fixWords(msg('check.direct.fix.installGitXcode')) }
          : input.os === 'win32'
            ? { command: 'winget install --id Git.Git -e', ...installGit }
            : { command: 'sudo apt-get install git   # or your distribution’s package manager', ...installGit },
      ],
    },
  ];
}

async function onPath(tool: string, pathEnv: string | undefined, os: NodeJS.Platform): Promise<boolean> {
  const dirs = (pathEnv ?? '').split(os === 'win32' ? ';' : ':').filter((d) => d !== '');
  const names = os === 'win32' ? [`${tool}.exe`, `${tool}.cmd`] : [tool];
  for (const d of dirs)
    for (const n of names) {
      const ok = await fs.access(path.join(d, n), fsConstants.X_OK).then(
        () => true,
        () => false,
      );
      if (ok) return true;
    }
  return false;
}
