// Half-open byte ranges [start, end) and the set operations the segmented download needs: merging
// what is complete, and the gaps still to fetch.

export interface ByteRange {
  start: number;
  end: number;
}

/** A completed range and the source (label) whose bytes fill it. */
export interface OwnedRange extends ByteRange {
  source: string;
}

/** Sorted, with touching ranges of the same source joined. */
export function mergeOwned(ranges: readonly OwnedRange[]): OwnedRange[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: OwnedRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.source === r.source && last.end === r.start) last.end = r.end;
    else out.push({ ...r });
  }
  return out;
}

/** The parts of [0, size) that no range covers. */
export function gapsOf(covered: readonly ByteRange[], size: number): ByteRange[] {
  const sorted = [...covered].sort((a, b) => a.start - b.start);
  const gaps: ByteRange[] = [];
  let pos = 0;
  for (const r of sorted) {
    if (r.start > pos) gaps.push({ start: pos, end: Math.min(r.start, size) });
    pos = Math.max(pos, r.end);
  }
  if (pos < size) gaps.push({ start: pos, end: size });
  return gaps.filter((g) => g.end > g.start);
}

/** How far from byte 0 the ranges cover without a hole. */
export function contiguousPrefix(covered: readonly ByteRange[]): number {
  let pos = 0;
  for (const r of [...covered].sort((a, b) => a.start - b.start)) {
    if (r.start > pos) break;
    pos = Math.max(pos, r.end);
  }
  return pos;
}

/** Removes [cut.start, cut.end) from every range (the rest keeps its source). */
export function without(ranges: readonly OwnedRange[], cut: ByteRange): OwnedRange[] {
  const out: OwnedRange[] = [];
  for (const r of ranges) {
    if (r.end <= cut.start || r.start >= cut.end) out.push(r);
    else {
      if (r.start < cut.start) out.push({ ...r, end: cut.start });
      if (r.end > cut.end) out.push({ ...r, start: cut.end });
    }
  }
  return out;
}

export function describeRange(r: ByteRange): string {
  return `bytes ${r.start}-${r.end - 1}`;
}
