import * as assert from 'node:assert/strict';
import type { Finding } from '../../../../src/core/findings';
import type { Report } from '../../../../src/core/report/model';
import {
  cliArgs,
  fixLabel,
  fixRef,
  isFixRef,
  resolveFixRef,
  splitCommandLine,
} from '../../../../src/extension/fixes/presentation';

const install: Finding = {
  id: 'gomod.goTooNew',
  severity: 'error',
  title: 'go.mod needs Go 1.30',
  detail: '',
  fixes: [
    {
      command: 'go-env-doctor install 1.30.0',
      title: 'Install Go 1.30.0 (verified)',
      action: { kind: 'installToolchain', version: '1.30.0' },
    },
  ],
};
const report = (findings: Finding[]): Report => ({
  schemaVersion: 1,
  tool: { name: 't', version: '0' },
  go: { path: '/go', version: 'go1.19.8', goroot: null },
  env: {},
  findings,
  durationMs: 1,
});

describe('fix presentation', () => {
  it('labels a fix the editor cannot perform with its exact command', () => {
    assert.equal(
      fixLabel(install.fixes![0]!, false),
      'Install Go 1.30.0 (verified): run `go-env-doctor install 1.30.0` in a terminal',
    );
    assert.equal(fixLabel(install.fixes![0]!, true), 'Install Go 1.30.0 (verified)');
    assert.equal(
      fixLabel(
        {
          command: 'go env -w GOSUMDB=sum.golang.org',
          title: 'Verify again',
          action: { kind: 'setGoEnv', name: 'GOSUMDB', value: 'sum.golang.org' },
        },
        true,
      ),
      'Verify again (`go env -w GOSUMDB=sum.golang.org`)',
    );
  });

  it('resolves references against the current report only', () => {
    const ok: Finding = { id: 'go.ok', severity: 'ok', title: 'fine', detail: '' };
    const ref = fixRef(1, 0, install);
    assert.ok(isFixRef(ref));
    assert.equal(resolveFixRef(report([ok, install]), ref)?.fix.action?.kind, 'installToolchain');
    // The finding moved: found by id and title.
    assert.equal(resolveFixRef(report([install]), ref)?.finding, install);
    assert.equal(resolveFixRef(report([ok]), ref), undefined);
    assert.equal(isFixRef('rm -rf /'), false);
    assert.equal(isFixRef({ findingIndex: 0, fixIndex: 0, findingId: 'x' }), false);
  });

  it('splits command lines like a POSIX shell and recognises our CLI', () => {
    assert.deepEqual(splitCommandLine(`go env -w GOFLAGS="-mod=mod -x" 'a b' c\\ d # comment`), [
      'go',
      'env',
      '-w',
      'GOFLAGS=-mod=mod -x',
      'a b',
      'c d',
    ]);
    assert.deepEqual(splitCommandLine('unset GOPROXY   # then remove it'), ['unset', 'GOPROXY']);
    assert.deepEqual(splitCommandLine('a#b'), ['a#b']);
    assert.deepEqual(cliArgs('go-env-doctor install 1.30.0'), ['install', '1.30.0']);
    assert.equal(cliArgs('go env -u GOINSECURE'), undefined);
  });
});
