// The transparency-log code against golang.org/x/mod/sumdb/tlog: its published vectors
// (note_test.go, tlog_test.go) and tree hashes, proofs and tiles computed by Go itself.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  checkRecord,
  checkTree,
  formatTree,
  parseRecord,
  parseTree,
  proveRecord,
  proveTree,
  recordHash,
  splitStoredHashIndex,
  storedHashCount,
  storedHashesForRecordHash,
  storedHashIndex,
  TlogError,
  treeHash,
  type Hash,
  type HashReader,
} from '../../../../src/core/sumdb/tlog';
import {
  parseTilePath,
  readTileData,
  tileForIndex,
  tileHashReader,
  tilePath,
  type Tile,
} from '../../../../src/core/sumdb/tlogTiles';
import { REPO } from '../../../support/cli';
import { goVectors, type GoVectors } from '../../../support/sumdbFixture';

const V = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/sumdb/xmod-vectors.json'), 'utf8')).tlog as {
  formatTree: { n: number; recordHashOf: string; golden: string };
  badTrees: string[];
  goodTreeSuffixes: string[];
  record: { in: string; id: number; text: string; rest: string };
  badRecords: string[];
  badRecordBytesHex: string[];
  tilePaths: Array<{ path: string; tile: Tile | null }>;
};

const b64 = (h: Hash) => h.toString('base64');
const fromB64 = (s: string) => Buffer.from(s, 'base64');

function memoryReader(stored: Hash[]): HashReader {
  return async (indexes) =>
    indexes.map((i) => {
      const h = stored[i];
      if (!h) throw new Error(`no stored hash ${i}`);
      return h;
    });
}

describe('sumdb/tlog (golang.org/x/mod vectors)', () => {
  it('formats and parses tree notes (TestFormatTree, TestParseTree)', () => {
    const tree = { n: V.formatTree.n, hash: recordHash(Buffer.from(V.formatTree.recordHashOf)) };
    assert.equal(formatTree(tree), V.formatTree.golden);
    assert.deepEqual(parseTree(V.formatTree.golden), tree);
    for (const bad of V.badTrees) assert.throws(() => parseTree(bad), TlogError, bad);
    for (const suffix of V.goodTreeSuffixes) assert.deepEqual(parseTree(V.formatTree.golden + suffix), tree);
    assert.throws(() => parseTree('go.sum database tree\n007\n' + b64(tree.hash) + '\n'), TlogError);
  });

  it('parses records (TestParseRecord)', () => {
    const r = parseRecord(Buffer.from(V.record.in, 'latin1'));
    assert.equal(r.id, V.record.id);
    assert.equal(r.text.toString('latin1'), V.record.text);
    assert.equal(r.rest.toString('latin1'), V.record.rest);
    const empty = parseRecord(Buffer.from(`${V.record.id}\n${V.record.text}\n`));
    assert.equal(empty.rest.length, 0);
    const bad = [
      ...V.badRecords.map((s) => Buffer.from(s, 'latin1')),
      ...V.badRecordBytesHex.map((h) => Buffer.from(h, 'hex')),
    ];
    for (const b of bad) assert.throws(() => parseRecord(b), TlogError, JSON.stringify(b.toString('latin1')));
  });

  it('encodes and parses tile paths (TestTilePath)', () => {
    for (const { path: p, tile } of V.tilePaths) {
      if (tile) {
        assert.equal(tilePath(tile), p);
        assert.deepEqual(parseTilePath(p), tile);
      } else {
        assert.throws(() => parseTilePath(p), TlogError, p);
      }
    }
  });

  it('inverts the stored hash numbering (TestSplitStoredHashIndex)', () => {
    for (let l = 0; l < 10; l++) {
      for (let n = 0; n < 100; n++) assert.deepEqual(splitStoredHashIndex(storedHashIndex(l, n)), [l, n]);
    }
    // Past 2^31, where 32-bit shifts would wrap.
    const big = storedHashIndex(0, 2 ** 33 + 5);
    assert.deepEqual(splitStoredHashIndex(big), [0, 2 ** 33 + 5]);
    assert.equal(tilePath(tileForIndex(8, big)), 'tile/8/0/x033/x554/432.p/6');
  });
});

describe('sumdb/tlog agrees with Go (hashes, proofs, tiles computed by x/mod)', function () {
  this.timeout(120_000);
  let vec: GoVectors['tlog'];
  const stored: Hash[] = [];
  const leafHashes: Hash[] = [];
  before(async () => {
    vec = (await goVectors()).tlog;
    for (let i = 0; i < vec.leaves; i++) {
      const h = recordHash(Buffer.from(`leaf ${i}`));
      leafHashes.push(h);
      stored.push(...(await storedHashesForRecordHash(i, h, memoryReader(stored))));
    }
  });

  it('computes the same tree hashes and stored hash counts', async () => {
    for (let t = 1; t <= vec.leaves; t++) {
      assert.equal(b64(await treeHash(t, memoryReader(stored))), vec.treeHashes[t - 1], `tree ${t}`);
      assert.equal(storedHashCount(t), vec.storedCounts[t - 1]);
    }
    assert.equal(stored.length, storedHashCount(vec.leaves));
  });

  it("builds the same record proofs, checks Go's, and rejects each corrupted hash", async () => {
    for (const { t, n, proof } of vec.recordProofs) {
      assert.deepEqual((await proveRecord(t, n, memoryReader(stored))).map(b64), proof, `record ${n} in ${t}`);
      const p = proof.map(fromB64);
      const th = fromB64(vec.treeHashes[t - 1]!);
      checkRecord(p, t, th, n, leafHashes[n]!);
      for (const h of p) {
        h[0]! ^= 1;
        assert.throws(() => checkRecord(p, t, th, n, leafHashes[n]!), TlogError);
        h[0]! ^= 1;
      }
      assert.throws(() => checkRecord([...p, th], t, th, n, leafHashes[n]!), TlogError);
    }
  });

  it("builds the same tree proofs, checks Go's, and rejects each corrupted hash", async () => {
    for (const { t, n, proof } of vec.treeProofs) {
      assert.deepEqual((await proveTree(t, n, memoryReader(stored))).map(b64), proof, `tree ${n} in ${t}`);
      const p = proof.map(fromB64);
      const th = fromB64(vec.treeHashes[t - 1]!);
      const oh = fromB64(vec.treeHashes[n - 1]!);
      checkTree(p, t, th, n, oh);
      for (const h of p) {
        h[0]! ^= 1;
        assert.throws(() => checkTree(p, t, th, n, oh), TlogError);
        h[0]! ^= 1;
      }
    }
  });

  for (const height of [2, 8]) {
    it(`serves the same tiles and authenticates Go's tiles (height ${height})`, async () => {
      const goTiles = new Map(vec.tiles[String(height)]!.map((t) => [t.path, fromB64(t.data)]));
      for (const [p, data] of goTiles)
        assert.ok((await readTileData(parseTilePath(p), memoryReader(stored))).equals(data), p);

      let fetched = 0;
      const fetchTiles = async (tiles: readonly Tile[]) =>
        tiles.map((t) => {
          fetched++;
          const d = goTiles.get(tilePath(t));
          if (!d) throw new Error(`Go published no tile ${tilePath(t)}`);
          return d;
        });
      for (const t of [1, 2, 5, 17, 64, 99, 100]) {
        const tree = { n: t, hash: fromB64(vec.treeHashes[t - 1]!) };
        // Only tiles of the full 100-record tree exist; a smaller tree reads them through their prefixes.
        const reader = tileHashReader(tree, height, async (tiles) =>
          (await fetchTiles(tiles.map((x) => widest(x, goTiles)))).map((d, i) => d.subarray(0, tiles[i]!.w * 32)),
        );
        for (const n of [0, Math.floor(t / 2), t - 1]) {
          const [h] = await reader([storedHashIndex(0, n)]);
          assert.ok(h!.equals(leafHashes[n]!), `leaf ${n} of ${t}`);
        }
        for (const n of [1, Math.ceil(t / 3), t])
          assert.equal(b64(await treeHash(n, reader)), vec.treeHashes[n - 1], `tree ${n} read through tree ${t}`);
      }
      assert.ok(fetched > 0);
    });
  }

  it('refuses tiles that do not hash to the signed tree, and indexes outside the tree', async () => {
    const goTiles = new Map(vec.tiles['8']!.map((t) => [t.path, fromB64(t.data)]));
    const tree = { n: 100, hash: fromB64(vec.treeHashes[99]!) };
    const corrupt = tileHashReader(tree, 8, async (tiles) =>
      tiles.map((t) => {
        const d = Buffer.from(goTiles.get(tilePath(t))!);
        d[40]! ^= 1;
        return d;
      }),
    );
    await assert.rejects(
      corrupt([storedHashIndex(0, 7)]),
      (e: unknown) => e instanceof TlogError && e.kind === 'proof' && /inconsistent tile/.test(e.message),
    );
    const honest = tileHashReader(tree, 8, async (tiles) => tiles.map((t) => goTiles.get(tilePath(t))!));
    await assert.rejects(honest([storedHashIndex(0, 100)]), /not in tree/);
    const wrongTree = tileHashReader({ n: 100, hash: fromB64(vec.treeHashes[98]!) }, 8, async (tiles) =>
      tiles.map((t) => goTiles.get(tilePath(t))!),
    );
    await assert.rejects(wrongTree([storedHashIndex(0, 3)]), /inconsistent tile/);
  });
});

/** The published tile with the same coordinates and the largest width (its prefix is the tile asked for). */
function widest(t: Tile, tiles: Map<string, Buffer>): Tile {
  for (let w = 2 ** t.h; w >= t.w; w--) if (tiles.has(tilePath({ ...t, w }))) return { ...t, w };
  return t;
}
