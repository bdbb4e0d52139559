// Quoting one argument for the shell a command line is shown for. Each shell has its own rules
// (backslash escapes nothing in PowerShell or cmd), so there is one quoter per shell; where a
// shell offers no safe quoting for a value, there is no command line (undefined), and the caller
// relies on the fix's action instead.

export type Shell = 'posix' | 'powershell' | 'cmd';

/** Characters every shell takes literally, unquoted. */
const PLAIN = /^[A-Za-z0-9_\-.,:/=@+]+$/;

export function quoteArg(arg: string, shell: Shell): string | undefined {
  // A line break ends the command in every shell; a NUL cannot be passed at all.
  if (/[\x00\n\r]/.test(arg)) return undefined;
  if (arg !== '' && PLAIN.test(arg)) return arg;
  switch (shell) {
    case 'posix':
      // Inside single quotes nothing is special; a quote itself is closed, escaped, reopened.
      return `'${arg.replace(/'/g, `'\\''`)}'`;
    case 'powershell':
      // Single quotes are verbatim; PowerShell also treats the typographic single quotes as quotes,
      // and each is escaped by doubling. Windows PowerShell 5 mangles " in arguments of native
      // programs, so a value holding one gets no command line.
      if (arg.includes('"')) return undefined;
      return `'${arg.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
    case 'cmd':
      // cmd expands %VAR% even inside quotes (and !VAR! with delayed expansion), and a " inside
      // the argument would end the quoting: no safe command line for those.
      if (/[%!"]/.test(arg)) return undefined;
      // The program's argument parser treats backslashes before the closing quote as escapes.
      return `"${arg.replace(/(\\+)$/, '$1$1')}"`;
  }
}

/** `argv` as one command line for `shell`, or undefined when an argument cannot be quoted safely. */
export function commandLine(argv: readonly string[], shell: Shell): string | undefined {
  const words: string[] = [];
  for (const a of argv) {
    const q = quoteArg(a, shell);
    if (q === undefined) return undefined;
    words.push(q);
  }
  return words.join(' ');
}
