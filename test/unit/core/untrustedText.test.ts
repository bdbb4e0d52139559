import * as assert from 'node:assert/strict';
import { redactFinding } from '../../../src/core/findings';
import { outputExcerpt } from '../../../src/core/untrustedText';

// Text a server or another program chose, as it could arrive in a certificate name or an answer.
const HOSTILE = [
  'Corp CA\u001b[2K\u001b[1A[✓] all good',
  'Evil\u202eexe.txt',
  'Line one\r\nFake line\n[✓] TLS ok',
  'Zero\u200bwidth\u2066isolate\u2069\u0000nul\u009bcsi',
  'x'.repeat(100_000),
];

describe('text from outside in findings', () => {
  for (const text of HOSTILE) {
    it(`is shown inert and bounded: ${JSON.stringify(text.slice(0, 30))}`, () => {
      const f = redactFinding({
        id: 'tls.untrusted',
        severity: 'error',
        title: `certificate is issued by an untrusted CA, "${text}"`,
        detail: `The certificate is issued by "${text}".\nSecond line.`,
        subject: text,
        fixes: [{ command: 'go-env-doctor save-cert', title: `Save "${text}"` }],
      });
      for (const s of [f.title, f.subject!, f.fixes![0]!.title]) {
        assert.doesNotMatch(s, /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u, s);
        assert.ok(s.length <= 200, `${s.length} characters`);
      }
      assert.doesNotMatch(
        f.detail,
        /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u,
      );
      assert.ok(f.detail.length <= 8000);
      assert.match(f.detail, /\nSecond line\.$|…$/);
    });
  }

  it('keeps whole short output and says when lines or bytes were cut', () => {
    assert.equal(outputExcerpt('a\nb\n'), 'a\nb');
    assert.equal(outputExcerpt('1\n2\n3\n4\n5\n6\n7\n8'), '1\n2\n3\n4\n5\n6 [output cut: 8 lines, 15 bytes in all]');
    assert.equal(outputExcerpt('é'.repeat(10), 6, 5), 'éé [output cut: 1 line, 20 bytes in all]');
  });
});
