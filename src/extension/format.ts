// How the extension shows paths and durations; sizes and rates come from core/report/units.
import { formatMedianMs } from '../core/units';

/** `~/.profile` for files under the home directory. */
export function tildify(file: string, homeDir: string): string {
  return homeDir && (file === homeDir || file.startsWith(`${homeDir}/`)) ? `~${file.slice(homeDir.length)}` : file;
}

/** `4.2 ms`, `38 ms`; `no answer` for a request that got none. */
export function formatMs(ms: number | null): string {
  if (ms === null) return 'no answer';
  return formatMedianMs(ms);
}
