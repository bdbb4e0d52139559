// How the extension shows paths, durations and sizes: one formatter each.

/** `~/.profile` for files under the home directory. */
export function tildify(file: string, homeDir: string): string {
  return homeDir && (file === homeDir || file.startsWith(`${homeDir}/`)) ? `~${file.slice(homeDir.length)}` : file;
}

/** `4.2 ms`, `38 ms`; `no answer` for a request that got none. */
export function formatMs(ms: number | null): string {
  if (ms === null) return 'no answer';
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** `68.4 MB` (decimal megabytes, as download sizes are quoted). */
export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
