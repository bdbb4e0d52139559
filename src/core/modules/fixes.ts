// The fixes module findings offer, defined once so the CLI and the editor label them alike.
import * as path from 'node:path';
import type { Fix } from '../findings';
import { commandLine } from '../shell/quote';

/** The command line shown for a fix (POSIX quoting; the editor performs the action itself). */
function shown(argv: string[]): string {
  return commandLine(argv, 'posix') ?? '(this path cannot be passed on a command line; apply the fix from the editor)';
}

export function repairGoSumFix(goSum: string, module: string, version: string): Fix {
  return {
    command: shown(['go-env-doctor', 'repair-gosum', '--cwd', path.dirname(goSum), `${module}@${version}`]),
    title: `Remove the ${module} ${version} lines and let go re-add verified ones (go mod tidy)`,
    action: { kind: 'repairGoSum', goSum, module, version },
  };
}

export function redownloadModuleFix(cwd: string, module: string, version: string): Fix {
  return {
    command: shown(['go-env-doctor', 'redownload-module', '--cwd', cwd, `${module}@${version}`]),
    title: `Download ${module}@${version} again (only this module)`,
    action: { kind: 'redownloadModule', cwd, module, version },
  };
}

export function cleanModcacheFix(cwd: string, size: string): Fix {
  return {
    command: 'go clean -modcache',
    title: `Last resort: empty the whole module cache (${size}); go downloads what it needs again`,
    action: { kind: 'cleanModcache', cwd },
  };
}
