// Whether a finding reads as Chinese: each finding and fix carries its Messages, every key has a
// Chinese template, no `{placeholder}` is left, and no English sentence remains, neither in our
// templates nor in the text as the user sees it. Outside text (a server's answer, a path, go's
// own output) is masked before the English test: it is not ours to translate.
import type { Finding } from '../../src/core/findings';
import { CATALOGS } from '../../src/core/i18n/catalog';
import { localizeFinding } from '../../src/core/i18n/localize';
import type { Lang } from '../../src/core/i18n/lang';
import type { Message, Param } from '../../src/core/i18n/message';

/** What outside text becomes before the English test: no letters, so it ends any run of words. */
const MASK = '◇';
const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** The Message in `lang` with every string parameter (outside text) masked. */
function renderOurs(m: Message, lang: Lang): string {
  const param = (p: Param): string =>
    typeof p === 'string' ? MASK : typeof p === 'number' ? String(p) : renderOurs(p, lang);
  return CATALOGS[lang][m.key].replace(PLACEHOLDER, (whole, name: string) => {
    const p = m.params?.[name];
    return p === undefined ? whole : param(p);
  });
}

function keysOf(m: Message): string[] {
  const nested = Object.values(m.params ?? {}).flatMap((p) => (typeof p === 'object' ? keysOf(p) : []));
  return [m.key, ...nested];
}

/**
 * Runs of 4+ English words: lower-case or capitalised alphabetic words next to each other. Code in
 * backticks, quoted text (what go prints, a value), URLs, identifiers (GOPROXY, go.mod, go1.22,
 * paths, hosts, `-mod=vendor`) are not words; Chinese characters and punctuation end a run.
 */
export function englishRuns(text: string, min = 4): string[] {
  const words = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/“[^”]*”|"[^"]*"/g, ' ')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, ' ')
    .replace(/[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+/g, ' | ')
    .split(/\s+/);
  const runs: string[] = [];
  let run: string[] = [];
  for (const w of [...words, '|']) {
    if (/^[A-Z]?[a-z]+[,.;:!?]?$/.test(w)) run.push(w);
    else {
      if (run.length >= min) runs.push(run.join(' '));
      run = [];
    }
  }
  return runs;
}

/**
 * Everything wrong with a finding in Chinese, as readable lines (empty: none). `outside` lists text
 * in the finding that is not ours (a program's output, a server's words): the fully rendered text
 * may keep it in English, and nothing else.
 */
export function zhProblems(f: Finding, outside: readonly string[] = []): string[] {
  const where = `${f.id} "${f.title}"`;
  const messages: [string, Message | undefined][] = [
    ['title', f.text?.title],
    ['detail', f.text?.detail],
    ...(f.fixes ?? []).map((x, i): [string, Message | undefined] => [`fix ${i} "${x.title}"`, x.text?.title]),
  ];
  const out: string[] = [];
  for (const [part, m] of messages) {
    if (!m) {
      out.push(`${where}: ${part} has no Message`);
      continue;
    }
    for (const key of keysOf(m)) {
      const en = CATALOGS.en[key as keyof typeof CATALOGS.en];
      const zh = CATALOGS['zh-CN'][key as keyof typeof CATALOGS.en];
      if (zh === undefined) out.push(`${where}: ${part}: ${key} is not in the catalog`);
      else if (zh === en && englishRuns(en.replace(PLACEHOLDER, MASK)).length > 0)
        out.push(`${where}: ${part}: ${key} is untranslated`);
    }
    for (const run of englishRuns(renderOurs(m, 'zh-CN'))) out.push(`${where}: ${part}: English left: "${run}"`);
  }
  const zh = localizeFinding(f, 'zh-CN');
  for (const text of [zh.title, zh.detail, ...(zh.fixes ?? []).map((x) => x.title)]) {
    const left = /\{[A-Za-z0-9_]+\}/.exec(text);
    if (left) out.push(`${where}: placeholder ${left[0]} left in "${text}"`);
    // Parameters that are Messages render in Chinese too: what stays English must be outside text.
    const ours = outside.reduce((t, o) => t.split(o).join(MASK), text);
    for (const run of englishRuns(ours)) out.push(`${where}: English in the rendered text: "${run}" in "${text}"`);
  }
  return out;
}
