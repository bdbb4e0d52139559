// The CLI's language: --lang, else LC_ALL / LC_MESSAGES / LANG; --json text stays English unless
// --lang is given; finding ids never change. A real dist/cli.js against a loopback GOPROXY.
import * as assert from 'node:assert/strict';
import { buildCli, loopbackCliEnv, runCli } from '../../support/cli';
import { tempDir } from '../../support/fakeGo';
import { goproxyHandler, startHttpServer, type StartedServer } from '../../support/servers';

const CJK = /[\u4e00-\u9fff]/;

interface Doc {
  findings: { id: string; title: string; detail: string }[];
}

describe('go-env-doctor --lang and the locale (CLI)', function () {
  this.timeout(120_000);
  let proxy: StartedServer;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    await buildCli();
    proxy = await startHttpServer(goproxyHandler());
    env = await loopbackCliEnv(proxy.url, await tempDir('ged-home-'));
  });
  after(() => proxy.close());

  const zhEnv = () => ({ ...env, LANG: 'zh_CN.UTF-8' });

  it('LANG=zh_CN.UTF-8 speaks Chinese: verdict, headings, translated findings, summary', async () => {
    const r = await runCli([], { env: zhEnv() });
    assert.equal(r.code, 0, r.stderr);
    const [first] = r.stdout.split('\n');
    assert.match(first ?? '', /^\[✓\] Go 环境正常，无需修复。$/);
    assert.match(r.stdout, /^Go 工具链$/m);
    assert.match(r.stdout, /^时钟$/m);
    assert.match(r.stdout, /\[✓\] 系统时钟准确 .*clock\.ok/);
    assert.match(r.stdout, /^\d+ 个错误|^未发现问题（共 \d+ 项检查，用时 \d+ 毫秒）。$/m);
  });

  it('--lang en beats LANG; LC_ALL beats LANG; LC_MESSAGES is read before LANG', async () => {
    for (const [args, extra] of [
      [['--lang', 'en'], { LANG: 'zh_CN.UTF-8' }],
      [['diagnose', '--lang=en'], { LANG: 'zh_CN.UTF-8' }],
      [[], { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }],
      [[], { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }],
      [[], { LANG: 'zh_TW.UTF-8' }],
    ] as const) {
      const r = await runCli([...args, '--only', 'clock'], { env: { ...env, ...extra } });
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout, CJK, `${args.join(' ')} ${JSON.stringify(extra)}:\n${r.stdout}`);
      assert.match(r.stdout, /^Clock$/m);
      assert.match(r.stdout, /\[✓\] The clock is right/);
    }
    for (const extra of [
      { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' },
      { LANG: 'zh_SG.UTF-8' },
      { LANG: 'zh-Hans' },
    ]) {
      const r = await runCli(['--only', 'clock'], { env: { ...env, ...extra } });
      assert.match(r.stdout, /^时钟$/m, JSON.stringify(extra));
    }
    const zh = await runCli(['--lang', 'zh-CN', '--only', 'clock'], { env: { ...env, LANG: 'en_US.UTF-8' } });
    assert.match(zh.stdout, /系统时钟准确/);
  });

  it('--json keeps ids and English text under a Chinese locale; --json --lang zh-CN translates the text only', async () => {
    const plain = JSON.parse((await runCli(['--json'], { env })).stdout) as Doc;
    const zhLocale = await runCli(['--json'], { env: zhEnv() });
    assert.doesNotMatch(zhLocale.stdout, CJK, 'a script sees the same text whatever the locale');
    const underZh = JSON.parse(zhLocale.stdout) as Doc;
    const translated = JSON.parse((await runCli(['--json', '--lang', 'zh-CN'], { env })).stdout) as Doc;
    const ids = (d: Doc) => d.findings.map((f) => f.id);
    assert.deepEqual(ids(underZh), ids(plain));
    assert.deepEqual(ids(translated), ids(plain));
    const clock = (d: Doc) => d.findings.find((f) => f.id === 'clock.ok')!;
    assert.equal(clock(underZh).title, 'The clock is right');
    assert.equal(clock(translated).title, '系统时钟准确');
    assert.match(clock(translated).detail, /^本机时钟与服务器（127\.0\.0\.1:\d+）的 Date 时间相差不超过 \d+ 秒/);
  });

  it('the Markdown report, --help, --list-checks and usage errors follow the language', async () => {
    const md = await runCli(['report'], { env: zhEnv() });
    assert.match(md.stdout, /^# Go Env Doctor 诊断报告$/m);
    assert.match(md.stdout, /^## 时钟$/m);
    assert.match(md.stdout, /^\| 变量 \| 值 \| 来源 \|$/m);
    assert.match((await runCli(['--help'], { env: zhEnv() })).stdout, /^用法：go-env-doctor/);
    assert.match((await runCli(['--help'], { env })).stdout, /^Usage: go-env-doctor/);
    assert.match(
      (await runCli(['--list-checks'], { env: zhEnv() })).stdout,
      /^clock +本机时钟与服务器的偏差（联网）$/m,
    );
    const bad = await runCli(['--bogus'], { env: zhEnv() });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'go-env-doctor diagnose：未知选项 --bogus\n运行 go-env-doctor --help 查看用法。\n');
    const badEn = await runCli(['--bogus', '--lang', 'en'], { env: zhEnv() });
    assert.equal(
      badEn.stderr,
      'go-env-doctor diagnose: unknown option --bogus\nRun "go-env-doctor --help" for usage.\n',
    );
  });

  it('an unknown --lang is a usage error (exit 2) naming the languages', async () => {
    for (const args of [['--lang', 'fr'], ['--lang'], ['--lang=']]) {
      const r = await runCli(args, { env });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /--lang .*en or zh-CN/);
    }
  });
});
