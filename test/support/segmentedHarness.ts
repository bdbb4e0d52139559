// Runs the segmented download against RangeServers on 127.0.0.1, in-process (tests) or in a child
// process (kill-and-resume tests): the sources, a consumer that hashes what it is fed in order,
// and timeouts small enough for tests.
import { createHash, type Hash } from 'node:crypto';
import { createDispatcher } from '../../src/core/net/dispatcher';
import { downloadFromSources, type MultiSourceOptions } from '../../src/core/toolchain/multiSourceDownload';
import type { ByteConsumer } from '../../src/core/toolchain/release/download';
import { withDefaults, type InstallTimeouts } from '../../src/core/toolchain/timeouts';

export const TEST_TIMEOUTS: Partial<InstallTimeouts> = {
  retryBaseMs: 20,
  retryMaxMs: 100,
  stallMs: 5_000,
  headersMs: 3_000,
  connectMs: 3_000,
  quietMs: 400,
  minBytesPerSec: 1_000,
  throughputWindowMs: 2_000,
};

/** Hashes the bytes it is fed; `resets` counts fresh starts (a repaired file is fed again). */
export class HashingConsumer implements ByteConsumer {
  resets = 0;
  bytes = 0;
  private hash: Hash = createHash('sha256');
  async reset(): Promise<void> {
    this.resets++;
    this.bytes = 0;
    this.hash = createHash('sha256');
  }
  async write(chunk: Buffer): Promise<void> {
    this.bytes += chunk.length;
    this.hash.update(chunk);
  }
  digest(): string {
    return this.hash.copy().digest('hex');
  }
}

export interface HarnessFile {
  urls: string[];
  sha256: string;
  size: number;
  partialPath: string;
}

export function runSegmented(
  f: HarnessFile,
  consumer: ByteConsumer,
  extra: Partial<Omit<MultiSourceOptions, 'timeouts'>> & { timeouts?: Partial<InstallTimeouts> } = {},
): ReturnType<typeof downloadFromSources> {
  const timeouts = withDefaults({ ...TEST_TIMEOUTS, ...extra.timeouts });
  return downloadFromSources({
    filename: 'go.tar.gz',
    sources: f.urls.map((url) => ({ url, label: url })),
    sha256: f.sha256,
    size: f.size,
    partialPath: f.partialPath,
    consumer,
    dispatcher: createDispatcher({ env: {} }, timeouts),
    connectionsPerHost: 2,
    scheduler: { minPiece: 32 * 1024, targetSec: 0.5 },
    ...extra,
    timeouts,
  });
}
