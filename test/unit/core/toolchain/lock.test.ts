// The per-version install lock across real processes: a second taker waits, a lock left by a
// dead process is taken over, and waiting can be cancelled.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { acquireLock } from '../../../../src/core/toolchain/lock';

describe('toolchain install lock', () => {
  let tmp: string;
  let lockPath: string;
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-lock-'));
    lockPath = path.join(tmp, '.go1.22.5.lock');
  });
  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  /** A pid that certainly belongs to no running process: a child that already exited. */
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.on('exit', r));
    return child.pid!;
  }

  it('makes a second taker wait until the first releases', async () => {
    const first = await acquireLock(lockPath, { pollMs: 20 });
    let waitedFor: number | undefined;
    let got = false;
    const second = acquireLock(lockPath, { pollMs: 20, onWait: (h) => (waitedFor = h?.pid) }).then((l) => {
      got = true;
      return l;
    });
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(got, false, 'the second taker must wait');
    assert.equal(waitedFor, process.pid);
    await first.release();
    const l2 = await second;
    assert.equal(got, true);
    await l2.release();
    await assert.rejects(fs.stat(lockPath), /ENOENT/);
  });

  it('takes over a lock whose holder process is gone', async () => {
    await fs.writeFile(
      lockPath,
      JSON.stringify({ pid: await deadPid(), host: os.hostname(), since: Date.now(), token: 'x' }),
    );
    const t0 = Date.now();
    const l = await acquireLock(lockPath, { pollMs: 20 });
    assert.ok(Date.now() - t0 < 1000);
    assert.equal(JSON.parse(await fs.readFile(lockPath, 'utf8')).pid, process.pid);
    await l.release();
  });

  it('takes over a lock whose heartbeat stopped (holder on another host)', async () => {
    await fs.writeFile(lockPath, JSON.stringify({ pid: 1, host: 'other-host.test', since: 0, token: 'x' }));
    const old = new Date(Date.now() - 10_000);
    await fs.utimes(lockPath, old, old);
    const l = await acquireLock(lockPath, { pollMs: 20, staleMs: 5_000 });
    await l.release();
  });

  it('keeps waiting while the holder on another host still beats', async () => {
    await fs.writeFile(lockPath, JSON.stringify({ pid: 1, host: 'other-host.test', since: Date.now(), token: 'x' }));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const t0 = Date.now();
    await assert.rejects(
      acquireLock(lockPath, { pollMs: 20, staleMs: 5_000, signal: ac.signal }),
      (e: Error) => e.name === 'AbortError',
    );
    assert.ok(Date.now() - t0 < 1000, 'cancel stops the wait promptly');
    assert.ok(await fs.stat(lockPath), 'a live lock is left alone');
  });

  it('lets exactly one of many concurrent takers hold it at a time', async () => {
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const l = await acquireLock(lockPath, { pollMs: 5 });
        inside++;
        maxInside = Math.max(maxInside, inside);
        await new Promise((r) => setTimeout(r, 20));
        inside--;
        await l.release();
      }),
    );
    assert.equal(maxInside, 1);
  });
});
