// The segmented download's resume state, kept next to the `.partial` file: which byte ranges are
// complete and which source wrote each. Written before the first byte lands in the partial file
// and atomically (temporary file, then rename), so a killed process leaves either the old or the
// new list, never a torn one, and never a range listed before its bytes were written.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { mergeOwned, type OwnedRange } from './byteRanges';

interface StateFile {
  version: 1;
  size: number;
  sha256: string;
  ranges: OwnedRange[];
}

export function resumeStatePath(partialPath: string): string {
  return `${partialPath}.ranges.json`;
}

export type KeptState =
  /** No state file: a partial left by the one-stream download is a clean prefix (or nothing). */
  { kind: 'none' } | { kind: 'ranges'; ranges: OwnedRange[] };

/** Reads the state for this file; one for another size or hash, or unreadable, counts as empty. */
export async function readResumeState(partialPath: string, size: number, sha256: string): Promise<KeptState> {
  let text: string;
  try {
    text = await fsp.readFile(resumeStatePath(partialPath), 'utf8');
  } catch {
    return { kind: 'none' };
  }
  try {
    const s = JSON.parse(text) as Partial<StateFile>;
    if (s.version !== 1 || s.size !== size || s.sha256 !== sha256 || !Array.isArray(s.ranges))
      return { kind: 'ranges', ranges: [] };
    const valid = s.ranges.filter(
      (r) =>
        Number.isSafeInteger(r.start) &&
        Number.isSafeInteger(r.end) &&
        r.start >= 0 &&
        r.end <= size &&
        r.start < r.end &&
        typeof r.source === 'string',
    );
    return { kind: 'ranges', ranges: mergeOwned(valid) };
  } catch {
    return { kind: 'ranges', ranges: [] };
  }
}

export async function writeResumeState(
  partialPath: string,
  size: number,
  sha256: string,
  ranges: readonly OwnedRange[],
): Promise<void> {
  const target = resumeStatePath(partialPath);
  const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  const body: StateFile = { version: 1, size, sha256, ranges: mergeOwned(ranges) };
  await fsp.writeFile(tmp, JSON.stringify(body));
  await fsp.rename(tmp, target);
}

export async function removeResumeState(partialPath: string): Promise<void> {
  await fsp.rm(resumeStatePath(partialPath), { force: true }).catch(() => undefined);
}
