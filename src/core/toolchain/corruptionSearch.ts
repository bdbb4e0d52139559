// When the assembled file fails its SHA-256: find the source that served altered bytes instead of
// starting over. Each source's ranges are fetched again, piece by piece, from another source and
// compared. On a disagreement a third source decides (two against one), or, with only two
// sources, the other source's bytes are tried and the official SHA-256 decides. The source found
// wrong is named with the byte ranges, excluded, and its remaining pieces are fetched from the
// others. The search stops as soon as the repaired file matches the official SHA-256; only the
// hash ever decides that a file is right.
import type { FileHandle } from 'node:fs/promises';
import type { Dispatcher } from 'undici';
import { describeRange, without, type ByteRange, type OwnedRange } from './byteRanges';
import type { SourceState } from './connectionLoop';
import { HostSlots } from './hostSlots';
import { fetchPieceHash, type PieceFetchOptions } from './pieceFetch';
import { hashFileRange } from './prefixFeeder';
import type { InstallTimeouts } from './timeouts';

const PIECE = 1024 * 1024;

export interface CorruptSource {
  /** The source's URL, credentials redacted. */
  source: string;
  /** The byte ranges where its bytes differed from the others'. */
  ranges: ByteRange[];
}

export interface SearchInput {
  fh: FileHandle;
  size: number;
  sha256: string;
  owned: OwnedRange[];
  states: readonly SourceState[];
  dispatcher: Dispatcher;
  timeouts: InstallTimeouts;
  connectionsPerHost: number;
  signal?: AbortSignal | undefined;
  events: string[];
  /** The unpacker found the bytes unreadable after this many: pieces just before it are checked first. */
  brokenAt?: number;
}

export interface SearchResult {
  /** The file now matches the official SHA-256. */
  verified: boolean;
  corrupt: CorruptSource[];
  owned: OwnedRange[];
}

type Piece = OwnedRange;

export async function findCorruptSource(i: SearchInput): Promise<SearchResult> {
  const ctl = new AbortController();
  const onAbort = () => ctl.abort(i.signal?.reason);
  i.signal?.addEventListener('abort', onAbort, { once: true });
  const s = new Search(i, ctl);
  try {
    await s.run();
  } finally {
    i.signal?.removeEventListener('abort', onAbort);
    ctl.abort();
  }
  i.signal?.throwIfAborted();
  return s.result();
}

class Search {
  private owned: OwnedRange[];
  private readonly bad = new Map<string, ByteRange[]>();
  /** Pieces replaced on a two-source disagreement, blamed only if the hash then matches. */
  private readonly unresolved: Piece[] = [];
  private verified = false;
  private rehashing: Promise<void> = Promise.resolve();
  private readonly slots: HostSlots;
  private readonly fetchOpts: PieceFetchOptions;
  private readonly urls = new Map<string, string>();

  constructor(
    private readonly i: SearchInput,
    private readonly ctl: AbortController,
  ) {
    this.owned = [...i.owned];
    this.slots = new HostSlots(Math.max(1, i.connectionsPerHost));
    this.fetchOpts = { size: i.size, dispatcher: i.dispatcher, timeouts: i.timeouts, signal: ctl.signal };
    for (const st of i.states) this.urls.set(st.source.label, st.source.url);
  }

  async run(): Promise<void> {
    const queue = suspectsFirst(interleave(piecesOf(this.owned)), this.i.brokenAt);
    const workers = Math.max(1, Math.min(queue.length, this.urls.size * Math.max(1, this.i.connectionsPerHost)));
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (let p = queue.shift(); p && !this.verified; p = queue.shift()) await this.check(p).catch(() => undefined);
      }),
    );
    if (!this.verified) await this.rehash();
    if (this.verified) for (const p of this.unresolved) this.blame(p.source, p);
  }

  result(): SearchResult {
    const corrupt = [...this.bad.entries()].map(([source, ranges]) => ({ source, ranges }));
    return { verified: this.verified, corrupt, owned: this.owned };
  }

  /** Sources that may vouch for a piece owned by `owner`, in order of preference. */
  private others(owner: string): string[] {
    return this.i.states
      .filter((st) => st.source.label !== owner && !this.bad.has(st.source.label) && this.urls.has(st.source.label))
      .sort((a, b) => Number(a.dropped !== undefined) - Number(b.dropped !== undefined))
      .map((st) => st.source.label);
  }

  private async check(p: Piece): Promise<void> {
    if (this.bad.has(p.source)) return void (await this.replace(p, this.others(p.source)));
    const mine = await hashFileRange(this.i.fh, p.start, p.end);
    const others = this.others(p.source);
    for (const t of others) {
      const theirs = await this.hashOf(t, p);
      if (theirs === undefined) continue;
      if (theirs === mine) return;
      this.i.events.push(`${describeRange(p)}: ${p.source} and ${t} serve different bytes`);
      const third = others.find((u) => u !== t);
      const judge = third === undefined ? undefined : await this.hashOf(third, p);
      if (judge === mine) {
        this.blame(t, p);
        return;
      }
      if (judge === theirs) this.blame(p.source, p);
      else this.unresolved.push(p);
      await this.replace(p, [t, ...others.filter((u) => u !== t)], theirs);
      return;
    }
  }

  /** Fetches `p` into the file from the first source that delivers it (with the expected hash). */
  private async replace(p: Piece, from: readonly string[], expect?: string): Promise<void> {
    for (const t of from) {
      const got = await this.hashOf(t, p, true);
      if (got === undefined || (expect !== undefined && got !== expect)) continue;
      this.owned = [...without(this.owned, p), { start: p.start, end: p.end, source: t }];
      await this.rehash();
      return;
    }
  }

  private async hashOf(label: string, p: ByteRange, write = false): Promise<string | undefined> {
    const url = this.urls.get(label)!;
    try {
      return await this.slots.run(url, () => fetchPieceHash(url, p, this.fetchOpts, write ? this.i.fh : undefined));
    } catch (err) {
      if (this.ctl.signal.aborted) throw err;
      this.i.events.push(`${label}: could not fetch ${describeRange(p)} again (${(err as Error).message})`);
      return undefined;
    }
  }

  private blame(source: string, r: ByteRange): void {
    if (!this.bad.has(source)) this.i.events.push(`${source} served altered bytes (${describeRange(r)}); excluded`);
    this.bad.set(source, [...(this.bad.get(source) ?? []), { start: r.start, end: r.end }]);
  }

  /** Checks the whole file (one at a time); a match ends the search. */
  private rehash(): Promise<void> {
    this.rehashing = this.rehashing.then(async () => {
      if (this.verified) return;
      if ((await hashFileRange(this.i.fh, 0, this.i.size)) === this.i.sha256) {
        this.verified = true;
        this.ctl.abort();
      }
    });
    return this.rehashing;
  }
}

/** Owned ranges cut into pieces of at most PIECE bytes. */
function piecesOf(owned: readonly OwnedRange[]): Piece[] {
  const out: Piece[] = [];
  for (const r of owned)
    for (let s = r.start; s < r.end; s += PIECE)
      out.push({ start: s, end: Math.min(r.end, s + PIECE), source: r.source });
  return out;
}

/** One piece of each source in turn, so every source is checked early. */
function interleave(pieces: Piece[]): Piece[] {
  const by = new Map<string, Piece[]>();
  for (const p of pieces) by.set(p.source, [...(by.get(p.source) ?? []), p]);
  const lists = [...by.values()];
  const out: Piece[] = [];
  for (let k = 0; out.length < pieces.length; k++) for (const l of lists) if (l[k]) out.push(l[k]!);
  return out;
}

/** Pieces before the point where unpacking failed, nearest first (a stable sort keeps the rest in order). */
function suspectsFirst(pieces: Piece[], brokenAt: number | undefined): Piece[] {
  if (brokenAt === undefined) return pieces;
  const rank = (p: Piece) => (p.start < brokenAt ? brokenAt - p.start : Infinity);
  return [...pieces].sort((a, b) => rank(a) - rank(b));
}
