// VS Code's own translation files: package.nls.zh-cn.json for what package.json contributes, and
// l10n/bundle.l10n.zh-cn.json for every vscode.l10n.t literal in src/extension.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, tsFiles } from '../../../support/sourceFiles';
import { ENGLISH } from '../../../../src/extension/l10n';

const readJson = async (rel: string) =>
  JSON.parse(await fs.readFile(path.join(REPO_ROOT, rel), 'utf8')) as Record<string, unknown>;

/** `%key%` references anywhere in package.json. */
function nlsRefs(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) out.push(m[1]!);
  } else if (Array.isArray(value)) value.forEach((v) => nlsRefs(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => nlsRefs(v, out));
  return out;
}

/** What must survive translation untouched: code spans, `#setting#` links, URLs, `{0}` placeholders. */
function fixedParts(text: string): string[] {
  const parts = [
    ...text.matchAll(/`[^`]+`/g),
    ...text.matchAll(/#goEnv\.[\w.]+#/g),
    ...text.replace(/`[^`]+`/g, '').matchAll(/https?:\/\/[^\s)）,，`]+/g),
    ...text.matchAll(/\{\d+\}/g),
  ];
  return parts.map((m) => m[0]).sort();
}

/** Chinese characters or full-width punctuation: a translated text has some. */
const CJK = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/u;
/** Full-width punctuation in Chinese sentences: no ASCII , : ; ! ? right after a Chinese character. */
const HALF_WIDTH_AFTER_CJK = /[\u4e00-\u9fff][,:;!?]/u;
/** Names, not sentences: the same in every language. */
const NAMES = new Set(['Go Env', 'Go Env Doctor']);

function translationProblems(en: Record<string, unknown>, zh: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(en)) if (!(key in zh)) problems.push(`${key}: missing in zh-cn`);
  for (const key of Object.keys(zh)) if (!(key in en)) problems.push(`${key}: not in English`);
  for (const [key, english] of Object.entries(en)) {
    const chinese = zh[key];
    if (typeof english !== 'string' || typeof chinese !== 'string') continue;
    if (fixedParts(english).join('\n') !== fixedParts(chinese).join('\n'))
      problems.push(`${key}: code, links or placeholders differ: ${JSON.stringify(fixedParts(chinese))}`);
    if (/[A-Za-z]{2}/.test(english) && !NAMES.has(english) && !CJK.test(chinese))
      problems.push(`${key}: not translated: ${chinese}`);
    if (HALF_WIDTH_AFTER_CJK.test(chinese)) problems.push(`${key}: half-width punctuation after Chinese: ${chinese}`);
  }
  return problems;
}

/** The string literal arguments of every `l10n.t(…)` call in a source (vscode.l10n.t or a passed-in L10n). */
export function l10nLiterals(source: string): { literals: string[]; dynamic: number } {
  const literals: string[] = [];
  let dynamic = 0;
  for (const m of source.matchAll(/\bl10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(\S))/g)) {
    const raw = m[1] ?? m[2];
    if (raw === undefined) dynamic++;
    else literals.push(raw.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)));
  }
  return { literals, dynamic };
}

describe('extension translations', () => {
  it('package.nls.json holds every %key% of package.json, and zh-cn translates every one of them', async () => {
    const pkg = await readJson('package.json');
    const en = await readJson('package.nls.json');
    const zh = await readJson('package.nls.zh-cn.json');
    const refs = nlsRefs(pkg);
    assert.ok(refs.length >= 20, `only ${refs.length} %key% references in package.json`);
    assert.deepEqual(
      refs.filter((k) => !(k in en)),
      [],
    );
    assert.deepEqual(
      Object.keys(en).filter((k) => !refs.includes(k)),
      [],
      'keys nothing uses',
    );
    assert.deepEqual(translationProblems(en, zh), []);
  });

  it('package.json contributes no English text directly (every title and description is a %key%)', async () => {
    const pkg = await readJson('package.json');
    const contributes = pkg['contributes'] as { commands: Record<string, string>[]; configuration: unknown };
    const literal: string[] = [];
    for (const c of contributes.commands)
      for (const field of ['title', 'category'])
        if (!/^%.+%$/.test(c[field] ?? '')) literal.push(`${c['command']}.${field}`);
    const walk = (v: unknown, where: string) => {
      if (!v || typeof v !== 'object') return;
      for (const [k, x] of Object.entries(v)) {
        if (/^(markdownDescription|description|patternErrorMessage|title)$/.test(k) && typeof x === 'string')
          if (!/^%.+%$/.test(x)) literal.push(`${where}.${k}`);
        walk(x, `${where}.${k}`);
      }
    };
    walk(contributes.configuration, 'configuration');
    walk(pkg['capabilities'], 'capabilities');
    assert.deepEqual(literal, []);
    assert.equal(pkg['l10n'], './l10n');
  });

  it('l10n/bundle.l10n.zh-cn.json translates every l10n.t literal in src/extension', async () => {
    const bundle = await readJson('l10n/bundle.l10n.zh-cn.json');
    const used = new Set<string>();
    const dynamic: string[] = [];
    for (const file of await tsFiles(path.join(REPO_ROOT, 'src', 'extension'))) {
      const found = l10nLiterals(await fs.readFile(file, 'utf8'));
      found.literals.forEach((l) => used.add(l));
      if (found.dynamic) dynamic.push(path.relative(REPO_ROOT, file));
    }
    assert.ok(used.size >= 30, `only ${used.size} l10n.t literals found`);
    assert.deepEqual(dynamic, [], 'l10n.t called with something other than a string literal');
    const english = Object.fromEntries([...used].map((k) => [k, k]));
    assert.deepEqual(translationProblems(english, bundle), []);
  });

  it('finds literals the way VS Code keys them, and formats English the way VS Code does', () => {
    const { literals, dynamic } = l10nLiterals(
      "vscode.l10n.t('It\\'s {0}', x); l10n.t(\"two\"); l10n.t(variable); vscode.l10n.t(\n  'wrapped',\n)",
    );
    assert.deepEqual(literals, ["It's {0}", 'two', 'wrapped']);
    assert.equal(dynamic, 1);
    assert.equal(ENGLISH.t('{0} of {1}, {0}; {2}', 'a', 3), 'a of 3, a; {2}');
  });
});
