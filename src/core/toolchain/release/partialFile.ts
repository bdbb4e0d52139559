// The file a download is written to while it arrives, kept across runs so a later run resumes.
import * as fsp from 'node:fs/promises';
import { errorCode } from '../../errors';
import { fsFailure, toolchainError } from '../errors';
import { msg } from '../../i18n/message';

/**
 * Opens (creating) a kept partial download for reading and positional writes. Never through a
 * symlink: one planted there would make us write where it points and read bytes we did not fetch.
 */
export async function openPartial(p: string): Promise<fsp.FileHandle> {
  try {
    return await fsp.open(p, fsp.constants.O_RDWR | fsp.constants.O_CREAT | (fsp.constants.O_NOFOLLOW ?? 0), 0o644);
  } catch (err) {
    if (errorCode(err) === 'ELOOP') {
      throw toolchainError(
        'toolchain.unsafeSdkDir',
        msg('toolchain.unsafeSdkDir.link.message', { path: p }),
        msg('toolchain.unsafeSdkDir.link.remedy', { path: p }),
        err,
      );
    }
    throw fsFailure(err, 'toolchain.fs.saveDownload', p) ?? err;
  }
}

/** The partial file: positional writes, queued in order so a crash leaves a clean prefix. */
export class PartialFile {
  private chain: Promise<void> = Promise.resolve();
  private pendingBytes = 0;
  private error: unknown;

  private constructor(
    private readonly fh: fsp.FileHandle,
    private readonly path: string,
  ) {}

  static async open(p: string): Promise<PartialFile> {
    // 'a+' would force appends; we need positional writes and truncation, so open read-write, creating.
    return new PartialFile(await openPartial(p), p);
  }

  async size(): Promise<number> {
    return (await this.fh.stat()).size;
  }

  async read(pos: number, len: number): Promise<Buffer> {
    // A fresh buffer per read: the consumer may keep slices of it until its writes finish.
    const buf = Buffer.allocUnsafe(len);
    const { bytesRead } = await this.fh.read(buf, 0, len, pos);
    return buf.subarray(0, bytesRead);
  }

  async write(chunk: Buffer, pos: number): Promise<void> {
    if (this.error !== undefined) throw this.error;
    this.pendingBytes += chunk.length;
    this.chain = this.chain.then(async () => {
      try {
        if (this.error === undefined) {
          let off = 0;
          while (off < chunk.length)
            off += (await this.fh.write(chunk, off, chunk.length - off, pos + off)).bytesWritten;
        }
      } catch (err) {
        this.error ??= fsFailure(err, 'toolchain.fs.saveDownload', this.path) ?? err;
      } finally {
        this.pendingBytes -= chunk.length;
      }
    });
    // Keep the network ahead of the disk by a bounded amount only.
    if (this.pendingBytes > 1024 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    await this.chain;
    if (this.error !== undefined) throw this.error;
  }

  async truncate(): Promise<void> {
    await this.chain;
    this.error = undefined;
    await this.fh.truncate(0);
  }

  async close(): Promise<void> {
    await this.chain;
    await this.fh.close();
  }
}
