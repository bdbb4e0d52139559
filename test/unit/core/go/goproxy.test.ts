import * as assert from 'node:assert/strict';
import { describeGoproxy, parseGoproxy } from '../../../../src/core/go/goproxy';

describe('parseGoproxy', () => {
  it('reads URLs, keywords and both separators', () => {
    const e = parseGoproxy('https://goproxy.cn|https://proxy.golang.org,direct');
    assert.deepEqual(
      e.map((x) => [x.kind, x.text, x.next]),
      [
        ['url', 'https://goproxy.cn', 'anyError'],
        ['url', 'https://proxy.golang.org', 'notFound'],
        ['direct', 'direct', undefined],
      ],
    );
  });
  it('adds https:// to host-like entries as cmd/go does, and rejects the rest', () => {
    const e = parseGoproxy('goproxy.cn,localhost:8080,ftp://x.example,nonsense,/abs/path,off');
    assert.deepEqual(
      e.map((x) => x.kind),
      ['url', 'url', 'invalid', 'invalid', 'invalid', 'off'],
    );
    assert.equal(e[0]!.kind === 'url' && e[0]!.url.href, 'https://goproxy.cn/');
    assert.match(e[2]!.kind === 'invalid' ? e[2]!.reason : '', /scheme "ftp"/);
  });
  it('treats an empty value as the default and explains the list', () => {
    assert.equal(parseGoproxy('').length, 2);
    assert.match(
      describeGoproxy(parseGoproxy('https://a.example,direct')),
      /only if the module is not found there \(404\/410\), the version-control origin/,
    );
    assert.match(describeGoproxy(parseGoproxy('https://a.example|direct')), /on any error/);
  });
});
