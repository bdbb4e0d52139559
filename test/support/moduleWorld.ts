// A small module ecosystem on 127.0.0.1 for go.sum and module-cache tests: a GOPROXY serving real
// module zips (list, .info, .mod, .zip) and a checksum database (signed tree notes, lookups, hash
// tiles of height 8) holding their go.sum lines, signed with a fresh key in TypeScript. The real
// go command downloads from it and verifies against it, so what go accepts here is the referee.
import { createHash } from 'node:crypto';
import type * as http from 'node:http';
import { hash1FromDigests } from '../../src/core/sumdb/dirhash';
import { generateKey, newSigner, signNote, type Signer } from './noteSign';
import { parseTilePath, readTileData } from '../../src/core/sumdb/tlogTiles';
import {
  formatTree,
  recordHash,
  storedHashCount,
  storedHashesForRecordHash,
  treeHash,
  type HashReader,
} from '../../src/core/sumdb/tlog';
import { startHttpServer, type StartedServer } from './servers';
import { moduleZip } from './toolchainArchive';

export interface WorldModule {
  path: string;
  version: string;
  /** Files relative to the module root; a `go.mod` naming the module is added when missing. */
  files?: Record<string, string>;
}

interface Served {
  mod: string;
  zip: Buffer;
  h1: string;
  goModH1: string;
}

export interface ModuleWorld extends StartedServer {
  /** The checksum database's name and verifier key. */
  name: string;
  vkey: string;
  /** GOSUMDB for the go command: the key and the database's own URL. */
  gosumdb: string;
  /** The go.sum lines of a module version (`<mod> <ver> h1:…` and `<mod> <ver>/go.mod h1:…`). */
  goSumLines(path: string, version: string): string[];
  /** Adds module versions (served and recorded in the database). */
  add(...mods: WorldModule[]): Promise<void>;
  /** Makes the proxy serve other files for a version than the database recorded; returns their go.sum hashes. */
  lie(mod: WorldModule): { h1: string; goModH1: string };
  /** Delay before every checksum-database answer. */
  setSumdbDelay(ms: number): void;
  /** Checksum-database requests seen (lookups and tiles). */
  sumdbRequests(): number;
}

export const sha256 = (b: Uint8Array | string): Buffer => createHash('sha256').update(b).digest();

function build(m: WorldModule): Served {
  const files = { ...(m.files ?? {}) };
  files['go.mod'] ??= `module ${m.path}\n`;
  const prefix = `${m.path}@${m.version}/`;
  const names = Object.keys(files).sort();
  const zip = moduleZip(names.map((n) => ({ name: prefix + n, data: Buffer.from(files[n]!) }))).zip;
  const h1 = hash1FromDigests(names.map((n) => ({ name: Buffer.from(prefix + n), sha256: sha256(files[n]!) })));
  const mod = files['go.mod'];
  const goModH1 = hash1FromDigests([{ name: Buffer.from('go.mod'), sha256: sha256(mod) }]);
  return { mod, zip, h1, goModH1 };
}

export async function startModuleWorld(mods: WorldModule[] = []): Promise<ModuleWorld> {
  const name = 'sumdb.world.test';
  const [skey, vkey] = generateKey(name);
  const signer: Signer = newSigner(skey);
  const served = new Map<string, Served>();
  const recorded = new Map<string, { id: number; text: Buffer }>();
  const stored: Buffer[] = [];
  const read: HashReader = async (idx) => idx.map((i) => stored[i]!);
  let note: Buffer = Buffer.alloc(0);
  let delayMs = 0;
  let sumdbHits = 0;

  const add = async (...list: WorldModule[]): Promise<void> => {
    for (const m of list) {
      const s = build(m);
      const key = `${m.path}@${m.version}`;
      served.set(key, s);
      const text = Buffer.from(`${m.path} ${m.version} ${s.h1}\n${m.path} ${m.version}/go.mod ${s.goModH1}\n`);
      const id = recorded.size;
      stored.push(...(await storedHashesForRecordHash(id, recordHash(text), read)));
      recorded.set(key, { id, text });
    }
    const n = recorded.size;
    if (stored.length !== storedHashCount(n)) throw new Error('moduleWorld: stored hash count is off');
    note = signNote(formatTree({ n, hash: await treeHash(n, read) }), [signer]);
  };

  const sumdb = async (rest: string, res: http.ServerResponse): Promise<void> => {
    sumdbHits++;
    if (rest === 'supported') return void res.writeHead(200).end();
    if (rest.startsWith('lookup/')) {
      const key = unescape(rest.slice('lookup/'.length));
      const r = recorded.get(key);
      if (!r) return void res.writeHead(404).end('not found\n');
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end(Buffer.concat([Buffer.from(`${r.id}\n`), r.text, Buffer.from('\n'), note]));
    }
    if (rest.startsWith('tile/')) {
      const t = parseTilePath(rest);
      const n = recorded.size;
      const lastIndex = (t.n * 2 ** t.h + t.w) * 2 ** (t.l * t.h);
      if (t.l < 0 || lastIndex > n) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      return void res.end(await readTileData(t, read));
    }
    res.writeHead(404).end();
  };

  const proxy = (p: string, res: http.ServerResponse): void => {
    const at = p.indexOf('/@v/');
    const modPath = unescape(p.slice(1, at));
    const file = p.slice(at + 4);
    if (at < 0) return void res.writeHead(404).end();
    if (file === 'list') {
      const versions = [...served.keys()].filter((k) => k.startsWith(`${modPath}@`)).map((k) => k.split('@')[1]);
      return void res.writeHead(200).end(versions.map((v) => `${v}\n`).join(''));
    }
    const dot = file.lastIndexOf('.');
    const s = served.get(`${modPath}@${unescape(file.slice(0, dot))}`);
    const ext = file.slice(dot);
    if (!s) return void res.writeHead(404).end('not found\n');
    if (ext === '.info')
      return void res.writeHead(200).end(JSON.stringify({ Version: file.slice(0, dot), Time: '2024-01-02T03:04:05Z' }));
    if (ext === '.mod') return void res.writeHead(200).end(s.mod);
    if (ext === '.zip') return void res.writeHead(200, { 'Content-Type': 'application/zip' }).end(s.zip);
    res.writeHead(404).end();
  };

  const server = await startHttpServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const sumdbPrefix = `/sumdb/${name}/`;
    if (p.startsWith(sumdbPrefix)) {
      const answer = () =>
        void sumdb(p.slice(sumdbPrefix.length), res).catch((err: Error) => res.writeHead(500).end(err.message));
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
      return;
    }
    proxy(p, res);
  });
  await add(...mods);
  return {
    ...server,
    name,
    vkey,
    gosumdb: `${vkey} ${server.url}/sumdb/${name}`,
    goSumLines: (path, version) => {
      const s = served.get(`${path}@${version}`);
      if (!s) throw new Error(`moduleWorld: ${path}@${version} is not served`);
      const r = recorded.get(`${path}@${version}`)!.text.toString();
      return r.trimEnd().split('\n');
    },
    add,
    lie: (m) => {
      const s = build(m);
      served.set(`${m.path}@${m.version}`, s);
      return { h1: s.h1, goModH1: s.goModH1 };
    },
    setSumdbDelay: (ms) => void (delayMs = ms),
    sumdbRequests: () => sumdbHits,
  };
}

/** The inverse of the proxy protocol's case escaping (`!x` for `X`). */
function unescape(s: string): string {
  return s.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
}
