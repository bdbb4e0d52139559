// The fixes module findings offer, defined once so the CLI and the editor label them alike.
import * as path from 'node:path';
import type { Fix } from '../findings';
import { msg } from '../i18n/message';
import { fixWords } from '../i18n/words';
import { commandLine } from '../shell/quote';

/** The command line shown for a fix (POSIX quoting; the editor performs the action itself). */
function shown(argv: string[]): string {
  return commandLine(argv, 'posix') ?? '(this path cannot be passed on a command line; apply the fix from the editor)';
}

export function repairGoSumFix(goSum: string, module: string, version: string): Fix {
  return {
    command: shown(['go-env-doctor', 'repair-gosum', '--cwd', path.dirname(goSum), `${module}@${version}`]),
    ...fixWords(msg('modules.fix.repairGoSum', { module, version })),
    action: { kind: 'repairGoSum', goSum, module, version },
  };
}

export function redownloadModuleFix(cwd: string, module: string, version: string): Fix {
  return {
    command: shown(['go-env-doctor', 'redownload-module', '--cwd', cwd, `${module}@${version}`]),
    ...fixWords(msg('modules.fix.redownload', { module, version })),
    action: { kind: 'redownloadModule', cwd, module, version },
  };
}

export function cleanModcacheFix(cwd: string, size: string): Fix {
  return {
    command: 'go clean -modcache',
    ...fixWords(msg('modules.fix.cleanModcache', { size })),
    action: { kind: 'cleanModcache', cwd },
  };
}
