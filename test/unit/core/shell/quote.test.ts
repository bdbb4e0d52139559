// Quoting per shell: exact strings for hostile inputs, and for POSIX the real sh reading them back.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { commandLine, quoteArg } from '../../../../src/core/shell/quote';

const HOSTILE = [
  'a b',
  `it's`,
  'say "hi"',
  '$HOME',
  '$(touch pwned)',
  '`touch pwned`',
  '%PATH%',
  '!x!',
  'a|b',
  'a&b',
  'a^b',
  'C:\\dir\\',
  'a;b',
  '',
];

/** What sh makes of `line`: its words, without running anything in them. */
async function shWords(line: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('/bin/sh', ['-c', `set -- ${line}; printf '%s\\0' "$@"`]);
  return stdout.split('\0').slice(0, -1);
}

describe('shell/quote', () => {
  it('leaves plain words alone in every shell', () => {
    for (const shell of ['posix', 'powershell', 'cmd'] as const)
      assert.equal(quoteArg('GOPROXY=https://goproxy.cn,direct', shell), 'GOPROXY=https://goproxy.cn,direct');
  });

  it('POSIX: the exact strings, and sh reads every hostile value back unchanged', async () => {
    assert.deepEqual(
      HOSTILE.map((a) => quoteArg(a, 'posix')),
      [
        `'a b'`,
        `'it'\\''s'`,
        `'say "hi"'`,
        `'$HOME'`,
        `'$(touch pwned)'`,
        "'`touch pwned`'",
        `'%PATH%'`,
        `'!x!'`,
        `'a|b'`,
        `'a&b'`,
        `'a^b'`,
        `'C:\\dir\\'`,
        `'a;b'`,
        `''`,
      ],
    );
    assert.deepEqual(await shWords(commandLine(['go', 'env', '-w', ...HOSTILE], 'posix')!), [
      'go',
      'env',
      '-w',
      ...HOSTILE,
    ]);
  });

  it('PowerShell: single quotes, doubled; no command line for a double quote', () => {
    assert.deepEqual(
      HOSTILE.map((a) => quoteArg(a, 'powershell')),
      [
        `'a b'`,
        `'it''s'`,
        undefined,
        `'$HOME'`,
        `'$(touch pwned)'`,
        "'`touch pwned`'",
        `'%PATH%'`,
        `'!x!'`,
        `'a|b'`,
        `'a&b'`,
        `'a^b'`,
        `'C:\\dir\\'`,
        `'a;b'`,
        `''`,
      ],
    );
    assert.equal(quoteArg('it\u2019s', 'powershell'), `'it\u2019\u2019s'`);
  });

  it('cmd: double quotes; no command line for %, ! or "', () => {
    assert.deepEqual(
      HOSTILE.map((a) => quoteArg(a, 'cmd')),
      [
        `"a b"`,
        `"it's"`,
        undefined,
        `"$HOME"`,
        `"$(touch pwned)"`,
        '"`touch pwned`"',
        undefined,
        undefined,
        `"a|b"`,
        `"a&b"`,
        `"a^b"`,
        `"C:\\dir\\\\"`,
        `"a;b"`,
        `""`,
      ],
    );
  });

  it('no shell gets a line break', () => {
    for (const shell of ['posix', 'powershell', 'cmd'] as const) {
      assert.equal(quoteArg('a\nb', shell), undefined);
      assert.equal(commandLine(['go', 'a\rb'], shell), undefined);
    }
  });
});
