// Tools installed with `go install` land in GOBIN (default: the first GOPATH entry's bin); when
// that directory is not on PATH, they are installed but "command not found".
import { promises as fs } from 'node:fs';
import type { Finding } from '../findings';
import { absolutePathDirs, pathModule } from '../go/locate';
import type { Platform } from '../platform';
import type { EnvEntry } from '../report/model';
import { pathFix } from './shellFixes';
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';
import { joined } from '../i18n/join';

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
  const first = joined(tools.slice(0, 5));
  const shown = tools.length > 5 ? msg('check.env.gobin.more', { tools: first, n: tools.length - 5 }) : first;
  return [
    {
      id: 'env.gobinNotOnPath',
      severity: 'info',
      ...findingWords(
        msg('check.env.gobin.title'),
        msg('check.env.gobin.detail', { gobin, source: env['GOBIN']?.value ? 'GOBIN' : 'GOPATH/bin', tools: shown }),
      ),
      subject: gobin,
      fixes: [pathFix(gobin, p, 'last')],
    },
  ];
}
