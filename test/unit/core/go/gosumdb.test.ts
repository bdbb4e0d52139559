// GOSUMDB parsing (cmd/go dbDial) and GONOSUMDB/GOPRIVATE matching (module.MatchPrefixPatterns).
import * as assert from 'node:assert/strict';
import { parseGosumdb, SUM_GOLANG_ORG_KEY } from '../../../../src/core/go/gosumdb';
import { matchPrefixPatterns, pathMatch } from '../../../../src/core/sumdb/prefixPatterns';
import { generateKey } from '../../../support/noteSign';

describe('sumdb/gosumdb', () => {
  it('defaults to sum.golang.org with its built-in key', () => {
    for (const v of [undefined, '', '  ', 'sum.golang.org']) {
      const s = parseGosumdb(v);
      assert.equal(s.kind, 'db');
      if (s.kind !== 'db') return;
      assert.equal(s.db.name, 'sum.golang.org');
      assert.equal(s.db.verifier.key, SUM_GOLANG_ORG_KEY);
      assert.equal(s.db.url.href, 'https://sum.golang.org/');
      assert.equal(s.db.explicitUrl, false);
    }
  });

  it('treats sum.golang.google.cn as sum.golang.org at another URL', () => {
    const s = parseGosumdb('sum.golang.google.cn');
    assert.ok(s.kind === 'db');
    assert.equal(s.db.name, 'sum.golang.org');
    assert.equal(s.db.verifier.keyHash, 0x033de0ae);
    assert.equal(s.db.url.href, 'https://sum.golang.google.cn/');
    assert.equal(s.db.explicitUrl, true);
  });

  it('accepts a verifier key, with or without a URL', () => {
    const [, vkey] = generateKey('sum.example.test');
    const a = parseGosumdb(vkey);
    assert.ok(a.kind === 'db');
    assert.equal(a.db.url.href, 'https://sum.example.test/');
    const b = parseGosumdb(`${vkey} http://127.0.0.1:9/db`);
    assert.ok(b.kind === 'db');
    assert.equal(b.db.url.href, 'http://127.0.0.1:9/db');
    assert.equal(b.db.explicitUrl, true);
  });

  it('recognises off and refuses nonsense', () => {
    assert.equal(parseGosumdb('off').kind, 'off');
    for (const bad of [
      'sum.golang.org x y',
      'notakey',
      'sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8',
      'sum.golang.org ftp://x',
    ]) {
      assert.equal(parseGosumdb(bad).kind, 'invalid', bad);
    }
    const [, slashName] = generateKey('https://evil');
    assert.equal(parseGosumdb(slashName).kind, 'invalid');
  });
});

describe('sumdb/prefixPatterns', () => {
  it('matches leading path elements like module.MatchPrefixPatterns', () => {
    const cases: Array<[string, string, boolean]> = [
      ['golang.org', 'golang.org/toolchain', true],
      ['golang.org/*', 'golang.org/toolchain', true],
      ['golang.org/x', 'golang.org/toolchain', false],
      ['*', 'golang.org/toolchain', true],
      ['*.org', 'golang.org/toolchain', true],
      ['*/toolchain', 'golang.org/toolchain', true],
      ['*/*/*', 'golang.org/toolchain', false],
      ['corp.example.com,golang.org/', 'golang.org/toolchain', true],
      [',,', 'golang.org/toolchain', false],
      ['golang.or?', 'golang.org/toolchain', true],
      ['golang.[n-p]rg', 'golang.org/toolchain', true],
      ['golang.[^o]rg', 'golang.org/toolchain', false],
      ['golang.[', 'golang.org/toolchain', false],
      ['', 'golang.org/toolchain', false],
    ];
    for (const [globs, target, want] of cases)
      assert.equal(matchPrefixPatterns(globs, target), want, `${globs} vs ${target}`);
  });

  it('implements path.Match escapes and refuses bad patterns', () => {
    assert.equal(pathMatch('a\\*b', 'a*b'), true);
    assert.equal(pathMatch('a\\*b', 'axb'), false);
    assert.equal(pathMatch('a*', 'ab/c'), false);
    assert.equal(pathMatch('[]a]', ']'), false);
    assert.equal(pathMatch('[\\]a]', ']'), true);
    assert.equal(pathMatch('[-]', '-'), false);
    assert.equal(pathMatch('a\\', 'a'), false);
  });
});
