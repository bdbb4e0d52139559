// A segmented download killed with SIGKILL at several points (a real child process), then resumed:
// each run keeps what the last one wrote (its range list survives the kill), and the finished
// file matches the official SHA-256 with little more than one file's worth of bytes transferred.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resumeStatePath } from '../../../../../src/core/toolchain/rangeResume';
import { RangeServer } from '../../../../support/rangeServer';
import { HashingConsumer, runSegmented, type HarnessFile } from '../../../../support/segmentedHarness';
import { sha256 } from '../../../../support/toolchainArchive';

const SIZE = 4 * 1024 * 1024;
const CHILD = path.join(__dirname, '..', '..', '..', '..', 'support', 'segmentedChild.js');

/** Runs the child until it reports `killAt` bytes written, then SIGKILLs it. */
function runUntil(f: HarnessFile, killAt: number): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(f)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let killed = false;
    let buf = '';
    child.stderr.on('data', (b) => (stderr += b));
    child.stdout.on('data', (b: Buffer) => {
      buf += b.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      if (!killed && lines.some((l) => Number(l) >= killAt)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve({ killed, stderr }));
  });
}

describe('segmented download: kill and resume', function () {
  this.timeout(60_000);
  let tmp: string;
  let servers: RangeServer[];
  let data: Buffer;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-segkill-'));
    data = randomBytes(SIZE);
    servers = await Promise.all(
      [0, 1, 2].map(() => RangeServer.start('/dl/go.tar.gz', { data }, { bytesPerSec: 700_000 })),
    );
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('resumes after SIGKILL at 20%, 45% and 70%, and finishes with the official bytes', async () => {
    const f: HarnessFile = {
      urls: servers.map((s) => s.fileUrl),
      sha256: sha256(data),
      size: SIZE,
      partialPath: path.join(tmp, 'dl', 'file.partial'),
    };
    let keptBefore = 0;
    for (const share of [0.2, 0.45, 0.7]) {
      const run = await runUntil(f, Math.floor(SIZE * share));
      assert.ok(run.killed, `the child was killed at ${share} (stderr: ${run.stderr})`);
      const state = JSON.parse(await fs.readFile(resumeStatePath(f.partialPath), 'utf8')) as {
        ranges: Array<{ start: number; end: number }>;
      };
      const kept = state.ranges.reduce((n, r) => n + r.end - r.start, 0);
      assert.ok(kept >= keptBefore, `progress is kept across kills (${kept} after ${keptBefore})`);
      // Every listed range holds the official bytes: the list never runs ahead of the writes.
      const file = await fs.readFile(f.partialPath);
      for (const r of state.ranges) assert.ok(file.subarray(r.start, r.end).equals(data.subarray(r.start, r.end)));
      keptBefore = kept;
    }
    // The range list is saved every half second: a kill loses at most the bytes since.
    assert.ok(keptBefore >= SIZE * 0.3, `kept ${keptBefore}`);
    const consumer = new HashingConsumer();
    const r = await runSegmented(f, consumer);
    assert.equal(consumer.digest(), f.sha256);
    assert.equal(r.reused, keptBefore, 'the last run re-read (and re-hashed) what the killed runs left');
    assert.equal(r.received, SIZE - keptBefore, 'and fetched only the rest');
  });
});
