// PATH shapes that break Windows tools: a PATH longer than cmd.exe's 8191-character line limit,
// and entries with quotes or a trailing backslash. Other systems have no such limits here.
import type { Finding } from '../findings';
import type { Platform } from '../platform';
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';

/** cmd.exe's longest command line, which also bounds what %PATH% can expand to in a cmd line. */
export const CMD_LINE_LIMIT = 8191;

/** Windows variable names ignore case: the PATH value however it is spelled. */
function windowsPath(env: NodeJS.ProcessEnv): string | undefined {
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH');
  return key === undefined ? undefined : env[key];
}

export function pathFindings(p: Pick<Platform, 'os' | 'env'>): Finding[] {
  if (p.os !== 'win32') return [];
  const value = windowsPath(p.env);
  if (!value) return [];
  const out: Finding[] = [];
  const edit = msg('check.env.path.edit');
  if (value.length > CMD_LINE_LIMIT) {
    out.push({
      id: 'env.pathProblem',
      severity: 'warning',
      ...findingWords(
        msg('check.env.path.tooLong.title', { length: value.length }),
        msg('check.env.path.tooLong.detail', { length: value.length, limit: CMD_LINE_LIMIT, edit }),
      ),
      subject: 'PATH',
    });
  }
  for (const entry of value.split(';')) {
    if (entry.includes('"')) {
      out.push({
        id: 'env.pathProblem',
        severity: 'warning',
        ...findingWords(
          msg('check.env.path.quotes.title', { entry }),
          msg('check.env.path.quotes.detail', { entry, edit }),
        ),
        subject: entry,
      });
    } else if (entry.length > 3 && entry.endsWith('\\')) {
      // "C:\" is a drive root: the backslash is part of the name there.
      out.push({
        id: 'env.pathProblem',
        severity: 'warning',
        ...findingWords(
          msg('check.env.path.backslash.title', { entry }),
          msg('check.env.path.backslash.detail', { entry, edit }),
        ),
        subject: entry,
      });
    }
  }
  return out;
}
