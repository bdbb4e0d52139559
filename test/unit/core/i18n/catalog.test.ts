import * as assert from 'node:assert/strict';
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
