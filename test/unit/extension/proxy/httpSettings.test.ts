import * as assert from 'node:assert/strict';
import { localizeFinding } from '../../../../src/core/i18n/localize';
import {
  httpSettingsFinding,
  ignoredGoPathFinding,
  readHttpSettings,
  requestEnv,
} from '../../../../src/extension/proxy/httpSettings';

const http = (proxy = '', noProxy: string[] = [], proxyStrictSSL = true) => ({ proxy, noProxy, proxyStrictSSL });

describe("VS Code proxy settings against the go command's environment", () => {
  it('reads the settings with their defaults', () => {
    const get = (values: Record<string, unknown>) => ({ get: <T>(k: string) => values[k] as T | undefined });
    assert.deepEqual(readHttpSettings(get({})), http());
    assert.deepEqual(
      readHttpSettings(get({ proxy: ' http://p:3128 ', noProxy: ['a', '', 7], proxyStrictSSL: false })),
      http('http://p:3128', ['a'], false),
    );
  });

  it('says nothing when they agree', () => {
    assert.equal(httpSettingsFinding(http(), {}), undefined);
    assert.equal(httpSettingsFinding(http('http://p.test:3128/'), { HTTPS_PROXY: 'http://P.test:3128' }), undefined);
    assert.equal(
      httpSettingsFinding(http('http://p.test:3128', ['a.test', 'b.test']), {
        https_proxy: 'http://p.test:3128',
        NO_PROXY: 'b.test, a.test',
      }),
      undefined,
    );
  });

  it('reports a proxy VS Code uses and the go command does not, without credentials', () => {
    const f = httpSettingsFinding(http('http://bob:hunter2@p.test:3128'), { PATH: '/bin' });
    assert.ok(f);
    assert.equal(f.id, 'vscode.proxyDiffers');
    assert.equal(f.severity, 'info');
    assert.match(f.detail, /sees no HTTPS_PROXY/);
    assert.ok(!JSON.stringify(f).includes('hunter2'));
    assert.equal(f.fixes?.[0]?.action?.kind, 'openSettings');
  });

  it('reports a different proxy, a different NO_PROXY, and strict SSL turned off', () => {
    assert.match(
      httpSettingsFinding(http('http://a.test:1'), { HTTPS_PROXY: 'http://b.test:2' })!.detail,
      /uses HTTPS_PROXY "http:\/\/b\.test:2"/,
    );
    assert.match(
      httpSettingsFinding(http('', ['corp.test']), { HTTPS_PROXY: 'http://b.test:2', NO_PROXY: 'other.test' })!.detail,
      /bypass the proxy for different hosts/,
    );
    const strict = httpSettingsFinding(http('', [], false), {})!;
    assert.match(strict.detail, /always verify certificates/);
  });

  it("applies http.proxy and http.noProxy to the extension's own requests only", () => {
    const base = { PATH: '/bin', HTTPS_PROXY: 'http://env.test:1' };
    const env = requestEnv(base, http('http://vs.test:2', ['a.test', 'b.test']));
    assert.equal(env['HTTPS_PROXY'], 'http://vs.test:2');
    assert.equal(env['http_proxy'], 'http://vs.test:2');
    assert.equal(env['NO_PROXY'], 'a.test,b.test');
    assert.equal(base.HTTPS_PROXY, 'http://env.test:1', 'the input is not modified');
    assert.deepEqual(requestEnv(base, http()), base);
  });

  it('explains an ignored workspace goPath', () => {
    const f = ignoredGoPathFinding('http://u:pw@x/go');
    assert.match(f.detail, /not trusted/);
    assert.ok(!f.detail.includes('pw@'));
  });

  it('speaks Chinese through the catalog, every reason included and no credential shown', () => {
    const f = httpSettingsFinding(http('http://bob:hunter2@a.test:1', ['corp.test'], false), {
      HTTPS_PROXY: 'http://b.test:2',
      NO_PROXY: 'other.test',
    })!;
    const zh = localizeFinding(f, 'zh-CN');
    assert.equal(zh.title, 'VS Code 的代理设置与 go 命令使用的不一致');
    assert.match(zh.detail, /^VS Code 的 http\.proxy 是“http:\/\/\*+@a\.test:1”/);
    assert.match(zh.detail, /NO_PROXY 是“other\.test”/);
    assert.match(zh.detail, /http\.proxyStrictSSL 已关闭/);
    assert.ok(!zh.detail.includes('hunter2'));
    assert.equal(zh.fixes?.[0]?.title, '打开 VS Code 的代理设置');
    assert.equal(f.fixes?.[0]?.title, "Open VS Code's proxy settings", 'the English title addresses the fix');
    assert.match(localizeFinding(ignoredGoPathFinding('/ws/go'), 'zh-CN').detail, /工作区不受信任/);
  });
});
