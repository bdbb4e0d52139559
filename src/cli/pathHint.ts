// After an install: how to put the new toolchain's bin directory first on PATH in the user's shell,
// since ~/sdk/goX.Y.Z/bin is on no PATH by itself.
import type { Lang } from '../core/i18n/lang';
import { msg } from '../core/i18n/message';
import { render } from '../core/i18n/render';
import { quoteArg } from '../core/shell/quote';

export function pathHint(
  binDir: string,
  p: { os: NodeJS.Platform; env: NodeJS.ProcessEnv },
  lang: Lang = 'en',
): string {
  const shell = (p.env['SHELL'] ?? '').split(/[\\/]/).pop() ?? '';
  if (p.os === 'win32' && !/sh$/.test(shell)) {
    const q = quoteArg(`${binDir};`, 'powershell');
    if (!q) return '';
    return `${render(msg('cli.install.path.powershell', { command: `$env:Path = ${q} + $env:Path` }), lang)}\n`;
  }
  const q = quoteArg(binDir, 'posix');
  if (!q) return '';
  if (shell === 'fish') return `${render(msg('cli.install.path.fish', { command: `fish_add_path ${q}` }), lang)}\n`;
  const rc = shell === 'zsh' ? '~/.zshrc' : shell === 'bash' || shell === '' ? '~/.bashrc' : '~/.profile';
  const dir = binDir.replace(/["\\$`]/g, '\\$&');
  const command = `export PATH="${dir}:$PATH"`;
  return `${render(msg('cli.install.path.posix', { shell: shell || 'bash', command, rc }), lang)}\n`;
}
