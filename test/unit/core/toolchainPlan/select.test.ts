// Toolchain selection against the rules of go.dev/doc/toolchain, case by case.
import * as assert from 'node:assert/strict';
import { parseGoToolchain, type LayeredSetting } from '../../../../src/core/toolchainPlan/gotoolchain';
import { selectToolchain, type ModeFile } from '../../../../src/core/toolchainPlan/select';

const auto: LayeredSetting = { value: 'auto', layer: 'goroot', file: '/go/go.env' };
const setting = (value: string): LayeredSetting => ({ value, layer: 'environment' });
const mod = (go?: string, toolchain?: string): ModeFile => ({
  kind: 'go.mod',
  path: '/w/go.mod',
  ...(go ? { go: { value: go, line: 3 } } : {}),
  ...(toolchain ? { toolchain: { value: toolchain, line: 5 } } : {}),
});

describe('toolchain selection (Go 1.21+ rules)', () => {
  it('runs the local go when go.mod asks for nothing newer', () => {
    const p = selectToolchain({ local: 'go1.21.5', gotoolchain: auto, file: mod('1.21', 'go1.21.3') });
    assert.equal(p.runs, 'go1.21.5');
    assert.equal(p.switchTo, undefined);
    assert.equal(p.refused, undefined);
  });

  it('switches to a newer toolchain line', () => {
    const p = selectToolchain({ local: 'go1.21.0', gotoolchain: auto, file: mod('1.21', 'go1.23.4') });
    assert.equal(p.switchTo?.name, 'go1.23.4');
    assert.equal(p.switchTo?.reason.kind, 'toolchainLine');
    assert.equal(p.switchTo?.pathOnly, false);
  });

  it('reads "go 1.22" as go1.22.0, and a newer go line beats the toolchain line', () => {
    const p = selectToolchain({ local: 'go1.21.0', gotoolchain: auto, file: mod('1.22', 'go1.21.8') });
    assert.equal(p.switchTo?.name, 'go1.22.0');
    assert.equal(p.switchTo?.reason.kind, 'goLine');
  });

  it('orders release candidates before the release', () => {
    assert.equal(
      selectToolchain({ local: 'go1.22rc1', gotoolchain: auto, file: mod('1.22rc2') }).switchTo?.name,
      'go1.22rc2',
    );
    assert.equal(selectToolchain({ local: 'go1.22.0', gotoolchain: auto, file: mod('1.22rc2') }).switchTo, undefined);
  });

  it('GOTOOLCHAIN=local refuses a newer go line; a newer toolchain line alone is ignored', () => {
    const refused = selectToolchain({ local: 'go1.21.0', gotoolchain: setting('local'), file: mod('1.22.5') });
    assert.equal(refused.switchTo, undefined);
    assert.deepEqual(refused.refused, { need: '1.22.5', line: { value: '1.22.5', line: 3 } });
    const ignored = selectToolchain({
      local: 'go1.21.0',
      gotoolchain: setting('local'),
      file: mod('1.21', 'go1.23.4'),
    });
    assert.equal(ignored.runs, 'go1.21.0');
    assert.equal(ignored.refused, undefined);
  });

  it('a pinned name runs that toolchain; older than the go line, it stops', () => {
    const p = selectToolchain({ local: 'go1.21.0', gotoolchain: setting('go1.22.1'), file: mod('1.23') });
    assert.equal(p.switchTo?.name, 'go1.22.1');
    assert.equal(p.switchTo?.reason.kind, 'gotoolchain');
    assert.equal(p.refused?.need, '1.23');
  });

  it('<name>+auto raises the minimum and still switches higher; +path only looks in PATH', () => {
    const a = selectToolchain({ local: 'go1.21.0', gotoolchain: setting('go1.22.1+auto'), file: mod('1.21') });
    assert.equal(a.switchTo?.name, 'go1.22.1');
    const b = selectToolchain({ local: 'go1.21.0', gotoolchain: setting('go1.22.1+path'), file: mod('1.23.2') });
    assert.deepEqual([b.switchTo?.name, b.switchTo?.pathOnly, b.refused], ['go1.23.2', true, undefined]);
    const c = selectToolchain({ local: 'go1.21.0', gotoolchain: setting('local+auto'), file: mod('1.22.3') });
    assert.equal(c.switchTo?.name, 'go1.22.3');
  });

  it('"toolchain default" keeps the configured toolchain, so a newer go line stops', () => {
    const p = selectToolchain({ local: 'go1.21.0', gotoolchain: auto, file: mod('1.22.0', 'default') });
    assert.equal(p.switchTo, undefined);
    assert.equal(p.refused?.need, '1.22.0');
  });

  it('go before 1.21 ignores GOTOOLCHAIN and toolchain lines', () => {
    const p = selectToolchain({ local: 'go1.19.8', gotoolchain: setting('go1.23.4'), file: mod('1.23', 'go1.23.4') });
    assert.deepEqual([p.legacy, p.runs, p.switchTo, p.refused], [true, 'go1.19.8', undefined, undefined]);
  });

  it('rejects what cmd/go rejects', () => {
    assert.equal(parseGoToolchain('bogus').kind, 'invalid');
    assert.match(
      selectToolchain({ local: 'go1.21.0', gotoolchain: setting('go1.22+never') }).invalid ?? '',
      /only version suffixes are \+auto and \+path/,
    );
    assert.match(
      selectToolchain({ local: 'go1.21.0', gotoolchain: auto, file: mod('1.21', '1.22.0') }).invalid ?? '',
      /invalid toolchain "1.22.0"/,
    );
    assert.equal(parseGoToolchain('gccgo-go1.22.1+auto').kind, 'switching');
  });
});
