// The core's errors in Simplified Chinese: each is produced by the real code path, then rendered
// with localizeError; the English fields stay what every existing caller reads.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { DoctorError } from '../../../../src/core/errors';
import { saveInterceptingCertificate } from '../../../../src/core/certs/interceptingCert';
import { parseGosumdb, type SumDatabase } from '../../../../src/core/go/gosumdb';
import { localizeError } from '../../../../src/core/i18n/localize';
import { msg } from '../../../../src/core/i18n/message';
import { runGo } from '../../../../src/core/modules/runGo';
import { createDispatcher } from '../../../../src/core/net/dispatcher';
import { resolveGo } from '../../../../src/core/proxyRewrite/plan';
import { SumdbError } from '../../../../src/core/sumdb/sumdbError';
import { assertFreeSpace } from '../../../../src/core/toolchain/diskSpace';
import { fsFailure } from '../../../../src/core/toolchain/errors';
import { planChecksumDb, requireHashMatch, sumdbDoctorError } from '../../../../src/core/toolchain/module/verify';
import { fetchReleaseIndex } from '../../../../src/core/toolchain/release/officialIndex';
import { DEFAULT_TIMEOUTS } from '../../../../src/core/toolchain/timeouts';
import { assertChinese } from '../../../support/chineseText';
import { testPlatform } from '../../../support/netEnv';
import { startHttpServer } from '../../../support/servers';

/** The DoctorError `f` throws (or returns). */
async function caught(f: () => unknown): Promise<DoctorError> {
  try {
    const r = await f();
    if (r instanceof DoctorError) return r;
  } catch (err) {
    if (err instanceof DoctorError) return err;
    throw err;
  }
  assert.fail('no DoctorError');
}

function zh(err: DoctorError, outside: readonly string[] = []): { message: string; remedy: string } {
  const text = localizeError(err, 'zh-CN');
  assertChinese(text.message, outside);
  assertChinese(text.remedy, outside);
  return text;
}

describe('core/i18n: core errors in Simplified Chinese', () => {
  it('GOSUMDB=off and an invalid GOSUMDB refuse a module-route install, in both languages', async () => {
    const off = await caught(() => planChecksumDb({ gosumdb: 'off' }));
    assert.equal(off.code, 'toolchain.sumdbUnavailable');
    assert.match(off.message, /^GOSUMDB=off turns the Go checksum database off/);
    assert.match(zh(off).message, /GOSUMDB=off 关闭了 Go 校验和数据库/);

    const bad = await caught(() => planChecksumDb({ gosumdb: 'nosuchdb' }));
    assert.match(bad.message, /is not usable: it is neither a known database name nor a verifier key/);
    assert.match(zh(bad).message, /无法使用：它既不是已知的数据库名称/);
  });

  it('an unreachable release index lists each source with its reason in Chinese', async () => {
    const failing = await startHttpServer((_req, res) => res.writeHead(503).end());
    const closed = await startHttpServer((_req, res) => res.end());
    await closed.close();
    try {
      const timeouts = { ...DEFAULT_TIMEOUTS, connectMs: 2000, headersMs: 2000, stallMs: 2000, indexMs: 3000 };
      const err = await caught(() =>
        fetchReleaseIndex({
          dlBases: [`${closed.url}/dl/`, `${failing.url}/dl/`],
          dispatcher: createDispatcher({ env: {} }, timeouts),
          timeouts,
        }),
      );
      assert.equal(err.code, 'toolchain.indexUnavailable');
      assert.match(err.message, /: connection refused; .*: HTTP 503\)\.$/);
      const text = zh(err, [`${closed.url}/dl/?mode=json&include=all`, `${failing.url}/dl/?mode=json&include=all`]);
      assert.match(text.message, /^无法从任何官方来源读取 Go 发布索引（.*：连接被拒绝；.*：HTTP 503）。$/);
    } finally {
      await failing.close();
    }
  });

  it('disk space, permissions and a hash mismatch name the cause and the fix', async () => {
    const full = await caught(() => assertFreeSpace('/sdk', 2_000_000_000, 'go1.22.5', async () => 5_000_000));
    assert.equal(
      full.message,
      'There is not enough disk space to install go1.22.5 in /sdk: it needs about 2000.0 MB, and 5.0 MB are free.',
    );
    assert.equal(zh(full).message, '磁盘空间不足，无法将 go1.22.5 安装到 /sdk：约需 2000.0 MB，目前只有 5.0 MB 可用。');

    const denied = fsFailure(
      Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES', path: '/sdk/go1.22.5' }),
      'toolchain.fs.unpack',
      '/sdk',
    )!;
    assert.equal(
      denied.message,
      'Permission denied: cannot unpack the toolchain into /sdk/go1.22.5 (EACCES: EACCES: permission denied, open).',
    );
    assert.match(
      zh(denied, ['EACCES: permission denied, open']).message,
      /^权限不足：无法将工具链解压到 \/sdk\/go1\.22\.5/,
    );

    const mismatch = await caught(() =>
      requireHashMatch(
        'h1:aaa=',
        ['h1:bbb=', 'h1:ccc='],
        'module zip',
        'https://mirror.example.test/',
        'sum.golang.org',
      ),
    );
    assert.match(mismatch.message, /records h1:bbb= or h1:ccc=: the file was changed/);
    assert.match(zh(mismatch, ['module zip']).message, /记录的是 h1:bbb= 或 h1:ccc=：文件在传输途中被修改或损坏/);
  });

  it('checksum-database failures keep the database’s own words and explain them in Chinese', async () => {
    const parsed = parseGosumdb('sum.golang.org');
    assert.equal(parsed.kind, 'db');
    const db = (parsed as { db: SumDatabase }).db;
    const words = 'verifying tree note: invalid signature';
    const err = sumdbDoctorError(
      new SumdbError('badSignature', words),
      db,
      'golang.org/toolchain@v0.0.1',
    ) as DoctorError;
    assert.equal(err.message, `Bad signature: ${words}`);
    const text = zh(err, [words]);
    assert.equal(text.message, `签名无效：${words}`);
    assert.match(text.remedy, /该应答并非来自 sum\.golang\.org/);
  });

  it('set-proxy, save-cert and module repairs fail in Chinese', async () => {
    const noGo = await caught(() => resolveGo(testPlatform({ PATH: '' }), '/nonexistent/bin/go', 1000));
    assert.equal(noGo.code, 'go.notFound');
    assert.equal(zh(noGo).message, 'go 可执行文件 /nonexistent/bin/go 不存在或不可执行。');

    const http = await caught(() =>
      saveInterceptingCertificate({ url: 'http://127.0.0.1:9/', platform: testPlatform({}), timeoutMs: 1000 }),
    );
    assert.equal(http.code, 'cert.notHttps');
    assert.equal(zh(http).message, 'http://127.0.0.1:9 不是 https:// URL。');

    // The real go, asked for a subcommand it does not have: its stderr is quoted as it is.
    const cwd = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-i18n-'));
    try {
      const failed = await caught(() =>
        runGo(
          { go: '/usr/bin/go', cwd, env: process.env, timeoutMs: 30_000 },
          ['bogus'],
          msg('modules.redownload.remedy', { module: 'example.com/m', version: 'v1.0.0', cwd }),
        ),
      );
      assert.equal(failed.code, 'go.failed');
      const stderr = failed.message.slice(failed.message.indexOf('failed: ') + 'failed: '.length);
      assert.match(stderr, /unknown command/);
      const text = zh(failed, [stderr]);
      assert.equal(text.message, `在 ${cwd} 中运行 \`go bogus\` 失败：${stderr}`);
      assert.match(text.remedy, /^请在 .* 中运行 `go mod download example\.com\/m@v1\.0\.0` 查看错误/);
    } finally {
      await fs.rm(cwd, { recursive: true, force: true });
    }
  });

  it('renders an error built without Messages as its English, in any language', () => {
    const legacy = new DoctorError('x.y', 'Something failed.', 'Do this.');
    assert.deepEqual(localizeError(legacy, 'zh-CN'), { message: 'Something failed.', remedy: 'Do this.' });
  });
});
