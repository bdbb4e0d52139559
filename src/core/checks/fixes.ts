// Fixes, defined once so the CLI and the editor label them the same way. The command line a fix
// shows is derived from its action, so the two can never disagree; values are quoted for the shell
// the user is likely to have (POSIX, or PowerShell on Windows); the editor performs the action
// itself and never runs the command line.
import { PROXY_VALUE, type Fix, type FixAction } from '../findings';
import { redact } from '../redact';
import { commandLine, type Shell } from '../shell/quote';
import { msg, type Message } from '../i18n/message';
import { fixWords } from '../i18n/words';
import { fixTitle } from '../i18n/findingText';

export const AUTO_PROXY_FIX: Fix = {
  command: 'go-env-doctor set-proxy --auto',
  ...fixWords(msg('check.fix.autoProxy')),
  action: { kind: 'setProxyAuto' },
};

export const OFFLINE_FIX: Fix = {
  command: 'go-env-doctor set-proxy --offline',
  ...fixWords(msg('check.fix.offline')),
  action: { kind: 'workOffline' },
};

export const RESTORE_PROXY_FIX: Fix = {
  command: 'go-env-doctor restore-proxy',
  ...fixWords(msg('check.fix.restoreProxy')),
  action: { kind: 'restoreProxy' },
};

/** A value no shell can be given safely (a line break): the command line says so instead. */
const NO_COMMAND_LINE = '(this value cannot be passed on a command line; apply the fix from the editor)';

function shown(argv: string[], shell: Shell): string {
  return commandLine(argv, shell) ?? NO_COMMAND_LINE;
}

/** `go env -w NAME=value`. GOPROXY goes through setProxyFix, so that restore-proxy can undo it. */
export function setGoEnvFix(name: string, value: string, title: string | Message, shell: Shell = 'posix'): Fix {
  if (name === 'GOPROXY') return setProxyFix(value, title, shell);
  return {
    command: shown(['go', 'env', '-w', `${name}=${value}`], shell),
    ...fixTitle(title),
    action: { kind: 'setGoEnv', name, value },
  };
}

/** Our verified installer for one Go version; the title says which and why. */
export function installToolchainFix(version: string, title: Message = msg('check.fix.install', { version })): Fix {
  return {
    command: `go-env-doctor install ${version}`,
    ...fixWords(title),
    action: { kind: 'installToolchain', version },
  };
}

/** `go env -u NAME`. */
export function unsetGoEnvFix(name: string, title: string | Message, shell: Shell = 'posix'): Fix {
  return {
    command: shown(['go', 'env', '-u', name], shell),
    ...fixTitle(title),
    action: { kind: 'unsetGoEnv', name },
  };
}

/**
 * Writes GOPROXY=`value` with the previous value saved. Credentials in `value` stay in the action
 * only: the command line and the action's shown value are redacted.
 */
export function setProxyFix(value: string, title: string | Message, shell: Shell = 'posix'): Fix {
  const safe = redact(value);
  return {
    command: shown(['go-env-doctor', 'set-proxy', '--value', safe], shell),
    ...fixTitle(title),
    action: { kind: 'setProxy', value: safe, [PROXY_VALUE]: value },
  };
}

/** The GOPROXY value a setProxy action writes. */
export function proxyValueOf(action: Extract<FixAction, { kind: 'setProxy' }>): string {
  return action[PROXY_VALUE] ?? action.value;
}
