// Messages to text in one language. Parameters that are Messages render in the same language;
// strings are inserted as they are (outside text is made inert and redacted by the surfaces).
import { CATALOGS } from './catalog';
import type { Lang } from './lang';
import type { Message, Param } from './message';
import { capitalize } from '../text';

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

export function render(message: Message, lang: Lang): string {
  const template = CATALOGS[lang][message.key] ?? CATALOGS.en[message.key] ?? message.key;
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = message.params?.[name];
    return value === undefined ? whole : renderParam(value, lang);
  });
  // English sentences start with a capital; a clause written to follow other words gets one here.
  return message.key === 'common.sentenceStart' && lang === 'en' ? capitalize(text) : text;
}

function renderParam(value: Param, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return render(value, lang);
}

/** The `{name}` placeholders of a template, sorted (the catalog test compares languages). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}
