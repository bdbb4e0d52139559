// The Go checksum database's transparency log (golang.org/x/mod/sumdb/tlog; RFC 6962 hashing):
// record and node hashes, the stored-hash numbering, tiles, tree notes, and proofs checked
// against tiles (tlogTiles.ts) that are first authenticated against a signed tree hash. The
// proving side (storedHashesForRecordHash, proveRecord, proveTree) stays next to the checking
// side because it is the same index arithmetic; the tests check every proof it makes.
//
// Sizes and indexes are JavaScript numbers, exact up to 2^53; the arithmetic below never uses
// 32-bit bitwise operators on them (`>>` would silently wrap past 2^31).
import { createHash } from 'node:crypto';
import { decodeBase64Strict } from './strictBase64';

export const HASH_SIZE = 32;

/** A 32-byte SHA-256 hash of a record or of a tree node. */
export type Hash = Buffer;

export interface Tree {
  /** Number of records. */
  n: number;
  hash: Hash;
}

export class TlogError extends Error {
  constructor(
    /** malformed: bad syntax or arguments; proof: a proof or tile does not check out. */
    readonly kind: 'malformed' | 'proof',
    message: string,
  ) {
    super(message);
    this.name = 'TlogError';
  }
}

const ZERO_HASH = Buffer.alloc(HASH_SIZE);

export const pow2 = (k: number): number => 2 ** k;
/** floor(n / 2^k) for non-negative n. */
export const shr = (n: number, k: number): number => Math.floor(n / pow2(k));

/** SHA-256(0x00 ‖ data): the leaf hash of RFC 6962 §2.1. */
export function recordHash(data: Uint8Array): Hash {
  return createHash('sha256').update(Buffer.of(0x00)).update(data).digest();
}

/** SHA-256(0x01 ‖ left ‖ right): the interior node hash of RFC 6962 §2.1. */
export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256').update(Buffer.of(0x01)).update(left).update(right).digest();
}

/** The largest power of two smaller than n (n > 1), and its log2. */
function maxpow2(n: number): [k: number, level: number] {
  let l = 0;
  while (pow2(l + 1) < n) l++;
  return [pow2(l), l];
}

/** Position of hash (level, n) in the dense storage order (Crosby and Wallach §3.3). */
export function storedHashIndex(level: number, n: number): number {
  for (let l = level; l > 0; l--) n = 2 * n + 1;
  let i = 0;
  for (; n > 0; n = shr(n, 1)) i += n;
  return i + level;
}

function trailingZeros(n: number): number {
  if (n === 0) return 64;
  let z = 0;
  while (n % 2 === 0) {
    n /= 2;
    z++;
  }
  return z;
}

/** The inverse of storedHashIndex. */
export function splitStoredHashIndex(index: number): [level: number, n: number] {
  let n = shr(index, 1);
  let indexN = storedHashIndex(0, n);
  if (indexN > index) throw new Error('tlog: bad math in splitStoredHashIndex');
  for (;;) {
    const x = indexN + 1 + trailingZeros(n + 1);
    if (x > index) break;
    n++;
    indexN = x;
  }
  const level = index - indexN;
  return [level, shr(n, level)];
}

/** Number of stored hashes in a tree of n records. */
export function storedHashCount(n: number): number {
  if (n === 0) return 0;
  let numHash = storedHashIndex(0, n - 1) + 1;
  for (let i = n - 1; i % 2 === 1; i = shr(i, 1)) numHash++;
  return numHash;
}

/** Reads hashes by stored index; may authenticate them first (see readTileHashes). */
export type HashReader = (indexes: readonly number[]) => Promise<Hash[]>;

/** The hashes to store when appending record n with the given record hash (server side; tests). */
export async function storedHashesForRecordHash(n: number, h: Hash, read: HashReader): Promise<Hash[]> {
  const hashes = [h];
  const m = trailingZeros(n + 1);
  const indexes = new Array<number>(m);
  for (let i = 0; i < m; i++) indexes[m - 1 - i] = storedHashIndex(i, shr(n, i) - 1);
  const old = await read(indexes);
  if (old.length !== indexes.length) throw new Error('tlog: hash reader returned the wrong number of hashes');
  let cur = h;
  for (let i = 0; i < m; i++) {
    cur = nodeHash(old[m - 1 - i]!, cur);
    hashes.push(cur);
  }
  return hashes;
}

export function subTreeIndex(lo: number, hi: number, need: number[]): number[] {
  while (lo < hi) {
    const [k, level] = maxpow2(hi - lo + 1);
    if (lo % k !== 0) throw new Error('tlog: bad math in subTreeIndex');
    need.push(storedHashIndex(level, shr(lo, level)));
    lo += k;
  }
  return need;
}

/** Combines the hashes read for subTreeIndex(lo, hi); returns the subtree hash and the rest. */
function subTreeHash(lo: number, hi: number, hashes: Hash[]): [Hash, Hash[]] {
  let numTree = 0;
  while (lo < hi) {
    const [k] = maxpow2(hi - lo + 1);
    if (lo % k !== 0) throw new Error('tlog: bad math in subTreeHash');
    numTree++;
    lo += k;
  }
  if (hashes.length < numTree) throw new Error('tlog: bad index math in subTreeHash');
  let h = hashes[numTree - 1]!;
  for (let i = numTree - 2; i >= 0; i--) h = nodeHash(hashes[i]!, h);
  return [h, hashes.slice(numTree)];
}

/** The root hash of the tree of the first n records; the empty tree's hash is all zeros. */
export async function treeHash(n: number, read: HashReader): Promise<Hash> {
  if (n === 0) return Buffer.from(ZERO_HASH);
  const indexes = subTreeIndex(0, n, []);
  const hashes = await read(indexes);
  if (hashes.length !== indexes.length) throw new Error('tlog: hash reader returned the wrong number of hashes');
  const [h, rest] = subTreeHash(0, n, hashes);
  if (rest.length !== 0) throw new Error('tlog: bad index math in treeHash');
  return h;
}

// ---- Record (inclusion) proofs: RFC 6962 §2.1.1 ----

function leafProofIndex(lo: number, hi: number, n: number, need: number[]): number[] {
  if (!(lo <= n && n < hi)) throw new Error('tlog: bad math in leafProofIndex');
  if (lo + 1 === hi) return need;
  const [k] = maxpow2(hi - lo);
  if (n < lo + k) {
    leafProofIndex(lo, lo + k, n, need);
    subTreeIndex(lo + k, hi, need);
  } else {
    subTreeIndex(lo, lo + k, need);
    leafProofIndex(lo + k, hi, n, need);
  }
  return need;
}

function leafProof(lo: number, hi: number, n: number, hashes: Hash[]): [Hash[], Hash[]] {
  if (lo + 1 === hi) return [[], hashes];
  const [k] = maxpow2(hi - lo);
  let p: Hash[];
  let th: Hash;
  if (n < lo + k) {
    [p, hashes] = leafProof(lo, lo + k, n, hashes);
    [th, hashes] = subTreeHash(lo + k, hi, hashes);
  } else {
    [th, hashes] = subTreeHash(lo, lo + k, hashes);
    [p, hashes] = leafProof(lo + k, hi, n, hashes);
  }
  return [[...p, th], hashes];
}

/** The proof that the tree of size t contains record n. */
export async function proveRecord(t: number, n: number, read: HashReader): Promise<Hash[]> {
  if (t < 0 || n < 0 || n >= t) throw new TlogError('malformed', 'tlog: invalid inputs in proveRecord');
  const indexes = leafProofIndex(0, t, n, []);
  if (indexes.length === 0) return [];
  const hashes = await read(indexes);
  if (hashes.length !== indexes.length) throw new Error('tlog: hash reader returned the wrong number of hashes');
  const [p, rest] = leafProof(0, t, n, hashes);
  if (rest.length !== 0) throw new Error('tlog: bad index math in proveRecord');
  return p;
}

function runRecordProof(p: readonly Hash[], lo: number, hi: number, n: number, leaf: Hash): Hash {
  if (lo + 1 === hi) {
    if (p.length !== 0) throw proofFailed();
    return leaf;
  }
  if (p.length === 0) throw proofFailed();
  const [k] = maxpow2(hi - lo);
  const last = p[p.length - 1]!;
  if (n < lo + k) return nodeHash(runRecordProof(p.slice(0, -1), lo, lo + k, n, leaf), last);
  return nodeHash(last, runRecordProof(p.slice(0, -1), lo + k, hi, n, leaf));
}

/** Throws unless p proves that the tree (t, th) has record n with hash h. */
export function checkRecord(p: readonly Hash[], t: number, th: Hash, n: number, h: Hash): void {
  if (t < 0 || n < 0 || n >= t) throw new TlogError('malformed', 'tlog: invalid inputs in checkRecord');
  if (!runRecordProof(p, 0, t, n, h).equals(th)) throw proofFailed();
}

// ---- Tree (consistency) proofs: RFC 6962 §2.1.2 ----

function treeProofIndex(lo: number, hi: number, n: number, need: number[]): number[] {
  if (!(lo < n && n <= hi)) throw new Error('tlog: bad math in treeProofIndex');
  if (n === hi) return lo === 0 ? need : subTreeIndex(lo, hi, need);
  const [k] = maxpow2(hi - lo);
  if (n <= lo + k) {
    treeProofIndex(lo, lo + k, n, need);
    subTreeIndex(lo + k, hi, need);
  } else {
    subTreeIndex(lo, lo + k, need);
    treeProofIndex(lo + k, hi, n, need);
  }
  return need;
}

function treeProof(lo: number, hi: number, n: number, hashes: Hash[]): [Hash[], Hash[]] {
  if (n === hi) {
    if (lo === 0) return [[], hashes];
    const [th, rest] = subTreeHash(lo, hi, hashes);
    return [[th], rest];
  }
  const [k] = maxpow2(hi - lo);
  let p: Hash[];
  let th: Hash;
  if (n <= lo + k) {
    [p, hashes] = treeProof(lo, lo + k, n, hashes);
    [th, hashes] = subTreeHash(lo + k, hi, hashes);
  } else {
    [th, hashes] = subTreeHash(lo, lo + k, hashes);
    [p, hashes] = treeProof(lo + k, hi, n, hashes);
  }
  return [[...p, th], hashes];
}

/** The proof that the tree of size t contains the tree of size n as a prefix. */
export async function proveTree(t: number, n: number, read: HashReader): Promise<Hash[]> {
  if (t < 1 || n < 1 || n > t) throw new TlogError('malformed', 'tlog: invalid inputs in proveTree');
  const indexes = treeProofIndex(0, t, n, []);
  if (indexes.length === 0) return [];
  const hashes = await read(indexes);
  if (hashes.length !== indexes.length) throw new Error('tlog: hash reader returned the wrong number of hashes');
  const [p, rest] = treeProof(0, t, n, hashes);
  if (rest.length !== 0) throw new Error('tlog: bad index math in proveTree');
  return p;
}

function runTreeProof(p: readonly Hash[], lo: number, hi: number, n: number, old: Hash): [Hash, Hash] {
  if (n === hi) {
    if (lo === 0) {
      if (p.length !== 0) throw proofFailed();
      return [old, old];
    }
    if (p.length !== 1) throw proofFailed();
    return [p[0]!, p[0]!];
  }
  if (p.length === 0) throw proofFailed();
  const [k] = maxpow2(hi - lo);
  const last = p[p.length - 1]!;
  if (n <= lo + k) {
    const [oh, th] = runTreeProof(p.slice(0, -1), lo, lo + k, n, old);
    return [oh, nodeHash(th, last)];
  }
  const [oh, th] = runTreeProof(p.slice(0, -1), lo + k, hi, n, old);
  return [nodeHash(last, oh), nodeHash(last, th)];
}

/** Throws unless p proves that the tree (t, th) contains the tree (n, h) as a prefix. */
export function checkTree(p: readonly Hash[], t: number, th: Hash, n: number, h: Hash): void {
  if (t < 1 || n < 1 || n > t) throw new TlogError('malformed', 'tlog: invalid inputs in checkTree');
  const [h2, th2] = runTreeProof(p, 0, t, n, h);
  if (!th2.equals(th) || !h2.equals(h)) throw proofFailed();
}

function proofFailed(): TlogError {
  return new TlogError('proof', 'invalid transparency proof');
}

// ---- Tree notes and records ----

const TREE_PREFIX = 'go.sum database tree\n';

/** `go.sum database tree\n<N>\n<base64 hash>\n` */
export function formatTree(tree: Tree): string {
  return `${TREE_PREFIX}${tree.n}\n${tree.hash.toString('base64')}\n`;
}

/** Parses a tree note's text; extra lines after the hash are ignored (forward compatibility). */
export function parseTree(text: string): Tree {
  const malformed = () => new TlogError('malformed', 'malformed tree note');
  if (!text.startsWith(TREE_PREFIX) || countNewlines(text) < 3 || text.length > 1e6) throw malformed();
  const lines = text.split('\n', 3);
  const nText = lines[1]!;
  if (!/^(0|[1-9][0-9]*)$/.test(nText)) throw malformed();
  const n = Number(nText);
  if (!Number.isSafeInteger(n)) throw malformed();
  const hash = decodeBase64Strict(lines[2]!);
  if (!hash || hash.length !== HASH_SIZE) throw malformed();
  return { n, hash };
}

function countNewlines(s: string): number {
  let c = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) c++;
  return c;
}

/** Record text: valid UTF-8, no control characters but newline, ends in newline, no blank line. */
export function isValidRecordText(text: Buffer): boolean {
  if (text.length === 0 || text[text.length - 1] !== 0x0a) return false;
  if (!isUtf8(text)) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c < 0x20 && c !== 0x0a) return false;
    if (c === 0x0a && i > 0 && text[i - 1] === 0x0a) return false;
  }
  return true;
}

function isUtf8(b: Buffer): boolean {
  // Buffer round-trip: invalid sequences become U+FFFD and change the bytes.
  return Buffer.from(b.toString('utf8'), 'utf8').equals(b);
}

/** Splits `<id>\n<text>\n\n<rest>` (a lookup response or a data tile). */
export function parseRecord(msg: Buffer): { id: number; text: Buffer; rest: Buffer } {
  const malformed = () => new TlogError('malformed', 'malformed record data');
  const nl = msg.indexOf(0x0a);
  if (nl < 0) throw malformed();
  const idText = msg.subarray(0, nl).toString('latin1');
  // strconv.ParseInt accepts a sign and leading zeros; a record id never has either in practice.
  if (!/^[+-]?[0-9]+$/.test(idText)) throw malformed();
  const id = Number(idText);
  if (!Number.isSafeInteger(id)) throw malformed();
  const body = msg.subarray(nl + 1);
  const end = body.indexOf('\n\n');
  if (end < 0) throw malformed();
  const text = body.subarray(0, end + 1);
  if (!isValidRecordText(text)) throw malformed();
  return { id, text, rest: body.subarray(end + 2) };
}
