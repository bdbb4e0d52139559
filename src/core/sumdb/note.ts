// Signed notes (golang.org/x/mod/sumdb/note): text ending in a newline, a blank line, then
// signature lines `— <name> <base64(4-byte key hash ‖ signature)>`. A verifier key is
// `<name>+<8 hex key hash>+<base64(0x01 ‖ 32-byte Ed25519 public key)>`, and the key hash is the
// first 4 bytes (big-endian) of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key).
import { isUtf8 } from 'node:buffer';
import { createHash, createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { decodeBase64Strict } from './strictBase64';

export const ALG_ED25519 = 1;

export interface Verifier {
  /** The server name, e.g. `sum.golang.org`. */
  readonly name: string;
  readonly keyHash: number;
  /** The verifier key text it was made from. */
  readonly key: string;
  verify(msg: Buffer, sig: Buffer): boolean;
}

export interface Signature {
  name: string;
  hash: number;
  /** The signature as it appeared in the note (key hash and signature, base64). */
  base64: string;
}

export interface Note {
  /** The signed text, including its final newline. */
  text: string;
  sigs: Signature[];
  /** Signatures by keys the caller does not know (kept, never trusted). */
  unverifiedSigs: Signature[];
}

export type NoteErrorKind =
  | 'malformedKey'
  | 'unknownAlgorithm'
  | 'keyHashMismatch'
  | 'malformedNote'
  | 'unverified'
  | 'invalidSignature'
  | 'ambiguousKey';

export class NoteError extends Error {
  constructor(
    readonly kind: NoteErrorKind,
    message: string,
    /** For `unverified`: the parsed note whose signatures are all by unknown keys. */
    readonly note?: Note,
  ) {
    super(message);
    this.name = 'NoteError';
  }
}

/** The 32-bit key hash of a server name and its encoded (algorithm-prefixed) public key. */
export function keyHash(name: string, key: Buffer): number {
  const sum = createHash('sha256').update(name, 'utf8').update('\n').update(key).digest();
  return sum.readUInt32BE(0);
}

// unicode.IsSpace: Go's White_Space set (note U+0085 is in it and U+FEFF is not, unlike JS `\s`).
const UNICODE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Non-empty, valid UTF-8 (a JS string without lone surrogates), no Unicode spaces, no `+`. */
export function isValidName(name: string): boolean {
  return name !== '' && !LONE_SURROGATE.test(name) && !UNICODE_SPACE.test(name) && !name.includes('+');
}

function chop(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

/** Parses a verifier key; throws NoteError (malformedKey, keyHashMismatch, unknownAlgorithm). */
export function newVerifier(vkey: string): Verifier {
  const [name, rest] = chop(vkey, '+');
  const [hash16, key64] = chop(rest, '+');
  const key = decodeBase64Strict(key64);
  if (!/^[0-9a-fA-F]{8}$/.test(hash16) || !key || !isValidName(name) || key.length === 0) {
    throw new NoteError('malformedKey', 'malformed verifier id');
  }
  const hash = parseInt(hash16, 16);
  if (hash !== keyHash(name, key)) throw new NoteError('keyHashMismatch', 'invalid verifier hash');
  if (key[0] !== ALG_ED25519) throw new NoteError('unknownAlgorithm', 'unknown verifier algorithm');
  const pub = key.subarray(1);
  if (pub.length !== 32) throw new NoteError('malformedKey', 'malformed verifier id');
  const keyObject = ed25519PublicKey(pub);
  return {
    name,
    keyHash: hash,
    key: vkey,
    verify: (msg, sig) => sig.length === 64 && cryptoVerify(null, msg, keyObject, sig),
  };
}

function ed25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

const SIG_PREFIX = Buffer.from('— ', 'utf8');
const MAX_SIGNATURES = 100;

/**
 * Parses `msg` and checks its signatures against `known`, as note.Open does: a signature by a
 * known key that fails is an error (invalidSignature); signatures by unknown keys are recorded
 * as unverified; a note with no verified signature is an error (unverified).
 */
export function openNote(msg: Buffer, known: readonly Verifier[]): Note {
  const malformed = () => new NoteError('malformedNote', 'malformed note');
  if (!isUtf8(msg)) throw malformed();
  for (const c of msg) if (c < 0x20 && c !== 0x0a) throw malformed();

  const split = msg.lastIndexOf('\n\n');
  if (split < 0) throw malformed();
  const text = msg.subarray(0, split + 1);
  let sigs = msg.subarray(split + 2);
  if (sigs.length === 0 || sigs[sigs.length - 1] !== 0x0a) throw malformed();

  const note: Note = { text: text.toString('utf8'), sigs: [], unverifiedSigs: [] };
  const seen = new Set<string>();
  const seenUnverified = new Set<string>();
  let numSig = 0;
  while (sigs.length > 0) {
    const i = sigs.indexOf(0x0a);
    let line = sigs.subarray(0, i);
    sigs = sigs.subarray(i + 1);
    if (!line.subarray(0, SIG_PREFIX.length).equals(SIG_PREFIX)) throw malformed();
    line = line.subarray(SIG_PREFIX.length);
    const lineText = line.toString('utf8');
    const [name, b64] = chop(lineText, ' ');
    const sig = decodeBase64Strict(b64);
    if (!sig || !isValidName(name) || b64 === '' || sig.length < 5) throw malformed();
    const hash = sig.readUInt32BE(0);
    if (++numSig > MAX_SIGNATURES) throw malformed();

    const matches = known.filter((v) => v.name === name && v.keyHash === hash);
    if (matches.length === 0) {
      if (seenUnverified.has(lineText)) continue;
      seenUnverified.add(lineText);
      note.unverifiedSigs.push({ name, hash, base64: b64 });
      continue;
    }
    if (matches.length > 1) throw new NoteError('ambiguousKey', `ambiguous key ${name}+${hex8(hash)}`);
    const id = `${name}+${hash}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (!matches[0]!.verify(text, sig.subarray(4))) {
      throw new NoteError('invalidSignature', `invalid signature for key ${name}+${hex8(hash)}`);
    }
    note.sigs.push({ name, hash, base64: b64 });
  }
  if (note.sigs.length === 0) throw new NoteError('unverified', 'note has no verifiable signatures', note);
  return note;
}

export function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}
