// Shell lines that change PATH or unset a variable for good, in the user's own shell: bash and
// zsh read their rc file, fish has fish_add_path, Windows keeps the User variable in the registry.
import type { Fix } from '../findings';
import type { Platform } from '../platform';

export type Shell = 'bash' | 'zsh' | 'fish' | 'powershell';

export function userShell(p: Pick<Platform, 'env' | 'os'>): Shell {
  if (p.os === 'win32') return 'powershell';
  const name = (p.env['SHELL'] ?? '').split('/').pop() ?? '';
  if (name === 'fish' || name === 'zsh') return name;
  // macOS has defaulted to zsh since 10.15.
  return name === 'bash' || p.os !== 'darwin' ? 'bash' : 'zsh';
}

const RC_FILE: Record<'bash' | 'zsh', string> = { bash: '~/.bashrc', zsh: '~/.zshrc' };

const psQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const shQuote = (s: string) => (/^[\w@%+=:,./~-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Puts `dir` first (or last) on PATH, now and in new shells. */
export function pathFix(dir: string, p: Pick<Platform, 'env' | 'os'>, where: 'first' | 'last' = 'first'): Fix {
  const title = where === 'first' ? `Put ${dir} first on PATH` : `Add ${dir} to PATH`;
  const shell = userShell(p);
  if (shell === 'fish')
    return { title, command: `fish_add_path --move --path ${where === 'last' ? '--append ' : ''}${shQuote(dir)}` };
  if (shell === 'powershell') {
    const join = (a: string, b: string) => (where === 'first' ? `${a} + ${b}` : `${b} + ${a}`);
    const ps = where === 'first' ? psQuote(`${dir};`) : psQuote(`;${dir}`);
    return {
      title,
      command:
        `$env:PATH = ${join(ps, '$env:PATH')}; ` +
        `[Environment]::SetEnvironmentVariable('Path', ${join(ps, "[Environment]::GetEnvironmentVariable('Path', 'User')")}, 'User')`,
    };
  }
  const d = dir.replace(/(["\\$`])/g, '\\$1');
  const line = `export PATH="${where === 'first' ? `${d}:$PATH` : `$PATH:${d}`}"`;
  return { title, command: `echo ${shQuote(line)} >> ${RC_FILE[shell]} && ${line}` };
}

/** Unsets `name` in this shell; the profile line that sets it has to go too (named by the caller). */
export function unsetVarFix(name: string, p: Pick<Platform, 'env' | 'os'>): Fix {
  const title = `Unset ${name}`;
  switch (userShell(p)) {
    case 'fish':
      return { title, command: `set -e ${name}; set -eU ${name}` };
    case 'powershell':
      return {
        title,
        command: `Remove-Item Env:${name}; [Environment]::SetEnvironmentVariable('${name}', $null, 'User')`,
      };
    case 'bash':
    case 'zsh':
      return { title, command: `unset ${name}` };
  }
}
