// The cmd lines the doctor shows, run by wine's real cmd.exe: a value with | & < > ^ is set
// literally (no pipe, no redirection), and the clearing line leaves the variable undefined.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cmdSetLine } from '../../src/core/shell/osVariable';
import { runWindows, winPath } from './wine';

describe('Windows lane: cmd lines in cmd.exe', function () {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-cmd-'));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** Runs `lines` as a batch file; `set NAME` prints NAME=value, or says on stderr it is not defined. */
  const runBatch = async (lines: string[]): Promise<{ out: string[]; err: string }> => {
    const file = path.join(dir, 'lines.cmd');
    await fs.writeFile(file, ['@echo off', ...lines, ''].join('\r\n'));
    const r = await runWindows('cmd', ['/c', winPath(file)], { cwd: dir });
    return { out: r.stdout.split(/\r?\n/).filter((l) => l !== ''), err: r.stderr };
  };

  it('sets values holding cmd operators literally, and clears them', async () => {
    const values = ['https://a|direct', 'a&b', '<x>^y', 'https://goproxy.cn,direct'];
    const lines = values.flatMap((v) => [cmdSetLine('GOPROXY', v)!, 'set GOPROXY']);
    const { out, err } = await runBatch([...lines, cmdSetLine('GOPROXY', '')!, 'set GOPROXY']);
    assert.deepEqual(
      out,
      values.map((v) => `GOPROXY=${v}`),
    );
    assert.match(err, /GOPROXY not defined/);
  });
});
