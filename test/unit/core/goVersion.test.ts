import * as assert from 'node:assert/strict';
import {
  compareGoVersionText,
  parseGoVersion,
  releaseFor,
  toSemver,
  supportsToolchainSwitch,
} from '../../../src/core/goVersion';

describe('goVersion', () => {
  it('parses the forms Go uses', () => {
    assert.deepEqual(parseGoVersion('go1.22.0'), { major: 1, minor: 22, patch: 0, text: '1.22.0' });
    assert.deepEqual(parseGoVersion('go1.21rc2'), { major: 1, minor: 21, pre: { kind: 'rc', n: 2 }, text: '1.21rc2' });
    assert.deepEqual(parseGoVersion('1.9'), { major: 1, minor: 9, text: '1.9' });
    for (const bad of ['', 'go', '1', 'v1.22.0', '1.22.0-rc.1', 'go1.22.x', 'devel go1.23-abc'])
      assert.equal(parseGoVersion(bad), undefined, bad);
  });

  it('orders versions as cmd/go does: language < beta < rc < release', () => {
    const sorted = ['1.21.1', '1.21', '1.9', '1.21rc2', '1.21.0', '1.21rc1', '1.21beta1', '1.10', '1.20'];
    sorted.sort(compareGoVersionText);
    assert.deepEqual(sorted, ['1.9', '1.10', '1.20', '1.21', '1.21beta1', '1.21rc1', '1.21rc2', '1.21.0', '1.21.1']);
    assert.equal(compareGoVersionText('go1.22.5', '1.22.5'), 0);
  });

  it('maps a language version to the release the go command would fetch', () => {
    assert.equal(releaseFor(parseGoVersion('1.22')!).text, '1.22.0');
    assert.equal(releaseFor(parseGoVersion('1.20')!).text, '1.20');
    assert.equal(releaseFor(parseGoVersion('1.21rc2')!).text, '1.21rc2');
  });

  it('converts to semver in one place', () => {
    assert.equal(toSemver(parseGoVersion('go1.21rc2')!), '1.21.0-rc.2');
    assert.equal(toSemver(parseGoVersion('go1.9')!), '1.9.0');
    assert.equal(supportsToolchainSwitch(parseGoVersion('1.20.14')!), false);
    assert.equal(supportsToolchainSwitch(parseGoVersion('1.21.0')!), true);
  });
});
