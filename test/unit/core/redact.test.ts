import * as assert from 'node:assert/strict';
import { redact, redactDeep } from '../../../src/core/redact';

describe('redact', () => {
  it('hides credentials in URLs with and without a scheme', () => {
    assert.equal(redact('https://alice:s3cret@proxy.corp:3128/x'), 'https://***@proxy.corp:3128/x');
    assert.equal(redact('HTTPS_PROXY=bob:hunter2@proxy.corp:8080'), 'HTTPS_PROXY=***@proxy.corp:8080');
    assert.equal(
      redact('via http://token@10.0.0.1:80 and https://a:b@c.example'),
      'via http://***@10.0.0.1:80 and https://***@c.example',
    );
  });

  // Each row: what go accepts as GOPROXY / HTTP(S)_PROXY / http.proxy, and what may be shown.
  const cases: [string, string][] = [
    // net/url: the userinfo ends at the LAST "@" of the authority.
    ['https://alice:p@ss@host', 'https://***@host'],
    ['https://alice:p@ss@w@rd@host:8443/path', 'https://***@host:8443/path'],
    ['GOPROXY=https://alice:p@ss@goproxy.corp,direct', 'GOPROXY=https://***@goproxy.corp,direct'],
    // go completes a scheme-less entry with https:// (GOPROXY) or http:// (HTTP_PROXY).
    ['token@goproxy.corp', '***@goproxy.corp'],
    ['GOPROXY=token@goproxy.corp,direct', 'GOPROXY=***@goproxy.corp,direct'],
    ['GOPROXY=https://goproxy.cn,token@goproxy.corp|off', 'GOPROXY=https://goproxy.cn,***@goproxy.corp|off'],
    ['https://goproxy.cn|tok:x@goproxy.corp/mod,direct', 'https://goproxy.cn|***@goproxy.corp/mod,direct'],
    ['HTTP_PROXY=u:p@ss@proxy.corp:3128', 'HTTP_PROXY=***@proxy.corp:3128'],
    ['http.proxy=alice@proxy.corp:3128', 'http.proxy=***@proxy.corp:3128'],
    // Lists: every entry on its own, with , and | in any order.
    [
      'https://a:1@one.example,https://b:2@two.example|https://c@three.example,direct',
      'https://***@one.example,https://***@two.example|https://***@three.example,direct',
    ],
    // Percent-encoded and unusual characters in the password.
    ['https://alice:p%40ss%3Aw@host', 'https://***@host'],
    ['http://u:p,w@proxy.corp:3128', 'http://***@proxy.corp:3128'],
    ['http://u:p=w;x@proxy.corp', 'http://***@proxy.corp'],
    ['alice:p=w@proxy.corp', '***@proxy.corp'],
    // Other schemes and IPv6 hosts.
    ['socks5://user:pw@127.0.0.1:1080', 'socks5://***@127.0.0.1:1080'],
    ['socks5h://user:pw@[::1]:1080', 'socks5h://***@[::1]:1080'],
    ['http://user:pw@[fe80::1%25eth0]:3128', 'http://***@[fe80::1%25eth0]:3128'],
    ['user:pw@[::1]:3128', '***@[::1]:3128'],
    // No password: a user name alone may be a token.
    ['https://ghp_abc123@goproxy.corp', 'https://***@goproxy.corp'],
    // In prose, JSON, Markdown and stack traces.
    ['{"value":"tok@goproxy.corp,direct"}', '{"value":"***@goproxy.corp,direct"}'],
    ['proxy `https://a:b@c@host` refused', 'proxy `https://***@host` refused'],
    [
      'Error: connect to (tok:x@host:3128) failed\n    at x (/a/b.js:1:2)',
      'Error: connect to (***@host:3128) failed\n    at x (/a/b.js:1:2)',
    ],
    ['"detail": "first\\nhttps://u:p@host"', '"detail": "first\\nhttps://***@host"'],
  ];
  for (const [input, want] of cases) it(`redacts ${JSON.stringify(input)}`, () => assert.equal(redact(input), want));

  it('never lets any part of a password through', () => {
    for (const [input] of cases) {
      const out = redact(input);
      for (const secret of ['p@ss', 'ss@w', 's3cret', 'p%40', 'p,w', 'p=w', 'pw@', 'ghp_abc', 'tok', ':1@', ':2@'])
        if (!input.startsWith(out)) assert.ok(!out.includes(secret), `${out} shows ${secret}`);
    }
  });

  it('leaves module versions, keywords and plain URLs alone', () => {
    for (const s of [
      'golang.org/x/mod@v0.7.0',
      'example.com@v1.2.3',
      'rsc.io/quote@latest',
      'https://goproxy.cn,direct',
      'https://goproxy.cn|https://proxy.example/sub,off',
      'direct',
      'off',
      'rsc.io/quote@v1.5.2 ok',
      'http://[::1]:3128',
      'https://host/path?q=a@b',
      'go install golang.org/dl/go1.22.5@latest',
    ])
      assert.equal(redact(s), s);
  });

  it('redacts every string of a JSON document', () => {
    assert.deepEqual(redactDeep({ a: ['https://u:p@h', 1, null], b: { c: 'tok@h' } }), {
      a: ['https://***@h', 1, null],
      b: { c: '***@h' },
    });
  });
});
