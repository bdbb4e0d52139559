// Signing side of signed notes, for tests and their fixtures: the product only verifies
// (src/core/sumdb/note.ts). Signer keys are `PRIVATE+KEY+<name>+<hash>+<base64(0x01 ‖ seed)>`.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as cryptoSign,
  type KeyObject,
} from 'node:crypto';
import { ALG_ED25519, hex8, isValidName, keyHash, NoteError, type Signature } from '../../src/core/sumdb/note';
import { decodeBase64Strict } from '../../src/core/sumdb/strictBase64';

export interface Signer {
  name: string;
  keyHash: number;
  sign(msg: Buffer): Buffer;
}

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function privateFromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function rawPublic(priv: KeyObject): Buffer {
  const jwk = createPublicKey(priv).export({ format: 'jwk' });
  return Buffer.from(jwk.x as string, 'base64url');
}

export function newSigner(skey: string): Signer {
  const parts = skey.split('+');
  const bad = () => new NoteError('malformedKey', 'malformed signer id');
  if (parts.length < 5 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') throw bad();
  const name = parts[2]!;
  const hash16 = parts[3]!;
  const key = decodeBase64Strict(parts.slice(4).join('+'));
  if (!/^[0-9a-fA-F]{8}$/.test(hash16) || !key || key.length !== 33 || !isValidName(name)) throw bad();
  if (key[0] !== ALG_ED25519) throw new NoteError('unknownAlgorithm', 'unknown verifier algorithm');
  const priv = privateFromSeed(key.subarray(1));
  const pub = Buffer.concat([Buffer.of(ALG_ED25519), rawPublic(priv)]);
  const hash = parseInt(hash16, 16);
  if (hash !== keyHash(name, pub)) throw new NoteError('keyHashMismatch', 'invalid signer hash');
  return { name, keyHash: hash, sign: (msg) => cryptoSign(null, msg, priv) };
}

/** A fresh key pair: [signer key, verifier key]. */
export function generateKey(name: string): [skey: string, vkey: string] {
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d as string, 'base64url');
  const pub = Buffer.concat([Buffer.of(ALG_ED25519), rawPublic(privateKey)]);
  const h = hex8(keyHash(name, pub));
  const priv = Buffer.concat([Buffer.of(ALG_ED25519), seed]);
  return [`PRIVATE+KEY+${name}+${h}+${priv.toString('base64')}`, `${name}+${h}+${pub.toString('base64')}`];
}

/** Signs `text` (must end in a newline), keeping existing signatures not replaced by `signers`. */
export function signNote(text: string, signers: readonly Signer[], existing: readonly Signature[] = []): Buffer {
  if (!text.endsWith('\n')) throw new NoteError('malformedNote', 'malformed note');
  const body = Buffer.from(text, 'utf8');
  const have = new Set(signers.map((s) => `${s.name}+${s.keyHash}`));
  const lines: string[] = [];
  for (const sig of existing) if (!have.has(`${sig.name}+${sig.hash}`)) lines.push(`— ${sig.name} ${sig.base64}\n`);
  for (const s of signers) {
    const hbuf = Buffer.alloc(4);
    hbuf.writeUInt32BE(s.keyHash >>> 0);
    lines.push(`— ${s.name} ${Buffer.concat([hbuf, s.sign(body)]).toString('base64')}\n`);
  }
  return Buffer.concat([body, Buffer.from(`\n${lines.join('')}`, 'utf8')]);
}
