import * as assert from 'node:assert/strict';
import { langOfLocale, langOfVscode, parseLang, pickLang } from '../../../../src/core/i18n/lang';

describe('core/i18n/lang', () => {
  it('reads Simplified Chinese locales', () => {
    for (const l of ['zh_CN.UTF-8', 'zh_SG', 'zh-Hans-CN', 'zh-CN', 'zh']) assert.equal(langOfLocale(l), 'zh-CN', l);
    for (const l of ['en_US.UTF-8', 'de_DE', 'zh_TW.UTF-8', 'zh-Hant']) assert.equal(langOfLocale(l), 'en', l);
    for (const l of ['C', 'POSIX', 'C.UTF-8', '']) assert.equal(langOfLocale(l), undefined, l);
  });

  it('orders --lang, LC_ALL, LC_MESSAGES, LANG, then the Windows UI language', () => {
    assert.equal(pickLang({ env: { LANG: 'zh_CN.UTF-8' } }), 'zh-CN');
    assert.equal(pickLang({ flag: 'en', env: { LANG: 'zh_CN.UTF-8' } }), 'en');
    assert.equal(pickLang({ env: { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' } }), 'en');
    assert.equal(pickLang({ env: { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } }), 'zh-CN');
    assert.equal(pickLang({ env: {}, windowsUiLanguage: 'zh-CN' }), 'zh-CN');
    assert.equal(pickLang({ env: {} }), 'en');
  });

  it('parses --lang and VS Code display languages', () => {
    assert.equal(parseLang('zh-CN'), 'zh-CN');
    assert.equal(parseLang('en'), 'en');
    assert.equal(parseLang('fr'), undefined);
    assert.equal(langOfVscode('zh-cn'), 'zh-CN');
    assert.equal(langOfVscode('zh-tw'), 'en');
  });
});
