// Colour only on a terminal and never with NO_COLOR or FORCE_COLOR=0; lines wrap at the terminal's
// width (80 when not a terminal). The real CLI entry (main) with the real go, stdout captured.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../../src/cli';
import { outputWidth, useColor } from '../../../src/cli/terminal';
import { hostPlatform } from '../../../src/core/platform';
import { displayWidth } from '../../../src/core/report/displayWidth';
import { tempDir } from '../../support/fakeGo';

const ESC = '\x1b[';

async function run(
  tty: boolean,
  extraEnv: Record<string, string>,
  columns?: number,
  args: string[] = [],
): Promise<string> {
  const home = await tempDir('ged-home-');
  let stdout = '';
  await main(
    ['--only', 'go,env', ...args],
    {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      stdoutIsTTY: tty,
      stderrIsTTY: false,
      ...(columns ? { stdoutColumns: columns } : {}),
      cwd: home,
      platform: {
        ...hostPlatform(),
        env: {
          PATH: '/usr/bin:/bin',
          HOME: home,
          GOENV: path.join(home, 'goenv'),
          GOPROXY: 'off',
          GOSUMDB: 'off',
          GOFLAGS: '',
          ...extraEnv,
        },
      },
    },
    new AbortController().signal,
  );
  return stdout;
}

describe('go-env-doctor output on a terminal and in a pipe', function () {
  this.timeout(60_000);

  it('colours only a terminal, and not with NO_COLOR or FORCE_COLOR=0', async () => {
    assert.ok((await run(true, {})).includes(ESC), 'a terminal gets colour');
    assert.ok(!(await run(false, {})).includes(ESC), 'a pipe gets none');
    assert.ok(!(await run(true, { NO_COLOR: '1' })).includes(ESC), 'NO_COLOR');
    assert.ok(!(await run(true, { FORCE_COLOR: '0' })).includes(ESC), 'FORCE_COLOR=0');
    assert.ok(!(await run(false, { FORCE_COLOR: '1' })).includes(ESC), 'FORCE_COLOR=1 does not colour a pipe');
    assert.equal(useColor(true, { NO_COLOR: '' }), true, 'an empty NO_COLOR is unset (no-color.org)');
  });

  it('wraps at the terminal width, and at 80 columns in a pipe, in English and in Chinese', async () => {
    assert.equal(outputWidth(false, 200), 80);
    assert.equal(outputWidth(true, 120), 120);
    for (const lang of ['en', 'zh-CN']) {
      for (const [tty, columns, width] of [
        [true, 50, 50],
        [false, 50, 80],
      ] as const) {
        const out = await run(tty, { GOTOOLCHAIN: 'bogus' }, columns, ['--lang', lang, '--verbose']);
        const prose = out.split('\n').filter((l) => !/fix: |修复：|go env -w|set-proxy/.test(l));
        const over = prose.filter((l) => displayWidth(l) > width && /\s\S+\s/.test(l.trim()));
        assert.deepEqual(over, [], `${lang}, ${tty ? 'terminal' : 'pipe'} of ${columns}:\n${out}`);
        assert.ok(
          prose.some((l) => displayWidth(l) > width - 15),
          `lines fill the width ${width}:\n${out}`,
        );
      }
    }
  });
});
