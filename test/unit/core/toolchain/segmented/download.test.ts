// The segmented multi-source download against real local servers: several throttled sources at
// once, a source that stalls mid-range, ignores Range, lies about the length, corrupts one range,
// drops connections or answers 416; cancellation leaves a resumable partial file.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DoctorError, isAbortError } from '../../../../../src/core/errors';
import type { InstallProgress } from '../../../../../src/core/toolchain/progress';
import { resumeStatePath } from '../../../../../src/core/toolchain/rangeResume';
import { RangeServer, type SourceBehaviour } from '../../../../support/rangeServer';
import { HashingConsumer, runSegmented, type HarnessFile } from '../../../../support/segmentedHarness';
import { sha256 } from '../../../../support/toolchainArchive';

const SIZE = 3 * 1024 * 1024;
const RATE = 1_500_000;

describe('segmented multi-source download', function () {
  this.timeout(30_000);
  let tmp: string;
  let data: Buffer;
  let servers: RangeServer[] = [];

  before(() => {
    data = randomBytes(SIZE);
  });
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-seg-'));
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
    await fs.rm(tmp, { recursive: true, force: true });
  });

  async function sources(...behaviours: SourceBehaviour[]): Promise<HarnessFile> {
    servers = await Promise.all(
      behaviours.map((b) => RangeServer.start('/dl/go.tar.gz', { data }, { bytesPerSec: RATE, ...b })),
    );
    return {
      urls: servers.map((s) => s.fileUrl),
      sha256: sha256(data),
      size: SIZE,
      partialPath: path.join(tmp, 'dl', 'file.partial'),
    };
  }

  it('takes pieces from every source at once and feeds the consumer the exact bytes in order', async () => {
    const f = await sources({}, {}, {}, {});
    const consumer = new HashingConsumer();
    const seen: InstallProgress[] = [];
    const r = await runSegmented(f, consumer, { onProgress: (p) => seen.push(p) });
    assert.equal(consumer.digest(), f.sha256);
    assert.equal(consumer.bytes, SIZE);
    assert.deepEqual(r.corrupt, []);
    for (const s of servers) assert.ok(s.bytesSent > SIZE / 10, `each source served a share (${s.bytesSent})`);
    assert.ok(servers.every((s) => s.requests.some((q) => /^bytes=\d+-\d+$/.test(q.range ?? '') && q.status === 206)));
    const last = seen.filter((p) => p.sources).at(-1)!;
    assert.equal(last.sources!.length, 4, 'progress names each source with its share');
    assert.equal(
      last.sources!.reduce((n, s) => n + s.bytes, 0),
      SIZE,
    );
  });

  it('moves the range of a source that stops sending mid-range to the others', async () => {
    const f = await sources({ stallAfterTotal: Math.floor(SIZE * 0.1) }, {}, {});
    const consumer = new HashingConsumer();
    const r = await runSegmented(f, consumer);
    assert.equal(consumer.digest(), f.sha256);
    assert.ok(
      r.events.some((e) => e.startsWith(`${f.urls[0]}: sent nothing for 0.4 s`)),
      r.events.join('\n'),
    );
  });

  it('drops a source that drips below the minimum throughput', async () => {
    const f = await sources({ bytesPerSec: 20_000 }, {}, {});
    const r = await runSegmented(f, new HashingConsumer(), {
      timeouts: { minBytesPerSec: 100_000, throughputWindowMs: 300, quietMs: 60_000 },
    });
    assert.ok(
      r.events.some((e) => e.startsWith(`${f.urls[0]}: delivered`) && e.includes('below the minimum')),
      r.events.join('\n'),
    );
  });

  it('does not use a source that ignores Range or lies about the length for pieces', async () => {
    const f = await sources({ ignoreRange: true }, { lieTotal: SIZE + 10 }, {}, {});
    const consumer = new HashingConsumer();
    const r = await runSegmented(f, consumer);
    assert.equal(consumer.digest(), f.sha256);
    assert.ok(
      r.events.some((e) => e.includes(`${f.urls[0]}: not used for ranges (ignores Range`)),
      r.events.join('\n'),
    );
    assert.ok(
      r.events.some((e) => e.includes(`${f.urls[1]}: not used for ranges (answered`)),
      r.events.join('\n'),
    );
    assert.equal(servers[0]!.requests.length, 1, 'only the probe');
    assert.equal(servers[1]!.requests.length, 1, 'only the probe');
  });

  it('retries dropped connections and finishes', async () => {
    const f = await sources({ drop: { count: 3, after: 40_000 } }, { drop: { count: 2, after: 10_000 } });
    const consumer = new HashingConsumer();
    const r = await runSegmented(f, consumer);
    assert.equal(consumer.digest(), f.sha256);
    assert.ok(
      r.events.some((e) => e.includes('retrying')),
      r.events.join('\n'),
    );
  });

  it('drops a source that answers 416 to a range and finishes from the others', async () => {
    const f = await sources({ refuseLaterRanges: true }, {}, {});
    const consumer = new HashingConsumer();
    const r = await runSegmented(f, consumer);
    assert.equal(consumer.digest(), f.sha256);
    assert.ok(
      r.events.some((e) => e === `${f.urls[0]}: refused the range request (HTTP 416)`),
      r.events.join('\n'),
    );
  });

  it('names the source that corrupts one range, repairs it from the others, and feeds the repaired bytes', async () => {
    // A third of the file: whichever pieces this source is given, some fall in it.
    const bad = { start: 1_000_000, end: 2_000_000 };
    const f = await sources({}, { corrupt: bad }, {});
    const consumer = new HashingConsumer();
    const r = await runSegmented(f, consumer);
    assert.equal(await fs.readFile(f.partialPath).then(sha256), f.sha256);
    assert.equal(consumer.digest(), f.sha256, 'the consumer saw the repaired file from byte 0');
    assert.ok(consumer.resets >= 2);
    assert.equal(r.corrupt.length, 1, r.events.join('\n'));
    assert.equal(r.corrupt[0]!.source, f.urls[1]);
    assert.ok(
      r.corrupt[0]!.ranges.every((x) => x.start < bad.end && x.end > bad.start),
      JSON.stringify(r.corrupt),
    );
  });

  it('finds the corrupting source with two sources only, by the official hash', async () => {
    const f = await sources({ corrupt: { start: 5, end: 6 } }, {});
    const consumer = new HashingConsumer();
    const r = await runSegmented(f, consumer);
    assert.equal(consumer.digest(), f.sha256);
    assert.deepEqual(
      r.corrupt.map((c) => c.source),
      [f.urls[0]],
    );
  });

  it('fails with checksumMismatch when no source can be trusted', async () => {
    // Both serve the same altered bytes: they agree with each other, and the hash rejects both.
    const f = await sources({ corrupt: { start: 5, end: 6 } }, { corrupt: { start: 5, end: 6 } });
    await assert.rejects(
      runSegmented(f, new HashingConsumer()),
      (err: unknown) => err instanceof DoctorError && err.code === 'toolchain.checksumMismatch',
    );
  });

  it('cancelled mid-download, keeps a partial file and its range list that the next run resumes', async () => {
    const f = await sources({}, {}, {});
    const ctl = new AbortController();
    const err = await runSegmented(f, new HashingConsumer(), {
      signal: ctl.signal,
      onHalf: () => ctl.abort(),
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(isAbortError(err) || (err instanceof DoctorError && err.code === 'cancelled'), String(err));
    const state = JSON.parse(await fs.readFile(resumeStatePath(f.partialPath), 'utf8')) as {
      ranges: Array<{ start: number; end: number; source: string }>;
    };
    const kept = state.ranges.reduce((n, x) => n + x.end - x.start, 0);
    assert.ok(kept >= SIZE / 2, `kept ${kept}`);
    assert.ok(state.ranges.every((x) => f.urls.includes(x.source)));
    const sentBefore = servers.reduce((n, s) => n + s.bytesSent, 0);
    const consumer = new HashingConsumer();
    const r = await runSegmented(f, consumer);
    assert.equal(consumer.digest(), f.sha256);
    assert.equal(r.reused, kept);
    const sentAfter = servers.reduce((n, s) => n + s.bytesSent, 0) - sentBefore;
    assert.ok(sentAfter <= SIZE - kept + 64 * 1024, `second run fetched ${sentAfter} bytes`);
  });
});
