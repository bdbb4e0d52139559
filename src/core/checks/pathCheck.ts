// PATH shapes that break Windows tools: a PATH longer than cmd.exe's 8191-character line limit,
// and entries with quotes or a trailing backslash. Other systems have no such limits here.
import type { Finding } from '../findings';
import type { Platform } from '../platform';

/** cmd.exe's longest command line, which also bounds what %PATH% can expand to in a cmd line. */
export const CMD_LINE_LIMIT = 8191;

const EDIT_PATH =
  'Edit PATH in Settings → System → About → Advanced system settings → Environment Variables (user and system PATH are joined), then restart VS Code and open terminals.';

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
  if (value.length > CMD_LINE_LIMIT) {
    out.push({
      id: 'env.pathProblem',
      severity: 'warning',
      title: `PATH is ${value.length} characters, longer than cmd.exe can handle`,
      detail: `PATH is ${value.length} characters long; cmd.exe lines are limited to ${CMD_LINE_LIMIT}. Batch files and installers that run \`set PATH=%PATH%;…\` fail or cut PATH short, and folders past the cut (Go's bin folder among them, if it is late) disappear for whatever they start. Remove entries for uninstalled programs and duplicates. ${EDIT_PATH}`,
      subject: 'PATH',
    });
  }
  for (const entry of value.split(';')) {
    if (entry.includes('"')) {
      out.push({
        id: 'env.pathProblem',
        severity: 'warning',
        title: `PATH entry ${entry} contains quotes`,
        detail: `The PATH entry ${entry} contains double quotes. cmd.exe and the go command strip them, but many other programs (Node-based editor tools among them) search for a folder whose name includes the quote characters and never find the programs in it. PATH entries need no quotes, even with spaces: remove them. ${EDIT_PATH}`,
        subject: entry,
      });
    } else if (entry.length > 3 && entry.endsWith('\\')) {
      // "C:\" is a drive root: the backslash is part of the name there.
      out.push({
        id: 'env.pathProblem',
        severity: 'warning',
        title: `PATH entry ${entry} ends with a backslash`,
        detail: `The PATH entry ${entry} ends with a backslash. Searching PATH works, but a script that quotes it ("${entry}") passes a backslash that escapes the closing quote, so the program receives a wrong path and the rest of the line run together. Remove the trailing backslash. ${EDIT_PATH}`,
        subject: entry,
      });
    }
  }
  return out;
}
