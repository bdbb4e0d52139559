import * as assert from 'node:assert/strict';
import {
  displayProxy,
  netProxyConfigFromEnv,
  parseProxyValue,
  proxyAuthorization,
  proxyForUrl,
} from '../../../../src/core/net/netproxy';

const via = (env: NodeJS.ProcessEnv, url: string): string | undefined =>
  proxyForUrl(netProxyConfigFromEnv(env), new URL(url))?.display;

describe('net/netproxy (Go httpproxy rules)', () => {
  const P = 'http://proxy.corp:3128';

  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, uppercase first, empty as unset', () => {
    assert.equal(via({ HTTPS_PROXY: P }, 'https://goproxy.test/x'), P);
    assert.equal(via({ HTTPS_PROXY: P }, 'http://goproxy.test/x'), undefined);
    assert.equal(via({ HTTP_PROXY: P }, 'http://goproxy.test/x'), P);
    assert.equal(via({ HTTP_PROXY: P }, 'https://goproxy.test/x'), undefined);
    assert.equal(via({ HTTPS_PROXY: P, https_proxy: 'http://other:1' }, 'https://goproxy.test/'), P);
    assert.equal(via({ HTTPS_PROXY: '', https_proxy: 'http://other:1' }, 'https://goproxy.test/'), 'http://other:1');
    assert.equal(netProxyConfigFromEnv({ HTTPS_PROXY: P }).https?.variable, 'HTTPS_PROXY');
  });

  it('reads scheme-less values as http://', () => {
    assert.equal(parseProxyValue('proxy.corp:3128')?.href, 'http://proxy.corp:3128/');
    assert.equal(parseProxyValue('127.0.0.1:3128')?.href, 'http://127.0.0.1:3128/');
    assert.equal(parseProxyValue('user:pw@proxy.corp:8080')?.host, 'proxy.corp:8080');
    assert.equal(parseProxyValue('https://proxy.corp')?.protocol, 'https:');
    assert.equal(parseProxyValue('socks5://proxy.corp:1080')?.protocol, 'socks5:');
  });

  it('never proxies localhost or loopback IPs, even with no NO_PROXY', () => {
    for (const u of ['https://localhost:8443/', 'https://127.0.0.1/', 'https://127.9.9.9:1/', 'https://[::1]:8080/']) {
      assert.equal(via({ HTTPS_PROXY: P }, u), undefined, u);
    }
    assert.equal(via({ HTTPS_PROXY: P }, 'https://10.0.0.1/'), P);
  });

  it('applies NO_PROXY: *, suffixes with or without a dot, host:port, IPs and CIDRs', () => {
    const env = (noProxy: string): NodeJS.ProcessEnv => ({ HTTPS_PROXY: P, NO_PROXY: noProxy });
    assert.equal(via(env('*'), 'https://goproxy.test/'), undefined);
    // "corp.test" matches itself and subdomains; ".corp.test" only subdomains (Go's rule).
    assert.equal(via(env('corp.test'), 'https://corp.test/'), undefined);
    assert.equal(via(env('corp.test'), 'https://mirror.corp.test/'), undefined);
    assert.equal(via(env('.corp.test'), 'https://mirror.corp.test/'), undefined);
    assert.equal(via(env('.corp.test'), 'https://corp.test/'), P);
    assert.equal(via(env('*.corp.test'), 'https://mirror.corp.test/'), undefined);
    assert.equal(via(env('corp.test'), 'https://notcorp.test/'), P);
    // Ports: the default port of the scheme counts.
    assert.equal(via(env('mirror.test:443'), 'https://mirror.test/'), undefined);
    assert.equal(via(env('mirror.test:8443'), 'https://mirror.test/'), P);
    assert.equal(via(env('mirror.test:8443'), 'https://mirror.test:8443/'), undefined);
    // IPs and CIDRs
    assert.equal(via(env('10.1.2.3'), 'https://10.1.2.3/'), undefined);
    assert.equal(via(env('10.0.0.0/8'), 'https://10.200.1.1/'), undefined);
    assert.equal(via(env('10.0.0.0/8'), 'https://11.0.0.1/'), P);
    assert.equal(via(env('fd00::/8'), 'https://[fd12::1]/'), undefined);
    assert.equal(via(env('[fd12::1]:443'), 'https://[fd12::1]/'), undefined);
    // Case and spaces
    assert.equal(via(env(' Corp.TEST , other'), 'https://MIRROR.corp.test/'), undefined);
    // lowercase no_proxy when NO_PROXY is unset
    assert.equal(via({ HTTPS_PROXY: P, no_proxy: 'goproxy.test' }, 'https://goproxy.test/'), undefined);
  });

  it('ignores HTTP_PROXY for http:// URLs in a CGI environment, as Go does', () => {
    assert.equal(via({ HTTP_PROXY: P, REQUEST_METHOD: 'GET' }, 'http://goproxy.test/'), undefined);
  });

  it('redacts credentials and builds Proxy-Authorization from them', () => {
    const u = parseProxyValue('http://alice:p%40ss@proxy.corp:3128')!;
    assert.equal(displayProxy(u), 'http://***@proxy.corp:3128');
    assert.equal(proxyAuthorization(u), `Basic ${Buffer.from('alice:p@ss').toString('base64')}`);
    assert.equal(proxyAuthorization(parseProxyValue(P)!), undefined);
    const cfg = netProxyConfigFromEnv({
      HTTPS_PROXY: 'alice:secret@proxy.corp:3128',
      ALL_PROXY: 'socks5://bob:secret@s:1',
    });
    assert.doesNotMatch(JSON.stringify({ ...cfg, matchers: undefined, https: cfg.https?.display }), /secret/);
    assert.equal(cfg.allProxy, 'socks5://***@s:1');
  });
});
