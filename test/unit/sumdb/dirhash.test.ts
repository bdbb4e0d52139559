// The go.sum h1: hash of a zip against dirhash.HashZip (golang.org/x/mod), including names whose
// byte order differs from JavaScript's UTF-16 order, directories, stored entries and duplicates.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DirhashError, hash1FromDigests, hashZip } from '../../../src/core/sumdb/dirhash';
import { tempDir } from '../../support/fakeGo';
import { goVectors } from '../../support/sumdbFixture';

const sha = (s: string) => createHash('sha256').update(s).digest();

describe('sumdb/dirhash', () => {
  let dir: string;
  before(async () => {
    dir = await tempDir('ged-dirhash-');
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('is Hash1 of dirhash_test.go (sorted lines "<hex>  <name>\\n")', () => {
    const want = `h1:${createHash('sha256').update(`${sha('data for abc').toString('hex')}  abc\n${sha('data for xyz').toString('hex')}  xyz\n`).digest('base64')}`;
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
