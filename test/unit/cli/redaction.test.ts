import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../../src/cli';
import { hostPlatform } from '../../../src/core/platform';
import { buildCli, runCli } from '../../support/cli';
import { tempDir } from '../../support/fakeGo';

// Credential forms go accepts in GOPROXY and HTTP(S)_PROXY; none of these strings may be printed.
const SECRETS = ['p@ss', 'ss@w0rd', 'alice', 'ghp_tok', 'bob', 'hunter2', 'sock:s3'];

describe('go-env-doctor output never shows proxy credentials', () => {
  before(buildCli);

  it('in text and JSON, for every credential form go accepts, with the real go', async () => {
    const home = await tempDir('ged-home-');
    const env = {
      PATH: '/usr/bin:/bin',
      HOME: home,
      GOENV: path.join(home, 'goenv'),
      GOPROXY: 'https://alice:p@ss@w0rd@127.0.0.1:9,ghp_tok@127.0.0.1:9|direct',
      GOSUMDB: 'off',
      GOFLAGS: '',
      HTTPS_PROXY: 'bob:hunter2@127.0.0.1:9',
      ALL_PROXY: 'socks5://sock:s3@[::1]:9',
    };
    for (const args of [['--json'], ['--verbose']]) {
      const r = await runCli([...args, '--timeout', '2000'], { env });
      const out = r.stdout + r.stderr;
      assert.match(out, /127\.0\.0\.1:9/, 'the proxies are named');
      for (const s of SECRETS) assert.ok(!out.includes(s), `${args.join(' ')} output shows "${s}":\n${out}`);
    }
  });

  it('in an internal error and its stack', async () => {
    let stderr = '';
    const code = await main(
      ['diagnose', '--json', '--go', '/nonexistent/go', '--cwd', '/'],
      {
        stdout: () => {
          throw new Error('write to https://alice:p@ss@w0rd@127.0.0.1:9 failed (HTTPS_PROXY=bob:hunter2@127.0.0.1:9)');
        },
        stderr: (t) => (stderr += t),
        stdoutIsTTY: false,
        stderrIsTTY: false,
        cwd: '/',
        platform: { ...hostPlatform(), env: { PATH: '/nonexistent', GOPROXY: 'off', GOSUMDB: 'off' } },
      },
      new AbortController().signal,
    );
    assert.equal(code, 2);
    assert.match(stderr, /internal error: Error: write to https:\/\/\*\*\*@127\.0\.0\.1:9 failed/);
    assert.match(stderr, /\n {4}at /, 'the stack is kept');
    for (const s of SECRETS) assert.ok(!stderr.includes(s), `shows "${s}": ${stderr}`);
  });
});
