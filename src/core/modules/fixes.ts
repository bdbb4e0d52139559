// The fixes module findings offer, defined once so the CLI and the editor label them alike.
import * as path from 'node:path';
import type { Fix } from '../findings';

/** Shell-quotes a path for the command line shown to the user. */
function q(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function repairGoSumFix(goSum: string, module: string, version: string): Fix {
  return {
    command: `go-env-doctor repair-gosum --cwd ${q(path.dirname(goSum))} ${q(`${module}@${version}`)}`,
    title: `Remove the ${module} ${version} lines and let go re-add verified ones (go mod tidy)`,
    action: { kind: 'repairGoSum', goSum, module, version },
  };
}

export function redownloadModuleFix(cwd: string, module: string, version: string): Fix {
  return {
    command: `go-env-doctor redownload-module --cwd ${q(cwd)} ${q(`${module}@${version}`)}`,
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
