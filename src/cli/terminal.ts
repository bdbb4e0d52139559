// What the terminal allows: colour and the width to wrap at.
//
// Colour only when stdout is a terminal, and never when NO_COLOR is set (non-empty, as
// no-color.org defines it) or FORCE_COLOR is 0/false. FORCE_COLOR=1 does not force colour into a
// pipe: a log file or a script never gets escape codes.

export function useColor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (!isTTY) return false;
  if (env['NO_COLOR']) return false;
  const force = env['FORCE_COLOR']?.trim().toLowerCase();
  return force !== '0' && force !== 'false';
}

/** The terminal's columns, or 80 when the output is not a terminal (a pipe, a file, CI). */
export function outputWidth(isTTY: boolean, columns: number | undefined): number {
  return isTTY && columns !== undefined && columns > 0 ? columns : 80;
}
