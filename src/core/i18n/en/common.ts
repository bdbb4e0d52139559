// English templates shared by several checks. `{name}` is a parameter; see ../catalog.ts.
export const common = {
  'common.list.sep': ', ',
  'common.list.more': '…',
  /** Between clauses, each of which may hold commas. */
  'common.list.clauses': '; ',
  'common.list.and': ' and ',
  'common.list.or': ' or ',
  /** Two sentences in a row. */
  'common.sentences': '{a} {b}',
  'common.join': '{a}{sep}{b}',
  /** A clause that starts a sentence: rendered with a capital first letter in English. */
  'common.sentenceStart': '{text}',
  /** Text that is not ours to translate (an older finding's English, a server's words). */
  'common.verbatim': '{text}',
} as const;
