// Checksum-database records already verified (signature, inclusion proof, consistency), kept on
// disk by module@version under the state dir with the tree head they were proven in. A record
// never changes once logged, so a second diagnosis needs no request for lines verified before.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { escapeModulePath } from '../go/goproxy';

export interface VerifiedRecord {
  /** The record's go.sum lines for exactly this module and version. */
  lines: string[];
  /** The verified tree head (size and base64 root hash) the record was proven to be in. */
  tree: { n: number; hash: string };
}

export class VerifiedRecords {
  constructor(
    /** `<stateDir>/gosum/<database name>` */
    private readonly dir: string,
  ) {}

  static forDatabase(stateDir: string, dbName: string): VerifiedRecords {
    return new VerifiedRecords(path.join(stateDir, 'gosum', ...dbName.split('/')));
  }

  private file(module: string, version: string): string {
    return path.join(this.dir, ...escapeModulePath(module).split('/'), `@${escapeModulePath(version)}.json`);
  }

  async get(module: string, version: string): Promise<VerifiedRecord | undefined> {
    try {
      const doc = JSON.parse(await fs.readFile(this.file(module, version), 'utf8')) as VerifiedRecord;
      return Array.isArray(doc.lines) && typeof doc.tree?.hash === 'string' ? doc : undefined;
    } catch {
      return undefined;
    }
  }

  async put(module: string, version: string, record: VerifiedRecord): Promise<void> {
    const file = this.file(module, version);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(record));
    await fs.rename(tmp, file);
  }
}
