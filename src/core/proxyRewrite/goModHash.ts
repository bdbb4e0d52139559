// The go.sum hash of a module's go.mod (`<module> <version>/go.mod h1:...`): dirhash Hash1 over
// the single file "go.mod".
import { createHash } from 'node:crypto';
import { hash1FromDigests } from '../sumdb/dirhash';

export function goModHash1(content: Uint8Array): string {
  return hash1FromDigests([{ name: Buffer.from('go.mod'), sha256: createHash('sha256').update(content).digest() }]);
}

/** The `/go.mod h1:` hash a checksum-database record gives for module@version, if any. */
export function goModHashFromLines(lines: readonly string[], modulePath: string, version: string): string | undefined {
  const prefix = `${modulePath} ${version}/go.mod `;
  for (const l of lines) {
    if (!l.startsWith(prefix)) continue;
    const h = l.slice(prefix.length).trim();
    if (h.startsWith('h1:')) return h;
  }
  return undefined;
}
