// Signed notes against golang.org/x/mod's published vectors (note_test.go) and a note signed by
// Go's note.Sign with two keys (the fixture's -vectors mode).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { newVerifier, NoteError, openNote, type Verifier } from '../../../../src/core/sumdb/note';
import { generateKey, newSigner, signNote } from '../../../support/noteSign';
import { REPO } from '../../../support/cli';
import { goVectors } from '../../../support/sumdbFixture';

interface Sig {
  name: string;
  hash: number;
  base64: string;
}
const V = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/sumdb/xmod-vectors.json'), 'utf8')).note as {
  peterVkey: string;
  peterSkey: string;
  enochVkey: string;
  badVkeys: string[];
  text: string;
  peterSig: string;
  enochSig: string;
  peter: Sig;
  enoch: Sig;
  signed: string;
  sumdbTestVerifierKey: string;
  sumdbTestSignerKey: string;
};

/** Go's s[:i] + x + s[i:] on the UTF-8 bytes of s. */
function insertAtByte(s: string, i: number, x: string): string {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([b.subarray(0, i), Buffer.from(x), b.subarray(i)]).toString('utf8');
}

function noteError(fn: () => unknown): NoteError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof NoteError, `expected a NoteError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected an error');
}

describe('sumdb/note (golang.org/x/mod vectors)', () => {
  let peter: Verifier;
  let enoch: Verifier;
  before(() => {
    peter = newVerifier(V.peterVkey);
    enoch = newVerifier(V.enochVkey);
  });

  it('parses verifier keys and rejects every substring and every one-byte change', () => {
    assert.equal(peter.name, 'PeterNeumann');
    assert.equal(peter.keyHash, 0xc74f20a3);
    const b = Buffer.from(V.peterVkey);
    const rejected = (k: string) => assert.throws(() => newVerifier(k), NoteError, k);
    for (let i = 0; i <= b.length; i++)
      for (let j = i + 1; j <= b.length; j++)
        if (i !== 0 || j !== b.length) rejected(b.subarray(i, j).toString('latin1'));
    for (let i = 0; i < b.length; i++) {
      b[i]!++;
      rejected(b.toString('latin1'));
      b[i]!--;
    }
    for (const k of V.badVkeys) rejected(k);
  });

  it('accepts the checksum-database test key pair of sumdb/client_test.go', () => {
    const v = newVerifier(V.sumdbTestVerifierKey);
    const s = newSigner(V.sumdbTestSignerKey);
    assert.equal(v.name, 'localhost.localdev/sumdb');
    assert.equal(s.keyHash, v.keyHash);
    assert.ok(v.verify(Buffer.from('hi'), s.sign(Buffer.from('hi'))));
  });

  it('signs exactly as note.Sign (TestSign) and round-trips generated keys', () => {
    assert.equal(signNote(V.text, [newSigner(V.peterSkey)]).toString('utf8'), V.signed);
    const [skey, vkey] = generateKey('EnochRoot');
    const msg = signNote('hello\n', [newSigner(skey)]);
    assert.equal(openNote(msg, [newVerifier(vkey)]).text, 'hello\n');
  });

  it('opens notes as note.Open does (TestOpen)', () => {
    const msg = (s: string) => Buffer.from(s, 'utf8');
    let n = openNote(msg(`${V.text}\n${V.peterSig}${V.enochSig}`), [peter]);
    assert.equal(n.text, V.text);
    assert.deepEqual(n.sigs, [V.peter]);
    assert.deepEqual(n.unverifiedSigs, [V.enoch]);

    n = openNote(msg(`${V.text}\n${V.peterSig}${V.enochSig}`), [peter, enoch]);
    assert.deepEqual(n.sigs, [V.peter, V.enoch]);
    assert.deepEqual(n.unverifiedSigs, []);

    const e = noteError(() => openNote(msg(`${V.text}\n${V.peterSig}${V.enochSig}`), []));
    assert.equal(e.kind, 'unverified');
    assert.equal(e.message, 'note has no verifiable signatures');
    assert.deepEqual(e.note?.unverifiedSigs, [V.peter, V.enoch]);

    assert.equal(
      noteError(() => openNote(msg(`${V.text}\n${V.enochSig}`), [enoch, peter, enoch])).message,
      'ambiguous key EnochRoot+af0cfe78',
    );
    openNote(msg(`${V.text}\n${V.peterSig}`), [enoch, peter, enoch]);

    for (const known of [[peter], []]) {
      const tooMany = noteError(() => openNote(msg(`${V.text}\n${V.peterSig.repeat(101)}`), known));
      assert.equal(tooMany.message, 'malformed note');
    }
    const bad = `${V.text}\n${insertAtByte(V.peterSig, 60, 'ABCD')}`;
    assert.equal(
      noteError(() => openNote(msg(bad), [peter])).message,
      'invalid signature for key PeterNeumann+c74f20a3',
    );

    const enochABCD = {
      ...V.enoch,
      base64: 'rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5nABCD2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=',
    };
    n = openNote(
      msg(`${V.text}\n${V.peterSig}${V.peterSig}${V.enochSig}${V.enochSig}${insertAtByte(V.enochSig, 60, 'ABCD')}`),
      [peter],
    );
    assert.deepEqual(n.sigs, [V.peter]);
    assert.deepEqual(n.unverifiedSigs, [V.enoch, enochABCD]);
  });

  it('rejects malformed notes (TestOpen badMsgs)', () => {
    const badMsgs = [
      V.text,
      `${V.text}\n`,
      `${V.text}\n${V.peterSig.slice(0, -1)}`,
      `\x01${V.text}\n${V.peterSig}`,
      `${V.text}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${V.text}\n${V.peterSig}Unexpected line.\n`,
    ].map((s) => Buffer.from(s, 'utf8'));
    badMsgs.push(Buffer.concat([Buffer.of(0xff), Buffer.from(`${V.text}\n${V.peterSig}`, 'utf8')]));
    for (const m of badMsgs)
      assert.equal(noteError(() => openNote(m, [peter])).kind, 'malformedNote', JSON.stringify(m.toString('latin1')));
  });

  it('verifies a note Go signed with two keys', async () => {
    const vec = (await goVectors()).note;
    const msg = Buffer.from(vec.msg, 'utf8');
    const n = openNote(msg, [peter, newVerifier(vec.freshVkey)]);
    assert.equal(n.sigs.length, 2);
    assert.match(n.text, /^go\.sum database tree\n100\n/);
    // One flipped bit in the text breaks both signatures.
    const tampered = Buffer.from(msg);
    tampered[25]! ^= 1;
    assert.equal(noteError(() => openNote(tampered, [peter])).kind, 'invalidSignature');
  });
});
