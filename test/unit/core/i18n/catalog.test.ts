import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { CATALOGS, type MessageKey } from '../../../../src/core/i18n/catalog';
import { placeholders } from '../../../../src/core/i18n/render';

describe('core/i18n/catalog', () => {
  const keys = Object.keys(CATALOGS.en) as MessageKey[];

  it('has every English key in Simplified Chinese, with the same placeholders', () => {
    const problems: string[] = [];
    for (const key of keys) {
      const zh = CATALOGS['zh-CN'][key];
      if (typeof zh !== 'string' || zh === '') problems.push(`${key}: missing in zh-CN`);
      else if (placeholders(zh).join() !== placeholders(CATALOGS.en[key]).join())
        problems.push(`${key}: placeholders ${placeholders(zh).join()} ≠ ${placeholders(CATALOGS.en[key]).join()}`);
    }
    assert.deepEqual(problems, []);
  });

  it('defines each key in one domain file only (the spread in catalog.ts would let one silently win)', async () => {
    const dir = path.join(__dirname, '../../../../src/core/i18n/en');
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    assert.ok(files.length > 20, `only ${files.length} domain files in ${dir}`);
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const file of files) {
      const exported = Object.values((await import(path.join(dir, file))) as Record<string, object>);
      assert.equal(exported.length, 1, `${file} exports ${exported.length} objects`);
      for (const key of Object.keys(exported[0]!)) {
        const first = owner.get(key);
        if (first) twice.push(`${key}: ${first} and ${file}`);
        else owner.set(key, file);
      }
    }
    assert.deepEqual(twice, []);
    // Every key of every domain file reaches the catalog.
    assert.equal(owner.size, keys.length);
  });

  it('has no Chinese key the English catalog lacks', () => {
    assert.deepEqual(
      Object.keys(CATALOGS['zh-CN']).filter((k) => !(k in CATALOGS.en)),
      [],
    );
  });

  it('writes Chinese sentences with full-width punctuation (no ASCII colon or comma after Chinese)', () => {
    const bad = keys.filter((k) => /[\u4e00-\u9fff][,:;!?]/u.test(CATALOGS['zh-CN'][k]));
    assert.deepEqual(bad, []);
  });
});
