// src/core must run without VS Code: no file in it may import 'vscode'.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, tsFiles } from '../../support/sourceFiles';

describe('src/core', () => {
  it('never imports vscode', async () => {
    const root = path.join(REPO_ROOT, 'src', 'core');
    const files = await tsFiles(root);
    assert.ok(files.length > 10, `expected core sources under ${root}`);
    const offenders: string[] = [];
    for (const f of files) {
      const text = await fs.readFile(f, 'utf8');
      if (/(from\s+|require\(\s*|import\(\s*)['"]vscode['"]/.test(text)) offenders.push(path.relative(root, f));
    }
    assert.deepEqual(offenders, []);
  });
  it('and the check itself catches an import', () => {
    assert.match("import * as vscode from 'vscode';", /(from\s+|require\(\s*|import\(\s*)['"]vscode['"]/);
  });
});
