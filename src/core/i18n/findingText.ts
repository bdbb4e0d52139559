// Finding and fix text assembled in steps: a finding's text as Messages (its own, or its English
// wrapped verbatim for findings built before the catalog), a finding another layer extends, a fix
// title given as a Message.
import type { Finding, FindingText, Fix } from '../findings';
import { msg, type Message, type Param } from './message';
import { findingWords, fixWords } from './words';

/** Outside text (a server's words, another module's English) as a Message. */
export function verbatim(text: Param): Message {
  return typeof text === 'object' ? text : msg('common.verbatim', { text });
}

/** A finding's title and detail as Messages, so a layer that extends it keeps both languages. */
export function findingText(f: Pick<Finding, 'title' | 'detail' | 'text'>): FindingText {
  return f.text ?? { title: verbatim(f.title), detail: verbatim(f.detail) };
}

/** The finding with its title and detail rewritten from the current ones, in Messages and in English alike. */
export function reworded(
  f: Finding,
  wrap: { title?: (title: Message) => Message; detail?: (detail: Message) => Param },
): Finding {
  const { title, detail } = findingText(f);
  return {
    ...f,
    ...findingWords(wrap.title ? wrap.title(title) : title, wrap.detail ? verbatim(wrap.detail(detail)) : detail),
  };
}

/** A fix title: a Message (rendered to English, and kept for other languages), or plain text. */
export function fixTitle(title: string | Message): { title: string; text?: { title: Message } } {
  return typeof title === 'string' ? { title } : fixWords(title);
}

/** A fix another module builds from an English title, carrying that title as a Message too. */
export function titledFix(title: Message, build: (english: string) => Fix): Fix {
  const words = fixWords(title);
  return { ...build(words.title), text: words.text };
}
