// Tiles of the Go checksum database's transparency log (golang.org/x/mod/sumdb/tlog tile.go):
// tile paths, hashes read from tiles, and a HashReader that authenticates every tile it reads
// against a signed tree hash before its hashes are used.
import {
  HASH_SIZE,
  nodeHash,
  pow2,
  shr,
  splitStoredHashIndex,
  storedHashIndex,
  subTreeIndex,
  TlogError,
  type Hash,
  type HashReader,
  type Tree,
} from './tlog';

/**
 * Tile (H, L, N, W): W consecutive hashes at level H*L starting at N*2^H. A complete tile has
 * W = 2^H. L = -1 holds record data (`data` in paths).
 */
export interface Tile {
  h: number;
  l: number;
  n: number;
  w: number;
}

/** `tile/H/L/NNN[.p/W]`, N in 3-digit groups with `x` on all but the last (x001/x234/067). */
export function tilePath(t: Tile): string {
  let n = t.n;
  let nStr = String(n % 1000).padStart(3, '0');
  while (n >= 1000) {
    n = Math.floor(n / 1000);
    nStr = `x${String(n % 1000).padStart(3, '0')}/${nStr}`;
  }
  const p = t.w !== pow2(t.h) ? `.p/${t.w}` : '';
  const l = t.l === -1 ? 'data' : String(t.l);
  return `tile/${t.h}/${l}/${nStr}${p}`;
}

export function parseTilePath(path: string): Tile {
  const bad = () => new TlogError('malformed', `malformed tile path ${JSON.stringify(path)}`);
  let f = path.split('/');
  if (f.length < 4 || f[0] !== 'tile') throw bad();
  const h = atoi(f[1]!);
  const isData = f[2] === 'data';
  const l = isData ? 0 : atoi(f[2]!);
  if (h === undefined || l === undefined || h < 1 || l < 0 || h > 30) throw bad();
  let w = pow2(h);
  const dotP = f[f.length - 2]!;
  if (dotP.endsWith('.p')) {
    const ww = atoi(f[f.length - 1]!);
    if (ww === undefined || ww <= 0 || ww >= w) throw bad();
    w = ww;
    f = [...f.slice(0, -2), dotP.slice(0, -2)];
  }
  let n = 0;
  for (const s of f.slice(3)) {
    const nn = atoi(s.startsWith('x') ? s.slice(1) : s);
    if (nn === undefined || nn < 0 || nn >= 1000) throw bad();
    n = n * 1000 + nn;
  }
  const t: Tile = { h, l: isData ? -1 : l, n, w };
  if (tilePath(t) !== path) throw bad();
  return t;
}

/** strconv.Atoi for the small non-negative numbers of tile paths. */
function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isSafeInteger(v) ? v : undefined;
}

export function tileKey(t: Tile): string {
  return `${t.h}/${t.l}/${t.n}/${t.w}`;
}

/** The tile of height h and least width holding stored hash `index`, and that hash's byte range. */
function tileForIndexRange(h: number, index: number): [Tile, number, number] {
  const [level0, n0] = splitStoredHashIndex(index);
  const l = Math.floor(level0 / h);
  const level = level0 - l * h; // level within the tile
  const tn = shr(n0 * pow2(level), h);
  const n = n0 - shr(tn * pow2(h), level); // n within the tile at that level
  const w = (n + 1) * pow2(level);
  return [{ h, l, n: tn, w }, n * pow2(level) * HASH_SIZE, (n + 1) * pow2(level) * HASH_SIZE];
}

export function tileForIndex(h: number, index: number): Tile {
  if (h <= 0) throw new Error(`tileForIndex: invalid height ${h}`);
  return tileForIndexRange(h, index)[0];
}

/** The subtree hash over 2^k hashes laid out in data. */
function tileHash(data: Buffer): Hash {
  if (data.length === 0) throw new Error('tlog: bad math in tileHash');
  if (data.length === HASH_SIZE) return Buffer.from(data);
  const half = data.length / 2;
  return nodeHash(tileHash(data.subarray(0, half)), tileHash(data.subarray(half)));
}

/** The hash with stored index `index`, computed from tile t's data (t or a wider tile). */
export function hashFromTile(t: Tile, data: Buffer, index: number): Hash {
  if (t.h < 1 || t.h > 30 || t.l < 0 || t.l >= 64 || t.w < 1 || t.w > pow2(t.h)) {
    throw new TlogError('malformed', `invalid tile ${tilePath(t)}`);
  }
  if (data.length < t.w * HASH_SIZE)
    throw new TlogError('malformed', `data length ${data.length} too short for tile ${tilePath(t)}`);
  const [t1, start, end] = tileForIndexRange(t.h, index);
  if (t.l !== t1.l || t.n !== t1.n || t.w < t1.w) {
    throw new TlogError('malformed', `index ${index} is in ${tilePath(t1)} not ${tilePath(t)}`);
  }
  return tileHash(data.subarray(start, end));
}

/** t's k-th parent tile in a tree of n records, or undefined when there is none. */
function tileParent(t: Tile, k: number, n: number): Tile | undefined {
  const l = t.l + k;
  const tn = shr(t.n, k * t.h);
  let w = pow2(t.h);
  const max = shr(n, l * t.h);
  if (tn * pow2(t.h) + w >= max) {
    if (tn * pow2(t.h) >= max) return undefined;
    w = max - tn * pow2(t.h);
  }
  return { h: t.h, l, n: tn, w };
}

/** Server side (tests, fixtures): the data of tile t from stored hashes. */
export async function readTileData(t: Tile, read: HashReader): Promise<Buffer> {
  const start = t.n * pow2(t.h);
  const indexes = Array.from({ length: t.w }, (_, i) => storedHashIndex(t.h * t.l, start + i));
  const hashes = await read(indexes);
  return Buffer.concat(hashes);
}

/** Fetches tiles; each result must be exactly tile.w * 32 bytes. Data is untrusted until checked. */
export type TileFetcher = (tiles: readonly Tile[]) => Promise<Buffer[]>;

/**
 * A HashReader for `tree` that gets hashes from tiles and authenticates every tile it uses
 * against the tree's (signed) hash before returning anything, as tlog.TileHashReader does.
 * Any hash it returns is therefore proven to be in that tree; a tile that does not fit
 * raises TlogError('proof', 'downloaded inconsistent tile').
 */
export function tileHashReader(tree: Tree, height: number, fetchTiles: TileFetcher): HashReader {
  return async (indexes) => {
    if (tree.n <= 0) throw new TlogError('malformed', 'indexes not in tree');
    const order = new Map<string, number>();
    const tiles: Tile[] = [];
    const add = (t: Tile): number => {
      const i = tiles.length;
      order.set(tileKey(t), i);
      tiles.push(t);
      return i;
    };
    // Tiles needed to recompute the tree hash; if it matches, they are authenticated.
    const stx = subTreeIndex(0, tree.n, []);
    const stxOrder = stx.map((x) => {
      const t = tileParent(tileForIndex(height, x), 0, tree.n)!;
      return order.get(tileKey(t)) ?? add(t);
    });
    // Tiles holding the requested hashes, with the parents needed to authenticate them.
    const indexOrder = new Array<number>(indexes.length);
    indexes.forEach((x, i) => {
      if (x >= storedHashIndex(0, tree.n)) throw new TlogError('malformed', 'indexes not in tree');
      const tile = tileForIndex(height, x);
      let k = 0;
      for (; ; k++) {
        const p = tileParent(tile, k, tree.n);
        if (!p) throw new Error(`tlog: bad math in tileHashReader: ${tree.n} ${x}`);
        const j = order.get(tileKey(p));
        if (j !== undefined) {
          if (k === 0) indexOrder[i] = j;
          break;
        }
      }
      for (k--; k >= 0; k--) {
        const p = tileParent(tile, k, tree.n)!;
        if (p.w !== pow2(p.h)) throw new Error(`tlog: bad math in tileHashReader: ${tree.n} ${x} ${tilePath(p)}`);
        const j = add(p);
        if (k === 0) indexOrder[i] = j;
      }
    });

    const data = await fetchTiles(tiles);
    if (data.length !== tiles.length) throw new Error('tile fetcher returned the wrong number of tiles');
    tiles.forEach((t, i) => {
      if (data[i]!.length !== t.w * HASH_SIZE) {
        throw new TlogError('proof', `tile ${tilePath(t)} has ${data[i]!.length} bytes, want ${t.w * HASH_SIZE}`);
      }
    });

    // Authenticate the tree-hash tiles against the signed tree hash (parents before children).
    const last = stx.length - 1;
    let th = hashFromTile(tiles[stxOrder[last]!]!, data[stxOrder[last]!]!, stx[last]!);
    for (let i = last - 1; i >= 0; i--) {
      th = nodeHash(hashFromTile(tiles[stxOrder[i]!]!, data[stxOrder[i]!]!, stx[i]!), th);
    }
    if (!th.equals(tree.hash)) throw new TlogError('proof', 'downloaded inconsistent tile');

    // Authenticate the remaining (full) tiles against their already authenticated parents.
    for (let i = stx.length; i < tiles.length; i++) {
      const t = tiles[i]!;
      const p = tileParent(t, 1, tree.n);
      const j = p ? order.get(tileKey(p)) : undefined;
      if (!p || j === undefined) throw new Error(`tlog: lost parent of ${tilePath(t)}`);
      const h = hashFromTile(p, data[j]!, storedHashIndex(p.l * p.h, t.n));
      if (!h.equals(tileHash(data[i]!))) throw new TlogError('proof', 'downloaded inconsistent tile');
    }

    return indexes.map((x, i) => hashFromTile(tiles[indexOrder[i]!]!, data[indexOrder[i]!]!, x));
  };
}
