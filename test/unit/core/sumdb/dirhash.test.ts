// The go.sum h1: hash of a zip against dirhash.HashZip (golang.org/x/mod), including names whose
// byte order differs from JavaScript's UTF-16 order, directories, stored entries and duplicates.
import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DirhashError, hash1FromDigests, hashZip } from '../../../../src/core/sumdb/dirhash';
import { startHasher } from '../../../../src/core/sumdb/hashWorker';
import { tempDir } from '../../../support/fakeGo';
import { goVectors } from '../../../support/sumdbFixture';

const sha = (s: string) => createHash('sha256').update(s).digest();

describe('sumdb/dirhash', () => {
  let dir: string;
  before(async () => {
    dir = await tempDir('ged-dirhash-');
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('is Hash1 of dirhash_test.go (sorted lines "<hex>  <name>\\n")', () => {
    const want = `h1:${createHash('sha256')
      .update(`${sha('data for abc').toString('hex')}  abc\n${sha('data for xyz').toString('hex')}  xyz\n`)
      .digest('base64')}`;
    const got = hash1FromDigests([
      { name: Buffer.from('xyz'), sha256: sha('data for xyz') },
      { name: Buffer.from('abc'), sha256: sha('data for abc') },
    ]);
    assert.equal(got, want);
    assert.throws(() => hash1FromDigests([{ name: Buffer.from('a\nbc'), sha256: sha('') }]), DirhashError);
  });

  it('equals dirhash.HashZip on zips written by Go', async () => {
    const vectors = (await goVectors()).dirhash;
    assert.ok(vectors.length >= 3);
    for (const [i, v] of vectors.entries()) {
      const file = path.join(dir, `v${i}.zip`);
      await fs.writeFile(file, Buffer.from(v.zip, 'base64'));
      assert.equal(await hashZip(file), v.h1, `vector ${i}`);
    }
  });

  it('reports a file that is not a zip', async () => {
    const file = path.join(dir, 'not.zip');
    await fs.writeFile(file, 'hello');
    await assert.rejects(hashZip(file), DirhashError);
  });
});

describe('sumdb/hashWorker', () => {
  it('hashes interleaved files of every size off the main thread exactly as createHash does', async () => {
    const hasher = startHasher();
    try {
      const files = [0, 1, 31, 4096, 70_000, 3 << 20, 10, 0, 1 << 20].map((n) => randomBytes(n));
      const sinks = files.map(() => hasher.file());
      // Feed in uneven chunks, round-robin, so files interleave within and across batches.
      for (let off = 0; files.some((f) => off < f.length); off += 50_000) {
        files.forEach((f, i) => {
          if (off < f.length) sinks[i]!.update(f.subarray(off, Math.min(f.length, off + 50_000)));
        });
        if (hasher.saturated) await hasher.drained();
      }
      const digests = sinks.map((s) => s.digest());
      hasher.flush();
      const got = await Promise.all(digests);
      files.forEach((f, i) =>
        assert.ok(got[i]!.equals(createHash('sha256').update(f).digest()), `file ${i} (${f.length} bytes)`),
      );
    } finally {
      await hasher.close();
    }
  });
});
