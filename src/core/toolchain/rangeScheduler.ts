// Who fetches which bytes next. Connections ask for work; a piece is sized to keep its connection
// busy for about `targetSec` at the rate it has shown. When nothing is left unassigned, an idle
// connection takes over the tail of the piece that would finish last, split so both should finish
// together. So faster sources end up with more of the file; a connection that received nothing
// for `quietMs` loses its piece to the pool at once (its source is then dropped, connectionLoop.ts).
import { contiguousPrefix, gapsOf, type ByteRange, type OwnedRange } from './byteRanges';

export interface SchedulerOptions {
  minPiece: number;
  maxPiece: number;
  /** Seconds of work per piece at the connection's rate. */
  targetSec: number;
  /** A piece for a connection whose rate is not known yet (default 4 × minPiece). */
  firstPiece?: number;
  /** A connection that received nothing for this long counts as stalled (its piece can be taken). */
  quietMs: number;
  now: () => number;
}

export const DEFAULT_SCHEDULER: Omit<SchedulerOptions, 'now' | 'quietMs'> = {
  minPiece: 256 * 1024,
  maxPiece: 16 * 1024 * 1024,
  targetSec: 2,
};

/** A piece being fetched: bytes [start, pos) are written, [pos, end) are still due. */
export interface Assignment {
  readonly source: string;
  readonly start: number;
  pos: number;
  /** Lowered when another connection takes over the tail. */
  end: number;
  /** Set when another connection took over all of it: stop at once. */
  revoked: boolean;
  /** Called when revoked, to end the owner's request. */
  onRevoke?: () => void;
  /** Bytes being written at `pos` right now (not yet counted). */
  writing: number;
  lastByteAt: number;
  /** Bytes per second over the recent past (at first the connection's earlier rate; 0 until known). */
  rate: number;
  windowStart: number;
  windowBytes: number;
  /** The completed part, shared with the scheduler's list of owned ranges. */
  readonly owned: OwnedRange;
}

export class RangeScheduler {
  private gaps: ByteRange[];
  private readonly active = new Set<Assignment>();
  readonly owned: OwnedRange[];
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly size: number,
    kept: readonly OwnedRange[],
    private readonly o: SchedulerOptions,
  ) {
    this.owned = kept.map((r) => ({ ...r }));
    this.gaps = gapsOf(this.owned, size);
  }

  /** Work for a connection to `source` that recently did `rate` bytes/s (0: unknown). */
  take(source: string, rate: number): Assignment | undefined {
    this.reclaimQuiet();
    const gap = this.gaps[0];
    if (gap) {
      const start = gap.start;
      const room = gap.end - start;
      const want = rate > 0 ? rate * this.o.targetSec : (this.o.firstPiece ?? this.o.minPiece * 4);
      let len = Math.min(room, Math.max(this.o.minPiece, Math.min(this.o.maxPiece, Math.round(want))));
      if (room - len < this.o.minPiece) len = room;
      gap.start = start + len;
      if (gap.start >= gap.end) this.gaps.shift();
      return this.assign(source, start, start + len, rate);
    }
    return this.steal(source, rate);
  }

  /** Records `n` bytes written at the assignment's position. */
  progress(a: Assignment, n: number): void {
    const t = this.o.now();
    a.pos += n;
    a.owned.end = a.pos;
    a.lastByteAt = t;
    a.windowBytes += n;
    const span = t - a.windowStart;
    if (span >= 500) {
      const r = (a.windowBytes * 1000) / span;
      a.rate = a.rate > 0 ? a.rate * 0.5 + r * 0.5 : r;
      a.windowStart = t;
      a.windowBytes = 0;
    }
    this.notify();
  }

  /** The connection is done with the piece; what it did not fetch goes back to the pool. */
  release(a: Assignment): void {
    this.active.delete(a);
    if (!a.revoked && a.pos < a.end) this.addGap({ start: a.pos, end: a.end });
    this.notify();
  }

  quietSeconds(): number {
    return this.o.quietMs / 1000;
  }

  /** Bytes from 0 on that are written without a hole. */
  prefix(): number {
    return contiguousPrefix(this.owned);
  }

  complete(): boolean {
    return this.gaps.length === 0 && this.active.size === 0 && this.prefix() >= this.size;
  }

  /** Nothing left to hand out, though pieces may still be in flight. */
  exhausted(): boolean {
    return this.gaps.length === 0;
  }

  /** Resolves at the next progress, release or completion (or after `ms`). */
  changed(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.listeners.add(done);
    });
  }

  /** Bytes written by each source in this run and before (for progress shares). */
  bytesBySource(): Map<string, number> {
    const m = new Map<string, number>();
    for (const r of this.owned) m.set(r.source, (m.get(r.source) ?? 0) + (r.end - r.start));
    return m;
  }

  /** Bytes written so far (kept and new). */
  written(): number {
    let n = 0;
    for (const r of this.owned) n += r.end - r.start;
    return n;
  }

  /** Current rate of each source's connections together. */
  ratesBySource(): Map<string, number> {
    const m = new Map<string, number>();
    const t = this.o.now();
    for (const a of this.active)
      if (t - a.lastByteAt < this.o.quietMs) m.set(a.source, (m.get(a.source) ?? 0) + a.rate);
    return m;
  }

  private assign(source: string, start: number, end: number, rate: number): Assignment {
    const t = this.o.now();
    const owned: OwnedRange = { start, end: start, source };
    this.owned.push(owned);
    const a: Assignment = {
      source,
      start,
      pos: start,
      end,
      revoked: false,
      writing: 0,
      lastByteAt: t,
      rate,
      windowStart: t,
      windowBytes: 0,
      owned,
    };
    this.active.add(a);
    return a;
  }

  /** Pieces whose connection went quiet go back to the pool at once, for any connection to take. */
  private reclaimQuiet(): void {
    const t = this.o.now();
    for (const a of [...this.active]) {
      if (t - a.lastByteAt < this.o.quietMs) continue;
      const from = a.pos + a.writing;
      const end = a.end;
      a.end = from;
      a.revoked = true;
      this.active.delete(a);
      a.onRevoke?.();
      if (from < end) this.addGap({ start: from, end });
    }
  }

  /** Takes the tail of the piece that would finish last, split so both connections finish together. */
  private steal(source: string, rate: number): Assignment | undefined {
    let victim: Assignment | undefined;
    let worst = 0;
    for (const a of this.active) {
      const left = a.end - a.pos - a.writing;
      // Too small to split, the same source, or too new to judge (its rate is not known yet).
      if (left < this.o.minPiece || a.source === source || a.rate === 0) continue;
      const eta = left / a.rate;
      if (eta > worst) {
        worst = eta;
        victim = a;
      }
    }
    if (!victim || worst < 0.5) return undefined;
    const left = victim.end - victim.pos - victim.writing;
    const mine = rate > 0 ? rate : victim.rate;
    const split = victim.pos + victim.writing + Math.round((left * victim.rate) / (victim.rate + mine));
    if (victim.end - split < this.o.minPiece) return undefined;
    const end = victim.end;
    victim.end = split;
    return this.assign(source, split, end, rate);
  }

  private addGap(g: ByteRange): void {
    this.gaps.push(g);
    this.gaps.sort((a, b) => a.start - b.start);
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}
