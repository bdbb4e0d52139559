// Fragments put together in the user's language: lists, failures, sentences one after another.
import { msg, type Message, type Param } from './message';

/** `parts` joined by the language's list separator (or `sep`); '' for none. */
export function joined(parts: readonly Param[], sep: Param = msg('common.list.sep')): Param {
  if (parts.length === 0) return '';
  return parts.slice(1).reduce<Param>((a, b) => msg('common.join', { a, sep, b }), parts[0]!);
}

/** A list of failures as one Param: "a; b; c" in English, "a；b；c" in Chinese. */
export function joinFailures(items: readonly Param[]): Param {
  return joined(items, msg('common.list.clauses'));
}

/** "a and b", "a or b" (in the user's language). */
export function alternatives(items: readonly Param[], word: 'and' | 'or'): Param {
  return joined(items, msg(word === 'and' ? 'common.list.and' : 'common.list.or'));
}

/** A clause that starts a sentence ("the name x does not resolve" → "The name x does not resolve"). */
export function sentenceStart(text: Param): Message {
  return msg('common.sentenceStart', { text });
}

/** A sentence placed right after a template's last one (a space before it in English). */
export function appended(sentence: Param): Message {
  return msg('common.sentences', { a: '', b: sentence });
}

/** Sentences one after another (a space between them in English, none in Chinese). */
export function sentences(parts: readonly Param[]): Param {
  if (parts.length === 0) return '';
  return parts.slice(1).reduce<Param>((a, b) => msg('common.sentences', { a, b }), parts[0]!);
}
