// The cmd lines the doctor shows, run by wine's real cmd.exe: a value with | & < > ^ is set
// literally (no pipe, no redirection), the clearing line leaves the variables undefined, and a
// `go env -w` line quoted for cmd reaches the real go.exe as one argument.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cmdClearLine, cmdSetLine } from '../../src/core/shell/osVariable';
import { commandLine } from '../../src/core/shell/quote';
import { GO_EXE, runWindows, winPath } from './wine';

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

  it('clears several variables with one line', async () => {
    const line = cmdClearLine(['GOPROXY', 'GOSUMDB']);
    assert.equal(line, 'set "GOPROXY=" & set "GOSUMDB="');
    const { out, err } = await runBatch(['set "GOPROXY=x"', 'set "GOSUMDB=y"', line, 'set GOPROXY', 'set GOSUMDB']);
    assert.deepEqual(out, []);
    assert.match(err, /GOPROXY not defined/);
    assert.match(err, /GOSUMDB not defined/);
  });

  it('passes a go env -w value with cmd operators to go.exe as one argument', async () => {
    const value = 'http://127.0.0.1:9/a|direct&x';
    const line = commandLine(['go', 'env', '-w', `GOPROXY=${value}`], 'cmd')!;
    assert.equal(line, 'go env -w "GOPROXY=http://127.0.0.1:9/a|direct&x"');
    const { out, err } = await runBatch([
      `set "PATH=${winPath(path.dirname(GO_EXE))};%PATH%"`,
      `set "GOENV=${winPath(path.join(dir, 'goenv'))}"`,
      line,
      'go env GOPROXY',
    ]);
    assert.deepEqual(out, [value], err);
    assert.match(await fs.readFile(path.join(dir, 'goenv'), 'utf8'), /^GOPROXY=http:\/\/127\.0\.0\.1:9\/a\|direct&x$/m);
  });
});
