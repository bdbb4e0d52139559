// Setting and clearing OS environment variables, in the forms of the shell the user is likely to
// have open: POSIX shells elsewhere, PowerShell on Windows (the editor's default terminal there),
// and cmd where a cmd line is asked for. A variable cleared in one terminal stays set in new ones
// until it is also removed where it is stored (a shell profile, or the Windows user environment).
import type { Fix } from '../findings';
import type { Shell } from './quote';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

/** The shell a command line is shown for on `os`. */
export function shellFor(os: NodeJS.Platform): Shell {
  return os === 'win32' ? 'powershell' : 'posix';
}

/** A PowerShell string literal: single quotes are verbatim, and each quote is escaped by doubling. */
function psString(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}

/** Variable names are shown unquoted: only names the shells take as one word. */
function checkName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a variable name: ${name}`);
  return name;
}

/** Sets `name` for this cmd window: `set "NAME=value"` (the quotes keep | & < > ^ literal), undefined when cmd cannot hold it. */
export function cmdSetLine(name: string, value: string): string | undefined {
  // cmd expands %VAR% and !VAR! inside quotes too, and a line break ends the command.
  if (/[%!"\x00\n\r]/.test(value)) return undefined;
  return value === '' ? `set ${checkName(name)}=` : `set "${checkName(name)}=${value}"`;
}

/** Sets `name` for this PowerShell session; undefined when the value holds a line break or NUL. */
export function powershellSetLine(name: string, value: string): string | undefined {
  if (/[\x00\n\r]/.test(value)) return undefined;
  return `$env:${checkName(name)} = ${psString(value)}`;
}

/** Removes `names` from this PowerShell session and from the user's stored environment. */
export function powershellClearLine(names: readonly string[]): string {
  return names
    .map(checkName)
    .flatMap((n) => [`$env:${n} = $null`, `[Environment]::SetEnvironmentVariable('${n}', $null, 'User')`])
    .join('; ');
}

/** Clears `names` in this cmd window. Quoted, since in `set A= & set B=` the space before & would be A's value. */
export function cmdClearLine(names: readonly string[]): string {
  return names.length === 1 ? cmdSetLine(names[0]!, '')! : names.map((n) => `set "${checkName(n)}="`).join(' & ');
}

/** What a Windows user needs to know beyond the PowerShell line: cmd's form, setx, and the machine scope. */
export function windowsClearNote(names: readonly string[]): string {
  return render(windowsClearNoteText(names), 'en');
}

/** windowsClearNote as a catalog Message. */
export function windowsClearNoteText(names: readonly string[]): Message {
  const cmd = cmdClearLine(names);
  const machine = names.map((n) => `[Environment]::SetEnvironmentVariable('${checkName(n)}', $null, 'Machine')`);
  return msg('setting.windowsClear', { cmd, machine: machine.join('; ') });
}

/** A fix that removes OS variables, in the form for `os`; `posixNote` is shown as a comment after `unset`. */
export function clearOsVariablesFix(names: readonly string[], os: NodeJS.Platform, title: string, posixNote = ''): Fix {
  if (os === 'win32') return { command: powershellClearLine(names), title };
  return { command: `unset ${names.map(checkName).join(' ')}${posixNote ? `   # ${posixNote}` : ''}`, title };
}
