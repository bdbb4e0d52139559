import type { common as en } from '../en/common';

export const common: Record<keyof typeof en, string> = {
  'common.list.sep': '、',
  'common.list.more': '…',
  'common.list.clauses': '；',
  'common.list.and': ' 和 ',
  'common.list.or': ' 或 ',
  'common.sentences': '{a}{b}',
  'common.join': '{a}{sep}{b}',
  'common.sentenceStart': '{text}',
  'common.verbatim': '{text}',
};
