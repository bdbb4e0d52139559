// After an install: how to put the new toolchain's bin directory first on PATH in the user's shell,
// since ~/sdk/goX.Y.Z/bin is on no PATH by itself.
import { quoteArg } from '../core/shell/quote';

export function pathHint(binDir: string, p: { os: NodeJS.Platform; env: NodeJS.ProcessEnv }): string {
  const shell = (p.env['SHELL'] ?? '').split(/[\\/]/).pop() ?? '';
  if (p.os === 'win32' && !/sh$/.test(shell)) {
    const q = quoteArg(`${binDir};`, 'powershell');
    if (!q) return '';
    return `  Use it in PowerShell: $env:Path = ${q} + $env:Path   (for every session: add it to Path in the user environment variables)\n`;
  }
  const q = quoteArg(binDir, 'posix');
  if (!q) return '';
  if (shell === 'fish') return `  Use it in fish: fish_add_path ${q}   (fish keeps it for later sessions)\n`;
  const rc = shell === 'zsh' ? '~/.zshrc' : shell === 'bash' || shell === '' ? '~/.bashrc' : '~/.profile';
  const dir = binDir.replace(/["\\$`]/g, '\\$&');
  return `  Use it in ${shell || 'bash'}: export PATH="${dir}:$PATH"   (for every session: add that line to ${rc})\n`;
}
