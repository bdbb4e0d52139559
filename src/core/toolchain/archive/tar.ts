// A strict, streaming tar reader: ustar, GNU long names and PAX headers, regular files and
// directories only. Official Go archives contain nothing else, so every link, device, FIFO,
// sparse file or malformed header is an error, not a warning. It never buffers file data: each
// input chunk is handed on as sub-slices as it arrives.
import { UnsafeArchiveError } from '../errors';

const BLOCK = 512;
/** PAX / GNU long-name records larger than this are not plausible in a Go release. */
const MAX_META_BYTES = 1024 * 1024;

export interface TarEntry {
  /** The name as stored (after PAX / GNU long-name overrides), not yet checked. */
  path: string;
  kind: 'file' | 'dir';
  size: number;
  mode: number;
  /** Seconds since the epoch; undefined when the header holds none. */
  mtimeSec?: number;
}

export interface TarVisitor {
  entry(e: TarEntry): void;
  /** A slice of the current file's content; valid for as long as the caller keeps it. */
  data(chunk: Buffer): void;
  entryEnd(): void;
}

type State = 'header' | 'data' | 'meta' | 'padding' | 'eof';
type MetaKind = 'pax' | 'paxGlobal' | 'gnuLongName';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class TarStreamParser {
  private state: State = 'header';
  /** Bytes of an incomplete header block carried over from the previous chunk. */
  private partial: Buffer | undefined;
  private remaining = 0;
  private padding = 0;
  private metaKind: MetaKind | undefined;
  private metaChunks: Buffer[] = [];
  private pax: Map<string, string> | undefined;
  private longName: string | undefined;
  private zeroBlocks = 0;
  private current: string | undefined;

  constructor(private readonly visitor: TarVisitor) {}

  write(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      switch (this.state) {
        case 'data': {
          const n = Math.min(this.remaining, chunk.length - pos);
          this.visitor.data(chunk.subarray(pos, pos + n));
          pos += n;
          this.remaining -= n;
          if (this.remaining === 0) {
            this.visitor.entryEnd();
            this.current = undefined;
            this.state = this.padding > 0 ? 'padding' : 'header';
          }
          break;
        }
        case 'meta': {
          const n = Math.min(this.remaining, chunk.length - pos);
          this.metaChunks.push(chunk.subarray(pos, pos + n));
          pos += n;
          this.remaining -= n;
          if (this.remaining === 0) {
            this.finishMeta();
            this.state = this.padding > 0 ? 'padding' : 'header';
          }
          break;
        }
        case 'padding': {
          const n = Math.min(this.padding, chunk.length - pos);
          pos += n;
          this.padding -= n;
          if (this.padding === 0) this.state = 'header';
          break;
        }
        case 'header': {
          const have = this.partial?.length ?? 0;
          const take = Math.min(BLOCK - have, chunk.length - pos);
          let block: Buffer;
          if (have === 0 && take === BLOCK) {
            block = chunk.subarray(pos, pos + BLOCK);
          } else {
            this.partial = Buffer.concat([this.partial ?? Buffer.alloc(0), chunk.subarray(pos, pos + take)]);
            if (this.partial.length < BLOCK) {
              pos += take;
              break;
            }
            block = this.partial;
            this.partial = undefined;
          }
          pos += take;
          this.header(block);
          break;
        }
        case 'eof': {
          // After the end-of-archive marker only zero padding may follow.
          for (let i = pos; i < chunk.length; i++) {
            if (chunk[i] !== 0) throw new UnsafeArchiveError(undefined, 'data after the end-of-archive marker');
          }
          pos = chunk.length;
          break;
        }
      }
    }
  }

  /** Call after the last chunk: throws if the archive stopped inside an entry or has no end marker. */
  end(): void {
    if (this.state === 'eof') return;
    if (this.state === 'data' || this.state === 'meta') {
      throw new UnsafeArchiveError(
        this.current,
        `archive ends ${this.remaining} bytes before the end of this entry (its header states a size the archive does not hold)`,
      );
    }
    throw new UnsafeArchiveError(undefined, 'archive is truncated (no end-of-archive marker)');
  }

  private header(block: Buffer): void {
    if (isZero(block)) {
      this.zeroBlocks++;
      if (this.zeroBlocks === 2) this.state = 'eof';
      return;
    }
    if (this.zeroBlocks > 0) throw new UnsafeArchiveError(undefined, 'a header follows an end-of-archive block');
    if (!checksumOk(block))
      throw new UnsafeArchiveError(
        this.current,
        'header checksum mismatch (not a tar archive, or a size field lied about the previous entry)',
      );

    const magic = block.toString('latin1', 257, 265);
    const posix = magic === 'ustar\u000000';
    const gnu = magic === 'ustar  \u0000';
    if (!posix && !gnu) throw new UnsafeArchiveError(undefined, 'not a ustar, PAX or GNU tar header');

    const name = cstring(block, 0, 100);
    const prefix = posix ? cstring(block, 345, 155) : '';
    let path = prefix ? `${prefix}/${name}` : name;
    const type = String.fromCharCode(block[156]!);
    let size = number(block, 124, 12, path, 'size');
    let mtimeSec: number | undefined = number(block, 136, 12, path, 'mtime');
    const mode = number(block, 100, 8, path, 'mode');
    const linkname = cstring(block, 157, 100);

    if (type === 'x' || type === 'g' || type === 'L') {
      if (size > MAX_META_BYTES) throw new UnsafeArchiveError(path, `metadata record of ${size} bytes`);
      this.metaKind = type === 'x' ? 'pax' : type === 'g' ? 'paxGlobal' : 'gnuLongName';
      this.metaChunks = [];
      this.beginBody(size, 'meta');
      return;
    }

    if (this.longName !== undefined) path = this.longName;
    const pax = this.pax;
    this.pax = undefined;
    this.longName = undefined;
    if (pax) {
      for (const key of pax.keys()) {
        if (key.startsWith('GNU.sparse')) throw new UnsafeArchiveError(path, 'sparse file');
      }
      const p = pax.get('path');
      if (p !== undefined) path = p;
      const s = pax.get('size');
      if (s !== undefined) {
        if (!/^\d+$/.test(s)) throw new UnsafeArchiveError(path, `invalid PAX size "${s}"`);
        size = Number(s);
      }
      const m = pax.get('mtime');
      if (m !== undefined) {
        const t = Number(m);
        if (!Number.isFinite(t)) throw new UnsafeArchiveError(path, `invalid PAX mtime "${m}"`);
        mtimeSec = t;
      }
      if (pax.get('linkpath')) throw new UnsafeArchiveError(path, 'link entry');
    }
    this.current = path;

    let kind: TarEntry['kind'];
    switch (type) {
      case '0':
      case '\u0000':
        kind = 'file';
        break;
      case '5':
        kind = 'dir';
        break;
      case '1':
        throw new UnsafeArchiveError(path, 'hard link entry (official Go archives contain none)');
      case '2':
        throw new UnsafeArchiveError(path, 'symbolic link entry (official Go archives contain none)');
      case '3':
      case '4':
        throw new UnsafeArchiveError(path, 'device entry');
      case '6':
        throw new UnsafeArchiveError(path, 'FIFO entry');
      case 'K':
        throw new UnsafeArchiveError(path, 'link entry');
      default:
        throw new UnsafeArchiveError(path, `unsupported entry type "${type.replace(/[^\x20-\x7e]/g, '?')}"`);
    }
    if (linkname !== '') throw new UnsafeArchiveError(path, 'link target on a non-link entry');
    if (kind === 'dir' && size !== 0)
      throw new UnsafeArchiveError(path, `directory entry claims ${size} bytes of content`);
    if (kind === 'file' && path.endsWith('/')) throw new UnsafeArchiveError(path, 'file entry with a directory name');

    const entry: TarEntry = { path, kind, size, mode: mode & 0o7777 };
    if (mtimeSec !== undefined && mtimeSec > 0) entry.mtimeSec = mtimeSec;
    this.visitor.entry(entry);
    if (size === 0) {
      this.visitor.entryEnd();
      this.current = undefined;
      return;
    }
    this.beginBody(size, 'data');
  }

  private beginBody(size: number, state: 'data' | 'meta'): void {
    this.remaining = size;
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (size === 0) {
      if (state === 'meta') this.finishMeta();
      this.state = 'header';
      return;
    }
    this.state = state;
  }

  private finishMeta(): void {
    const buf = Buffer.concat(this.metaChunks);
    this.metaChunks = [];
    const kind = this.metaKind;
    this.metaKind = undefined;
    if (kind === 'gnuLongName') {
      this.longName = decode(buf, undefined).replace(/\u0000.*$/s, '');
      return;
    }
    const records = parsePax(buf);
    if (kind === 'pax') this.pax = records;
    // Global PAX headers only carry defaults Go archives do not use; their content is checked, then ignored.
  }
}

function isZero(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

function checksumOk(block: Buffer): boolean {
  const stored = block
    .toString('latin1', 148, 156)
    .replace(/[\u0000 ]+$/, '')
    .trim();
  if (!/^[0-7]+$/.test(stored)) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : block[i]!;
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  const want = parseInt(stored, 8);
  return want === unsigned || want === signed;
}

function cstring(block: Buffer, start: number, len: number): string {
  const field = block.subarray(start, start + len);
  const nul = field.indexOf(0);
  return decode(nul === -1 ? field : field.subarray(0, nul), undefined);
}

function decode(bytes: Buffer, entry: string | undefined): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UnsafeArchiveError(entry, 'entry name is not valid UTF-8');
  }
}

/** Octal (NUL/space terminated) or GNU base-256 numbers. */
function number(block: Buffer, start: number, len: number, entry: string, what: string): number {
  const first = block[start]!;
  if (first & 0x80) {
    if (first === 0xff) throw new UnsafeArchiveError(entry, `negative ${what}`);
    let n = first & 0x7f;
    for (let i = 1; i < len; i++) {
      n = n * 256 + block[start + i]!;
      if (n > Number.MAX_SAFE_INTEGER) throw new UnsafeArchiveError(entry, `${what} out of range`);
    }
    return n;
  }
  const text = block.toString('latin1', start, start + len);
  const m = /^ *([0-7]*)[ \u0000]*$/.exec(text);
  if (!m) throw new UnsafeArchiveError(entry, `malformed ${what} field`);
  return m[1] === '' ? 0 : parseInt(m[1]!, 8);
}

/** `"<len> <key>=<value>\n"` records; the length must be exact. */
function parsePax(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let pos = 0;
  while (pos < buf.length) {
    if (buf[pos] === 0) break; // NUL padding at the end of the record block
    const space = buf.indexOf(0x20, pos);
    if (space === -1) throw new UnsafeArchiveError(undefined, 'malformed PAX record');
    const lenText = buf.toString('latin1', pos, space);
    if (!/^\d+$/.test(lenText)) throw new UnsafeArchiveError(undefined, 'malformed PAX record length');
    const len = Number(lenText);
    const end = pos + len;
    if (len <= space - pos + 1 || end > buf.length || buf[end - 1] !== 0x0a)
      throw new UnsafeArchiveError(undefined, 'PAX record length does not match its content');
    const record = decode(buf.subarray(space + 1, end - 1), undefined);
    const eq = record.indexOf('=');
    if (eq <= 0) throw new UnsafeArchiveError(undefined, 'PAX record without a key');
    out.set(record.slice(0, eq), record.slice(eq + 1));
    pos = end;
  }
  return out;
}
