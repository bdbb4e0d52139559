// English templates shared by several checks. `{name}` is a parameter; see ../catalog.ts.
export const common = {
  'common.list.sep': ', ',
  'common.list.more': '…',
  /** Text that is not ours to translate (an older finding's English, a server's words). */
  'common.verbatim': '{text}',
} as const;
