// Renames refused while another program holds a file: retried on Windows for about two seconds,
// then toolchain.fileLocked naming the file. A locked file cannot be made on Linux, so the failing
// operation is injected; the sleeps are recorded, not waited for.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DoctorError } from '../../../../src/core/errors';
import { LOCKED_RETRY_MS, retryWhileLocked } from '../../../../src/core/toolchain/lockedRetry';
import { tempDir } from '../../../support/fakeGo';

/** A rename that fails `n` times with `code`, then really renames. */
function flakyRename(
  n: number,
  code: string,
): { op: (from: string, to: string) => Promise<void>; calls: () => number } {
  let calls = 0;
  return {
    op: async (from, to) => {
      calls++;
      if (calls <= n) throw Object.assign(new Error(`${code}: operation not permitted, rename '${from}'`), { code });
      await fs.rename(from, to);
    },
    calls: () => calls,
  };
}

describe('toolchain/lockedRetry', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir('ged-locked-');
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('on Windows, retries EPERM, EACCES and EBUSY with backoff until the rename goes through', async () => {
    for (const code of ['EPERM', 'EACCES', 'EBUSY']) {
      const from = path.join(dir, `staging-${code}`);
      const to = path.join(dir, `go-${code}`);
      await fs.mkdir(from);
      const r = flakyRename(3, code);
      const slept: number[] = [];
      await retryWhileLocked(() => r.op(from, to), {
        os: 'win32',
        action: 'toolchain.fs.rename',
        file: from,
        sleep: async (ms) => void slept.push(ms),
      });
      assert.equal(r.calls(), 4);
      assert.deepEqual(slept, [20, 40, 80]);
      assert.ok((await fs.stat(to)).isDirectory());
    }
  });

  it('gives up after about two seconds with toolchain.fileLocked naming the file; nothing was moved', async () => {
    const from = path.join(dir, 'staging');
    await fs.mkdir(from);
    const r = flakyRename(Infinity, 'EBUSY');
    const slept: number[] = [];
    const err = await retryWhileLocked(() => r.op(from, path.join(dir, 'go')), {
      os: 'win32',
      action: 'toolchain.fs.rename',
      file: from,
      sleep: async (ms) => void slept.push(ms),
    }).catch((e: unknown) => e);
    assert.ok(err instanceof DoctorError, String(err));
    assert.equal(err.code, 'toolchain.fileLocked');
    assert.ok(err.message.includes(from), err.message);
    assert.match(err.remedy, /antivirus.*terminal|terminal.*antivirus/i);
    const total = slept.reduce((a, b) => a + b, 0);
    assert.ok(total >= LOCKED_RETRY_MS && total < LOCKED_RETRY_MS + 600, String(total));
    assert.ok((await fs.stat(from)).isDirectory());
  });

  it('does not retry elsewhere, nor errors that are not locks', async () => {
    const cases: [NodeJS.Platform, string][] = [
      ['linux', 'EPERM'],
      ['darwin', 'EBUSY'],
      ['win32', 'ENOENT'],
    ];
    for (const [os, code] of cases) {
      const r = flakyRename(1, code);
      const err = await retryWhileLocked(() => r.op('a', 'b'), { os, action: 'toolchain.fs.rename', file: 'a' }).catch(
        (e: unknown) => e,
      );
      assert.equal((err as NodeJS.ErrnoException).code, code, `${os} ${code}`);
      assert.equal(r.calls(), 1);
    }
  });
});
