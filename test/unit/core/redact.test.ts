import * as assert from 'node:assert/strict';
import { redact } from '../../../src/core/redact';

describe('redact', () => {
  it('hides credentials in URLs with and without a scheme', () => {
    assert.equal(redact('https://alice:s3cret@proxy.corp:3128/x'), 'https://***@proxy.corp:3128/x');
    assert.equal(redact('HTTPS_PROXY=bob:hunter2@proxy.corp:8080'), 'HTTPS_PROXY=***@proxy.corp:8080');
    assert.equal(
      redact('via http://token@10.0.0.1:80 and https://a:b@c.example'),
      'via http://***@10.0.0.1:80 and https://***@c.example',
    );
  });
  it('leaves module versions and plain URLs alone', () => {
    for (const s of ['golang.org/x/mod@v0.7.0', 'https://goproxy.cn,direct', 'rsc.io/quote@v1.5.2 ok'])
      assert.equal(redact(s), s);
  });
});
