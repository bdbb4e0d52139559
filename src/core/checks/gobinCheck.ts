// Tools installed with `go install` land in GOBIN (default: the first GOPATH entry's bin); when
// that directory is not on PATH, they are installed but "command not found".
import { promises as fs } from 'node:fs';
import type { Finding } from '../findings';
import { absolutePathDirs, pathModule } from '../go/locate';
import type { Platform } from '../platform';
import type { EnvEntry } from '../report/model';
import { pathFix } from './shellFixes';

export async function gobinFindings(
  env: Record<string, EnvEntry>,
  p: Pick<Platform, 'env' | 'os'>,
): Promise<Finding[]> {
  const pm = pathModule(p);
  const gopath = (env['GOPATH']?.value ?? '').split(p.os === 'win32' ? ';' : ':').find(Boolean);
  const gobin = env['GOBIN']?.value || (gopath ? pm.join(gopath, 'bin') : '');
  if (!gobin || !pm.isAbsolute(gobin)) return [];
  const tools = (await fs.readdir(gobin).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));
  if (!tools.length) return [];
  const norm = (d: string) => {
    const n = pm.normalize(d).replace(/[\\/]+$/, '');
    return p.os === 'win32' ? n.toLowerCase() : n;
  };
  if (absolutePathDirs(p).some((d) => norm(d) === norm(gobin))) return [];
  const shown = tools.slice(0, 5).join(', ') + (tools.length > 5 ? `, and ${tools.length - 5} more` : '');
  return [
    {
      id: 'env.gobinNotOnPath',
      severity: 'info',
      title: `Tools installed with go install are not on PATH`,
      detail: `${gobin} (${env['GOBIN']?.value ? 'GOBIN' : 'GOPATH/bin'}) holds ${shown}, but it is not on PATH, so a terminal answers "command not found" for them. Add it to PATH in your shell profile.`,
      subject: gobin,
      fixes: [pathFix(gobin, p, 'last')],
    },
  ];
}
