import * as assert from 'node:assert/strict';
import { readEditorGo } from '../../../src/extension/goExtensionSettings';

const config = (values: Record<string, unknown>) => ({ get: <T>(key: string) => values[key] as T | undefined });

describe("extension: the editor's go settings", () => {
  it('reads go.alternateTools.go and go.goroot, ignoring empty and malformed values', () => {
    assert.deepEqual(
      readEditorGo(config({ alternateTools: { go: ' /opt/go/bin/go ', gopls: 'x' }, goroot: '/opt/go' }), '/sdk/go'),
      {
        alternateGo: '/opt/go/bin/go',
        goroot: '/opt/go',
        goPath: '/sdk/go',
      },
    );
    assert.deepEqual(readEditorGo(config({ alternateTools: 'go', goroot: '' }), undefined), {
      alternateGo: undefined,
      goroot: undefined,
      goPath: undefined,
    });
    assert.deepEqual(readEditorGo(config({ alternateTools: { go: 3 } }), undefined).alternateGo, undefined);
  });
});
