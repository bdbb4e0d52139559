// A checksum-database client (the protocol of golang.org/x/mod/sumdb, as cmd/go uses it):
// find the database (through a GOPROXY mirror's /sumdb/<name>/ when it says /supported, else
// directly), look up module@version, check the tree note's signature, prove the record is in
// that tree with tiles authenticated against the signed hash, and keep the newest verified tree
// head in a state dir, checking every new head is consistent with it (a fork is a security error).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { errorMessageText } from '../errors';
import { escapeModulePath, proxyResource, type ProxyEntry } from '../go/goproxy';
import { redact } from '../redact';
import { sentenceStart } from '../i18n/join';
import { msg, type Message } from '../i18n/message';
import type { SumDatabase } from '../go/gosumdb';
import type { HttpGet, HttpResult } from '../net/httpGet';
import { openNote, NoteError } from './note';
import { HASH_SIZE, parseRecord, parseTree, recordHash, storedHashIndex, TlogError, treeHash, type Tree } from './tlog';
import { tileHashReader, tilePath, type Tile } from './tlogTiles';
import { SumdbError } from './sumdbError';

export interface SumdbClientOptions {
  db: SumDatabase;
  /** The GOPROXY list: mirrors are asked `/sumdb/<name>/supported` first, as cmd/go does. */
  proxies: readonly ProxyEntry[];
  /** Where the newest verified tree head is kept (`<stateDir>/<name>/latest`). */
  stateDir: string;
  get: HttpGet;
  signal?: AbortSignal | undefined;
  /** Per-request deadline; default 30 s. */
  timeoutMs?: number;
  /** Tile height the database serves; 8 for every public Go checksum database. */
  tileHeight?: number;
  /**
   * Tiles fetched, shared by lookups that pass the same map (many lookups in one run). Safe: a
   * tile is still authenticated against the signed tree on every use.
   */
  tiles?: Map<string, Promise<Buffer>>;
}

export interface SumdbLookup {
  /** The record's go.sum lines for exactly this module and version (`<mod> <ver> h1:...`, `<mod> <ver>/go.mod h1:...`). */
  lines: string[];
  recordId: number;
  /** The newest verified tree head, which the record was proven to be in. */
  tree: Tree;
  /** The tree head verified before this lookup (from the state dir), if any. */
  previousTree?: Tree;
  /** Where the database was reached (credentials redacted). */
  baseUrl: string;
  via: 'proxy' | 'direct';
}

const MAX_LOOKUP_BYTES = 1 << 20;
const MAX_TILE_BYTES = 1 << 16;
const MAX_SUPPORTED_BYTES = 1 << 12;

interface Head {
  tree: Tree;
  note: Buffer;
}

/** Where the checksum database is reached: a mirror's /sumdb/<name>/ or the database itself. */
export async function resolveSumdbBase(opts: SumdbClientOptions): Promise<{ base: URL; via: 'proxy' | 'direct' }> {
  const { db } = opts;
  if (db.explicitUrl) return { base: db.url, via: 'direct' };
  for (const entry of opts.proxies) {
    if (entry.kind === 'direct' || entry.kind === 'off') break;
    if (entry.kind === 'invalid') {
      throw new SumdbError(
        'unavailable',
        msg('sumdb.invalidEntry', { entry: redact(entry.text), reason: entry.reasonText }),
      );
    }
    const supported = proxyResource(entry.url, `sumdb/${db.name}/supported`);
    let res: HttpResult | undefined;
    let failure: Message;
    try {
      res = await opts.get(supported, { signal: opts.signal, timeoutMs: timeout(opts), maxBytes: MAX_SUPPORTED_BYTES });
      if (res.status === 200) return { base: proxyResource(entry.url, `sumdb/${db.name}`), via: 'proxy' };
      if (res.status === 404 || res.status === 410) continue;
      failure = msg('sumdb.supported.status', { status: res.status });
    } catch (err) {
      rethrowAbort(err, opts.signal);
      failure = msg('sumdb.supported.unreachable', { error: errorMessageText(err) });
    }
    if (entry.next === 'anyError') continue;
    const url = redact(supported.href);
    const mirror = redact(entry.url.href);
    throw new SumdbError('unavailable', msg('sumdb.supported.failed', { mirror, failure, db: db.name, url }), url);
  }
  return { base: db.url, via: 'direct' };
}

/** Looks up module@version and verifies the answer (signature, inclusion, consistency with the saved head). */
export async function lookupSumdb(opts: SumdbClientOptions, modulePath: string, version: string): Promise<SumdbLookup> {
  const { base, via } = await resolveSumdbBase(opts);
  const height = opts.tileHeight ?? 8;
  const stateFile = path.join(opts.stateDir, ...opts.db.name.split('/'), 'latest');
  const fetchTiles = tileFetcher(opts, base);

  const savedText = await readState(stateFile);
  const saved = savedText ? openHead(opts, savedText, msg('sumdb.what.saved', { file: stateFile })) : undefined;

  const lookupUrl = proxyResource(base, `lookup/${escapeModulePath(modulePath)}@${escapeModulePath(version)}`);
  const res = await get(opts, lookupUrl, MAX_LOOKUP_BYTES);
  const url = redact(lookupUrl.href);
  if (res.status === 404 || res.status === 410) {
    const words = { db: opts.db.name, module: modulePath, version, status: res.status, url };
    throw new SumdbError('notFound', msg('sumdb.notFound', words), url);
  }
  if (res.status !== 200) {
    throw new SumdbError('unavailable', msg('sumdb.lookupStatus', { status: res.status, url }), url);
  }
  let record: ReturnType<typeof parseRecord>;
  try {
    record = parseRecord(res.body);
  } catch (err) {
    const words = { module: modulePath, version, error: errorMessageText(err) };
    throw new SumdbError('malformed', msg('sumdb.badRecord', words), url, { cause: err });
  }
  const fresh = openHead(opts, record.rest, msg('sumdb.what.lookup', { url }));

  let latest = fresh;
  if (saved) latest = await mergeHeads(saved, fresh, height, fetchTiles, opts.db.name);

  await checkRecord(latest.tree, record.id, record.text, height, fetchTiles, `${modulePath}@${version}`);
  await saveNewest(opts, stateFile, savedText, latest, height, fetchTiles);

  const prefix = `${modulePath} ${version}`;
  const lines = record.text
    .toString('utf8')
    .split('\n')
    .filter((l) => l.startsWith(`${prefix} `) || l.startsWith(`${prefix}/go.mod `));
  return {
    lines,
    recordId: record.id,
    tree: latest.tree,
    ...(saved ? { previousTree: saved.tree } : {}),
    baseUrl: redact(base.href),
    via,
  };
}

/** The `h1:` hashes a record gives for the module zip (not the go.mod-only line). */
export function zipHashesFromLines(lines: readonly string[], modulePath: string, version: string): string[] {
  const prefix = `${modulePath} ${version} `;
  return lines
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.slice(prefix.length).trim())
    .filter((h) => h.startsWith('h1:'));
}

function openHead(opts: SumdbClientOptions, note: Buffer, whatNote: Message): Head {
  const { db } = opts;
  const what = sentenceStart(whatNote);
  let text: string;
  try {
    text = openNote(note, [db.verifier]).text;
  } catch (err) {
    if (err instanceof NoteError) {
      const signers = err.note?.unverifiedSigs
        .map((s) => `${s.name}+${s.hash.toString(16).padStart(8, '0')}`)
        .join(', ');
      const key = db.verifier.key.split('+').slice(0, 2).join('+');
      const why =
        err.kind === 'unverified'
          ? msg('sumdb.note.unsigned', {
              what,
              db: db.name,
              key,
              signers: signers ? msg('sumdb.note.signers', { signers }) : '',
            })
          : err.kind === 'invalidSignature'
            ? msg('sumdb.note.badSignature', { what, db: db.name })
            : msg('sumdb.note.malformed', { what, error: err.message });
      throw new SumdbError(err.kind === 'malformedNote' ? 'malformed' : 'badSignature', why, undefined, { cause: err });
    }
    throw err;
  }
  try {
    return { tree: parseTree(text), note };
  } catch (err) {
    const words = msg('sumdb.note.notTree', { what, error: errorMessageText(err) });
    throw new SumdbError('malformed', words, undefined, { cause: err });
  }
}

/** The newer of two verified heads, after checking the older one is a prefix of the newer. */
async function mergeHeads(
  a: Head,
  b: Head,
  height: number,
  fetchTiles: ReturnType<typeof tileFetcher>,
  name: string,
): Promise<Head> {
  // The same signed head twice needs no consistency proof (the common case in a batch of lookups).
  if (sameTree(a.tree, b.tree)) return b;
  const [older, newer] = a.tree.n <= b.tree.n ? [a, b] : [b, a];
  let h: Buffer;
  try {
    h = await treeHash(older.tree.n, tileHashReader(newer.tree, height, fetchTiles));
  } catch (err) {
    throw proofError(err, msg('sumdb.proof.consistency', { older: older.tree.n, newer: newer.tree.n }));
  }
  if (!h.equals(older.tree.hash)) {
    const indent = (b: Buffer) => b.toString('utf8').trimEnd().replace(/\n/g, '\n\t');
    throw new SumdbError(
      'inconsistent',
      msg('sumdb.inconsistent', {
        db: name,
        newer: newer.tree.n,
        older: older.tree.n,
        hash: h.toString('base64'),
        earlier: older.tree.hash.toString('base64'),
        oldNote: indent(older.note),
        newNote: indent(newer.note),
      }),
    );
  }
  return newer;
}

async function checkRecord(
  tree: Tree,
  id: number,
  text: Buffer,
  height: number,
  fetchTiles: ReturnType<typeof tileFetcher>,
  what: string,
): Promise<void> {
  if (id < 0 || id >= tree.n) {
    throw new SumdbError('badProof', msg('sumdb.recordOutside', { id, what, n: tree.n }));
  }
  let hashes: Buffer[];
  try {
    hashes = await tileHashReader(tree, height, fetchTiles)([storedHashIndex(0, id)]);
  } catch (err) {
    throw proofError(err, msg('sumdb.proof.inclusion', { id, what, n: tree.n }));
  }
  if (!hashes[0]!.equals(recordHash(text))) {
    throw new SumdbError('badProof', msg('sumdb.recordMismatch', { id, what, n: tree.n }));
  }
}

function proofError(err: unknown, doing: Message): unknown {
  if (err instanceof TlogError) {
    return new SumdbError('badProof', msg('sumdb.proof', { doing, error: err.message }), undefined, { cause: err });
  }
  return err;
}

/** Fetches tiles (in parallel, each at most once per lookup); a missing partial tile falls back to the full tile. */
function tileFetcher(opts: SumdbClientOptions, base: URL) {
  const cache = opts.tiles ?? new Map<string, Promise<Buffer>>();
  const fetchOne = async (t: Tile): Promise<Buffer> => {
    const want = t.w * HASH_SIZE;
    const url = proxyResource(base, tilePath(t));
    const res = await get(opts, url, MAX_TILE_BYTES);
    if (res.status === 200) return res.body;
    const full: Tile = { ...t, w: 2 ** t.h };
    if (full.w !== t.w) {
      const fullRes = await get(opts, proxyResource(base, tilePath(full)), MAX_TILE_BYTES);
      if (fullRes.status === 200 && fullRes.body.length >= want) return fullRes.body.subarray(0, want);
    }
    const where = redact(url.href);
    throw new SumdbError('unavailable', msg('sumdb.tileStatus', { status: res.status, url: where }), where);
  };
  return (tiles: readonly Tile[]): Promise<Buffer[]> =>
    Promise.all(
      tiles.map((t) => {
        const key = tilePath(t);
        let p = cache.get(key);
        if (!p) {
          p = fetchOne(t);
          cache.set(key, p);
        }
        return p;
      }),
    );
}

async function get(opts: SumdbClientOptions, url: URL, maxBytes: number): Promise<HttpResult> {
  try {
    return await opts.get(url, { signal: opts.signal, timeoutMs: timeout(opts), maxBytes });
  } catch (err) {
    rethrowAbort(err, opts.signal);
    const where = redact(url.href);
    const words = msg('sumdb.unreachable', { url: where, error: errorMessageText(err) });
    throw new SumdbError('unavailable', words, where, { cause: err });
  }
}

function rethrowAbort(err: unknown, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? err;
}

function timeout(opts: SumdbClientOptions): number {
  return opts.timeoutMs ?? 30_000;
}

async function readState(file: string): Promise<Buffer | undefined> {
  try {
    const data = await fs.readFile(file);
    return data.length > 0 ? data : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Stores `latest` if it is newer than what the state file holds. Another process may have
 * written a head meanwhile: then that head is verified and merged first (compare-and-swap,
 * as sumdb.Client's WriteConfig), so the file only ever moves forward along one timeline.
 */
async function saveNewest(
  opts: SumdbClientOptions,
  file: string,
  readText: Buffer | undefined,
  latest: Head,
  height: number,
  fetchTiles: ReturnType<typeof tileFetcher>,
): Promise<void> {
  let expected = readText;
  let head = latest;
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await readState(file);
    if (current && expected && !current.equals(expected)) {
      const other = openHead(opts, current, msg('sumdb.what.otherProcess', { file }));
      head = await mergeHeads(other, head, height, fetchTiles, opts.db.name);
      expected = current;
      continue;
    }
    if (current && expected === undefined) {
      expected = current;
      const other = openHead(opts, current, msg('sumdb.what.otherProcess', { file }));
      head = await mergeHeads(other, head, height, fetchTiles, opts.db.name);
      continue;
    }
    if (current && current.equals(head.note)) return;
    if (current && parseTreeSize(opts, current) >= head.tree.n) return;
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Unique per write: lookups running concurrently in one process save heads too.
    const tmp = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
    await fs.writeFile(tmp, head.note);
    await fs.rename(tmp, file);
    return;
  }
}

function parseTreeSize(opts: SumdbClientOptions, note: Buffer): number {
  return openHead(opts, note, msg('sumdb.what.savedHead')).tree.n;
}

function sameTree(a: Tree, b: Tree): boolean {
  return a.n === b.n && a.hash.equals(b.hash);
}
