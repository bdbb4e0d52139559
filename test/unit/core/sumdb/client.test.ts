// The checksum-database client against golang.org/x/mod/sumdb's own server (the Go fixture):
// where it finds the database, what it accepts, and each misbehaviour it must refuse.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseGoproxy } from '../../../../src/core/go/goproxy';
import { lookupSumdb, zipHashesFromLines, type SumdbClientOptions } from '../../../../src/core/sumdb/client';
import { SumdbError, type SumdbFailure } from '../../../../src/core/sumdb/sumdbError';
import { parseGosumdb, type SumDatabase } from '../../../../src/core/go/gosumdb';
import { undiciGet } from '../../../../src/core/net/httpGet';
import { generateKey, newSigner, signNote } from '../../../support/noteSign';
import { tempDir } from '../../../support/fakeGo';
import { startHttpServer, type StartedServer } from '../../../support/servers';
import { startSumdbFixture, type SumdbFixture } from '../../../support/sumdbFixture';

const MOD = 'golang.org/toolchain';
const V1 = 'v0.0.1-go1.22.5.linux-amd64';
const V2 = 'v0.0.1-go1.21.0.linux-amd64';

function dbOf(setting: string): SumDatabase {
  const s = parseGosumdb(setting);
  assert.ok(s.kind === 'db', JSON.stringify(s));
  return s.db;
}

async function failure(p: Promise<unknown>): Promise<SumdbError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof SumdbError, `expected a SumdbError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the lookup to fail');
}

describe('sumdb/client against the x/mod sumdb server', function () {
  this.timeout(60_000);
  let fx: SumdbFixture;
  let stateDir: string;
  let failing: StartedServer;
  const get = undiciGet();

  before(async () => {
    fx = await startSumdbFixture();
    // A mirror whose /sumdb/.../supported answers with the status in the path's first segment.
    failing = await startHttpServer((req, res) => {
      const status = Number(req.url!.split('/')[1]);
      res.writeHead(status).end();
    });
  });
  after(async () => {
    await fx?.stop();
    await failing?.close();
  });
  beforeEach(async () => {
    stateDir = await tempDir('ged-sumdb-state-');
  });
  afterEach(async () => {
    await fx.set({ note: 'ok', tiles: 'ok', fork: 'off', supported: '200' });
    await fs.rm(stateDir, { recursive: true, force: true });
  });

  const opts = (db: SumDatabase, goproxy: string, extra: Partial<SumdbClientOptions> = {}): SumdbClientOptions => ({
    db,
    proxies: parseGoproxy(goproxy),
    stateDir,
    get,
    timeoutMs: 10_000,
    ...extra,
  });

  it('finds the database through a mirror that says /supported, verifies the record and saves the head', async () => {
    const before = await fx.counts();
    const r = await lookupSumdb(opts(dbOf(fx.vkey), fx.url), MOD, V1);
    assert.equal(r.via, 'proxy');
    assert.equal(r.baseUrl, `${fx.url}/sumdb/${fx.name}`);
    assert.deepEqual(zipHashesFromLines(r.lines, MOD, V1), [await fx.h1(V1)]);
    assert.ok(r.lines.some((l) => l.startsWith(`${MOD} ${V1}/go.mod h1:`)));
    assert.ok(r.tree.n > 300 && r.recordId >= 300 && r.recordId < r.tree.n);
    const after = await fx.counts();
    assert.equal((after['proxyLookup'] ?? 0) - (before['proxyLookup'] ?? 0), 1);
    assert.ok((after['proxyTile'] ?? 0) > (before['proxyTile'] ?? 0));
    const saved = await fs.readFile(path.join(stateDir, fx.name, 'latest'), 'utf8');
    assert.match(saved, new RegExp(`^go\\.sum database tree\\n${r.tree.n}\\n`));
  });

  it('goes straight to a URL named in GOSUMDB, never asking the mirrors', async () => {
    const before = await fx.counts();
    const r = await lookupSumdb(opts(dbOf(fx.gosumdb), `${failing.url}/500`), MOD, V1);
    assert.equal(r.via, 'direct');
    const after = await fx.counts();
    assert.equal(after['supported'] ?? 0, before['supported'] ?? 0);
    assert.equal((after['directLookup'] ?? 0) - (before['directLookup'] ?? 0), 1);
  });

  it('honours GOPROXY list separators when probing mirrors', async () => {
    // `,`: a 404 from /supported moves on to the next mirror.
    assert.equal((await lookupSumdb(opts(dbOf(fx.vkey), `${failing.url}/404,${fx.url}`), MOD, V1)).via, 'proxy');
    // `|`: any error moves on.
    assert.equal((await lookupSumdb(opts(dbOf(fx.vkey), `${failing.url}/500|${fx.url}`), MOD, V1)).via, 'proxy');
    // `,` after a 500: the database counts as unavailable (cmd/go does the same).
    const e = await failure(lookupSumdb(opts(dbOf(fx.vkey), `${failing.url}/500,${fx.url}`), MOD, V1));
    assert.equal(e.kind, 'unavailable');
    assert.match(e.message, /answered HTTP 500/);
    // No mirror forwards it, then `direct`: the database's own URL.
    const db = { ...dbOf(fx.vkey), url: new URL(`${fx.url}/db`) };
    assert.equal((await lookupSumdb(opts(db, `${failing.url}/410,direct`), MOD, V1)).via, 'direct');
  });

  it('accepts a newer head that extends the saved one', async () => {
    const first = await lookupSumdb(opts(dbOf(fx.gosumdb), 'off'), MOD, V1);
    const second = await lookupSumdb(opts(dbOf(fx.gosumdb), 'off'), MOD, V2);
    assert.ok(second.tree.n > first.tree.n || second.recordId < first.tree.n);
    assert.deepEqual(second.previousTree, first.tree);
  });

  const cases: Array<[string, Record<string, string>, SumdbFailure, RegExp]> = [
    [
      'a tree note signed by another key',
      { note: 'otherkey' },
      'badSignature',
      /not signed by the key of sumdb\.fixture\.test/,
    ],
    ['tiles that do not match the signed tree', { tiles: 'bad' }, 'badProof', /downloaded inconsistent tile/],
  ];
  for (const [what, switches, kind, message] of cases) {
    it(`refuses ${what}`, async () => {
      await fx.set(switches);
      const e = await failure(lookupSumdb(opts(dbOf(fx.gosumdb), 'off'), MOD, V1));
      assert.equal(e.kind, kind);
      assert.match(e.message, message);
      await assert.rejects(fs.access(path.join(stateDir, fx.name, 'latest')), 'nothing saved');
    });
  }

  it('reports a fork from the saved head as a security error and keeps the saved head', async () => {
    await lookupSumdb(opts(dbOf(fx.gosumdb), 'off'), MOD, V1);
    const file = path.join(stateDir, fx.name, 'latest');
    const saved = await fs.readFile(file);
    await fx.set({ fork: 'on' });
    const e = await failure(lookupSumdb(opts(dbOf(fx.gosumdb), 'off'), MOD, V2));
    assert.equal(e.kind, 'inconsistent');
    assert.match(e.message, /^SECURITY ERROR/);
    assert.match(e.message, /old database:\n\tgo\.sum database tree/);
    assert.ok((await fs.readFile(file)).equals(saved));
    // The saved history keeps every later lookup on the fork refused.
    await failure(lookupSumdb(opts(dbOf(fx.gosumdb), 'off'), MOD, V1));
  });

  it('refuses a saved head that its key did not sign', async () => {
    const [skey] = generateKey(fx.name);
    const file = path.join(stateDir, fx.name, 'latest');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(
      file,
      signNote(`go.sum database tree\n5\n${Buffer.alloc(32).toString('base64')}\n`, [newSigner(skey)]),
    );
    const e = await failure(lookupSumdb(opts(dbOf(fx.gosumdb), 'off'), MOD, V1));
    assert.equal(e.kind, 'badSignature');
    assert.match(e.message, /saved in/);
  });

  it('says when the database has no record of a version', async () => {
    const e = await failure(lookupSumdb(opts(dbOf(fx.gosumdb), 'off'), MOD, 'v0.0.1-go1.99.9.linux-amd64'));
    assert.equal(e.kind, 'notFound');
  });

  it('reports an unreachable database as unavailable', async () => {
    const db = { ...dbOf(fx.vkey), url: new URL('http://127.0.0.1:9/db'), explicitUrl: true };
    const e = await failure(lookupSumdb(opts(db, 'off'), MOD, V1));
    assert.equal(e.kind, 'unavailable');
  });
});
