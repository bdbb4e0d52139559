// Messages for findings and fixes assembled in steps: a fix whose title is given as a Message, a
// finding whose detail another check extends, a list of fragments joined in the user's language.
import type { Finding, Fix } from '../findings';
import { msg, type Message, type Param } from '../i18n/message';
import { findingWords, fixWords } from '../i18n/words';

/** A fix title: a Message (rendered to English, and kept for other languages), or plain text. */
export function fixTitle(title: string | Message): { title: string; text?: { title: Message } } {
  return typeof title === 'string' ? { title } : fixWords(title);
}

/** A fix another module builds from an English title, carrying that title as a Message too. */
export function titledFix(title: Message, build: (english: string) => Fix): Fix {
  const words = fixWords(title);
  return { ...build(words.title), text: words.text };
}

/** The finding's title as a Message (its English as it is, for findings without Messages). */
export function titleText(f: Pick<Finding, 'title' | 'text'>): Message {
  return f.text?.title ?? msg('common.verbatim', { text: f.title });
}

/** The finding with its title and detail rewritten from the current ones, in Messages and in English alike. */
export function reworded(
  f: Finding,
  wrap: { title?: (title: Message) => Message; detail?: (detail: Message) => Param },
): Finding {
  const title = wrap.title ? wrap.title(titleText(f)) : titleText(f);
  const detail = f.text?.detail ?? verbatim(f.detail);
  return { ...f, ...findingWords(title, wrap.detail ? verbatim(wrap.detail(detail)) : detail) };
}

/** Outside text (a server's words, another module's English) as a Message. */
export function verbatim(text: Param): Message {
  return typeof text === 'object' ? text : msg('common.verbatim', { text });
}

/** Sentences one after another (a space between them in English, none in Chinese). */
export function sentences(parts: readonly Param[]): Param {
  if (parts.length === 0) return '';
  return parts.slice(1).reduce<Param>((a, b) => msg('check.sentences', { a, b }), parts[0]!);
}

/** `parts` joined by the language's list separator (or `sep`); '' for none. */
export function joined(parts: readonly Param[], sep: Param = msg('common.list.sep')): Param {
  if (parts.length === 0) return '';
  return parts.slice(1).reduce<Param>((a, b) => msg('check.join', { a, sep, b }), parts[0]!);
}
