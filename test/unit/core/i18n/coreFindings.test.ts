// Findings, fixes and failure words the core builds outside the checks, in Simplified Chinese; and
// every template of the core's domains free of English prose.
import * as assert from 'node:assert/strict';
import { request } from 'undici';
import type { Finding } from '../../../../src/core/findings';
import { CATALOGS, type MessageKey } from '../../../../src/core/i18n/catalog';
import { localizeFinding } from '../../../../src/core/i18n/localize';
import { render } from '../../../../src/core/i18n/render';
import { redownloadModuleFix } from '../../../../src/core/modules/fixes';
import { describeNetError } from '../../../../src/core/net/failureWords';
import { probe } from '../../../../src/core/net/probe';
import { probeFailureWords } from '../../../../src/core/net/probeFailureWords';
import { loadGoTrust } from '../../../../src/core/net/trust';
import { applyPolicy } from '../../../../src/core/policy/apply';
import { judge } from '../../../../src/core/referee/judge';
import type { Report } from '../../../../src/core/report/model';
import { assertChinese, englishRun } from '../../../support/chineseText';
import { testPlatform } from '../../../support/netEnv';
import { startHttpServer } from '../../../support/servers';

const CORE_DOMAINS = [
  'toolchain.',
  'errors.',
  'proxyRewrite.',
  'certs.',
  'modules.',
  'net.',
  'policy.',
  'referee.',
  'go.',
  'probe.',
  'sumdb.',
  'setting.',
  'tcSource.',
  'gomod.parse.',
  'direct.origin.',
  'refereeRun.',
  'common.',
];

function zhFinding(f: Finding, outside: readonly string[] = []): Finding {
  assert.ok(f.text, `${f.id} has no Messages`);
  const z = localizeFinding(f, 'zh-CN');
  assertChinese(z.title, outside);
  assertChinese(z.detail, outside);
  for (const fix of z.fixes ?? []) assertChinese(fix.title, outside);
  return z;
}

describe('core/i18n: core findings and failure words in Simplified Chinese', () => {
  it('has no English prose in any template of the core domains', () => {
    const keys = (Object.keys(CATALOGS.en) as MessageKey[]).filter((k) => CORE_DOMAINS.some((d) => k.startsWith(d)));
    assert.ok(keys.length > 300, `only ${keys.length} keys`);
    const english = keys.filter((k) => englishRun(CATALOGS['zh-CN'][k].replace(/\{[A-Za-z0-9_]+\}/g, 'X')));
    assert.deepEqual(english, []);
    // The check itself sees English: every template with an English sentence would fail it.
    assert.ok(englishRun(CATALOGS.en['toolchain.sumdbOff.message']));
  });

  it('says why a connection failed, in Chinese, for the real refused connection', async () => {
    const closed = await startHttpServer((_req, res) => res.end());
    await closed.close();
    const err = await request(`${closed.url}/`).then(
      () => assert.fail('connected'),
      (e: unknown) => e,
    );
    const f = describeNetError(err, { connectMs: 1000, headersMs: 1000, stallMs: 1000 });
    assert.equal(f.reason, 'connection refused');
    assert.equal(render(f.reasonText, 'zh-CN'), '连接被拒绝');
  });

  it('describes failed probes in Chinese: a refused port and a server error', async () => {
    const broken = await startHttpServer((_req, res) => res.writeHead(503).end());
    const closed = await startHttpServer((_req, res) => res.end());
    await closed.close();
    try {
      const c = { trust: () => loadGoTrust(testPlatform({})), platform: testPlatform({}), timeoutMs: 2000 };
      const refused = await probe({ url: new URL(`${closed.url}/`), timeoutMs: 2000 });
      const r = await probeFailureWords(refused, c);
      assert.equal(r.kind, 'refused');
      assert.equal(render(r.shortText, 'zh-CN'), '拒绝连接');
      assert.equal(render(r.causeText, 'en'), r.cause);
      assertChinese(render(r.causeText, 'zh-CN'), [refused.error!.message.replace(/^./, (ch) => ch.toUpperCase())]);

      const answered = await probe({ url: new URL(`${broken.url}/`), timeoutMs: 2000 });
      const w = await probeFailureWords(answered, c);
      assert.equal(
        w.cause,
        `${new URL(broken.url).host} answered HTTP 503. The server has a problem of its own; try again later or use another mirror.`,
      );
      assert.equal(
        render(w.causeText, 'zh-CN'),
        `${new URL(broken.url).host} 返回了 HTTP 503。服务器自身出了问题；请稍后重试，或换用另一个镜像。`,
      );
    } finally {
      await broken.close();
    }
  });

  it('renders the policy’s findings and fixes in Chinese, keeping ids, lines and English', () => {
    const report: Report = {
      schemaVersion: 1,
      tool: { name: 'go-env-doctor', version: '0' },
      go: { path: '/usr/local/go/bin/go', version: 'go1.21.4', goroot: '/usr/local/go' },
      env: Object.fromEntries(
        Object.entries({
          GOPROXY: 'https://proxy.golang.org|direct',
          GOSUMDB: 'off',
          GOFLAGS: '-insecure',
          GOTOOLCHAIN: 'auto',
        }).map(([k, v]) => [k, { value: v, source: 'goenv' as const }]),
      ),
      findings: [{ id: 'proxy.slow', severity: 'warning', title: 'A mirror is slow', detail: 'It took 9 s.' }],
      durationMs: 1,
    };
    const file = '/repo/.go-env-doctor.json';
    const judged = applyPolicy(
      report,
      {
        file,
        policy: {
          version: 1,
          go: { min: '1.22' },
          goproxy: { include: ['https://goproxy.cn'] },
          gosumdb: { notOff: true },
          goflags: { forbid: ['-insecure'] },
          gotoolchain: { require: 'local' },
          accept: [{ id: 'proxy.slow', reason: 'the office link is slow' }],
        },
        lines: new Map([['go.min', 3]]),
      },
      { trusted: true },
    );
    const byId = (id: string) => judged.findings.find((f) => f.id === id)!;
    assert.equal(byId('policy.goVersion').title, 'This repository requires Go 1.22.0 or newer');
    const version = zhFinding(byId('policy.goVersion'));
    assert.equal(version.title, '本仓库要求 Go 1.22.0 或更新版本');
    assert.equal(version.detail, `策略要求至少使用 go1.22.0；本机运行的是 go1.21.4。（${file}，第 3 行。）`);
    assert.equal(version.fixes![0]!.title, '安装 Go 1.22.0（经过校验）');
    assert.equal(version.fixes![0]!.command, 'go-env-doctor install 1.22.0');
    for (const id of ['policy.goproxy', 'policy.gosumdbOff', 'policy.goflags', 'policy.gotoolchain'])
      zhFinding(byId(id), ['https://proxy.golang.org|direct']);
    // An older finding keeps its English inside the Chinese sentence about the acceptance.
    const accepted = localizeFinding(byId('proxy.slow'), 'zh-CN');
    assertChinese(accepted.detail, ['It took 9 s.', 'the office link is slow']);
    assert.equal(accepted.detail, `已由 ${file} 第 1 行接受：the office link is slow —— It took 9 s.`);
    assert.equal(byId('proxy.slow').detail, `Accepted by ${file}, line 1: the office link is slow — It took 9 s.`);
  });

  it('renders the referee’s verdicts and the module fixes in Chinese', () => {
    const routeError: Finding = {
      id: 'proxy.refused',
      severity: 'error',
      title: 'x',
      detail: 'y',
      subject: 'goproxy.example.test',
    };
    const [disagrees] = judge({
      canary: { kind: 'ok', what: 'golang.org/x/text@v0.14.0', output: '{}', ms: 12 },
      version: { kind: 'ok', what: 'go version', output: 'go version go1.19.8 linux/amd64', ms: 3 },
      findings: [routeError],
    });
    assert.equal(disagrees!.id, 'referee.disagrees');
    const z = zhFinding(disagrees!);
    assert.match(
      z.detail,
      /^go 下载了 golang\.org\/x\/text@v0\.14\.0，但诊断报告了 proxy\.refused（goproxy\.example\.test）。/,
    );

    const [ok] = judge({
      canary: { kind: 'ok', what: 'golang.org/x/text@v0.14.0', output: '{}', ms: 12 },
      requirement: { kind: 'skipped', what: 'go.mod requirement', why: 'no go.mod' },
      version: { kind: 'ok', what: 'go version', output: 'go version go1.19.8 linux/amd64', ms: 3 },
      findings: [],
    });
    assert.equal(
      ok!.detail,
      'With your environment and a throwaway module cache, go did: golang.org/x/text@v0.14.0 (12 ms); go.mod requirement: not run (no go.mod); go version (3 ms). go version go1.19.8 linux/amd64.',
    );
    zhFinding(ok!, ['go.mod requirement', 'no go.mod', 'go version go1.19.8 linux/amd64', 'go version']);

    const fix = redownloadModuleFix('/work/p', 'example.com/m', 'v1.2.3');
    assert.equal(fix.title, 'Download example.com/m@v1.2.3 again (only this module)');
    const f = zhFinding({ ...ok!, fixes: [fix] }, [
      'go.mod requirement',
      'no go.mod',
      'go version go1.19.8 linux/amd64',
      'go version',
    ]);
    assert.equal(f.fixes![0]!.title, '重新下载 example.com/m@v1.2.3（仅此模块）');
  });
});
