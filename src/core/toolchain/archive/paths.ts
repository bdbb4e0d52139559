// Which archive entry names may be written. Official Go archives contain only clean relative
// names under one root (`go/`), so anything else is refused rather than "sanitised".
import { UnsafeArchiveError } from '../errors';

/** Windows device names; x/mod/zip refuses them too, so no Go release contains them. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

export interface EntryName {
  /** Path components below the archive root, e.g. ['bin', 'go']; empty for the root itself. */
  components: string[];
  /** Whether the name ended in `/` (a directory in zip archives). */
  trailingSlash: boolean;
}

/**
 * Checks an entry name and strips the root prefix (`go/`). Throws UnsafeArchiveError for absolute
 * paths, drive letters, backslashes, `.`/`..`/empty components, control characters, colons
 * (alternate data streams), Windows device names and anything outside the root.
 */
export function entryName(raw: string, rootPrefix: string): EntryName {
  if (raw === '') throw new UnsafeArchiveError(raw, 'empty entry name');
  if (raw.includes('\\')) throw new UnsafeArchiveError(raw, 'backslash in entry name');
  if (raw.startsWith('/')) throw new UnsafeArchiveError(raw, 'absolute path');
  if (/^[A-Za-z]:/.test(raw)) throw new UnsafeArchiveError(raw, 'drive-letter path');

  if (/[\u0000-\u001f\u007f]/.test(raw)) throw new UnsafeArchiveError(raw, 'control character in entry name');
  if (raw.includes(':')) throw new UnsafeArchiveError(raw, 'colon in entry name');
  const trailingSlash = raw.endsWith('/');
  const parts = (trailingSlash ? raw.slice(0, -1) : raw).split('/');
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..')
      throw new UnsafeArchiveError(raw, `"${part || '(empty)'}" path component`);
    const base = part.split('.')[0]!;
    if (RESERVED.test(base)) throw new UnsafeArchiveError(raw, `"${part}" is a reserved device name on Windows`);
  }
  const root = rootPrefix.replace(/\/$/, '').split('/');
  for (let i = 0; i < root.length; i++) {
    if (parts[i] !== root[i]) throw new UnsafeArchiveError(raw, `entry is outside the archive root "${rootPrefix}"`);
  }
  return { components: parts.slice(root.length), trailingSlash };
}

/**
 * The key two names collide under on case-insensitive file systems, or after Windows strips
 * trailing dots and spaces. Colliding names are refused (x/mod/zip does the same).
 */
export function collisionKey(components: readonly string[]): string {
  return components.map((c) => c.replace(/[. ]+$/, '').toLowerCase()).join('/');
}
