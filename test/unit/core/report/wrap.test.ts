import * as assert from 'node:assert/strict';
import { displayWidth } from '../../../../src/core/report/displayWidth';
import { wrapText } from '../../../../src/core/report/wrap';

describe('core/report/wrap (display width and word wrapping)', () => {
  it('counts CJK and full-width characters as two columns, combining marks and colour escapes as none', () => {
    assert.equal(displayWidth('GOPROXY'), 7);
    assert.equal(displayWidth('模块代理'), 8);
    assert.equal(displayWidth('（GOPROXY）'), 11);
    assert.equal(displayWidth('e\u0301'), 1, 'e + combining acute');
    assert.equal(displayWidth('\x1b[31m[✗]\x1b[0m'), 3);
    assert.equal(displayWidth('한국어'), 6);
  });

  it('wraps English at spaces within the width, with the indent on every line', () => {
    const text = 'The module proxy refused the connection: nothing listens on that port, or a firewall rejects it.';
    const lines = wrapText(text, 40, '  ');
    assert.ok(lines.length > 2);
    for (const l of lines) {
      assert.ok(displayWidth(l) <= 40, l);
      assert.match(l, /^ {2}\S/);
    }
    assert.equal(lines.map((l) => l.trim()).join(' '), text);
  });

  it('breaks Chinese between characters, counting each as two columns', () => {
    const text =
      '本机时钟比服务器报告的时间快约 10 分钟。TLS 证书校验和校验和数据库都依赖准确的时钟：请与时间服务器同步。';
    const lines = wrapText(text, 30, '  ');
    assert.ok(lines.length >= 3);
    for (const l of lines) assert.ok(displayWidth(l) <= 30, `${l} is ${displayWidth(l)} columns`);
    // Nothing lost.
    const bare = (s: string) => s.replace(/ /g, '');
    assert.equal(bare(lines.join('')), bare(text));
    assert.ok(
      lines.some((l) => displayWidth(l) >= 28),
      'lines are filled, not broken at spaces only',
    );
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    for (let width = 12; width <= 40; width++) {
      const lines = wrapText('请检查模块代理（GOPROXY）的设置，然后重新运行诊断。再试一次「go env」。', width);
      for (const l of lines) {
        assert.doesNotMatch(l, /^[，。：；）」]/, `width ${width}: ${JSON.stringify(lines)}`);
        assert.doesNotMatch(l, /[（「]$/, `width ${width}: ${JSON.stringify(lines)}`);
      }
    }
  });

  it('keeps a command in backticks and a URL whole: a long one goes on a line of its own', () => {
    const command = '`go env -w GOPROXY=https://goproxy.example.test,https://mirror.example.test/go,direct`';
    const url = 'https://mirror.example.test/very/long/path/that/does/not/fit/anywhere/at/all';
    const lines = wrapText(`请运行 ${command} 然后打开 ${url} 查看结果。`, 40, '    ');
    assert.ok(
      lines.some((l) => l.trim() === command),
      `the command stands alone on its line: ${JSON.stringify(lines)}`,
    );
    assert.ok(
      lines.some((l) => l.includes(url)),
      JSON.stringify(lines),
    );
    for (const l of lines) if (!l.includes(command) && !l.includes(url)) assert.ok(displayWidth(l) <= 40, l);
  });

  it('keeps the line breaks of the text', () => {
    assert.deepEqual(wrapText('one\ntwo', 80, '  '), ['  one', '  two']);
  });
});
