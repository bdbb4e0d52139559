export const envPatterns = {
  'check.env.lookalike.fullwidthComma': 'a full-width comma (，)',
  'check.env.lookalike.ideographicComma': 'an ideographic comma (、)',
  'check.env.lookalike.fullwidthBar': 'a full-width vertical bar (｜)',
  'check.env.lookalike.ideographicSpace': 'an ideographic space (U+3000)',
  'check.env.lookalike.noBreakSpace': 'a no-break space (U+00A0)',
  'check.env.lookalike.zeroWidthSpace': 'a zero-width space (U+200B)',
  'check.env.lookalike.zeroWidthNonJoiner': 'a zero-width non-joiner (U+200C)',
  'check.env.lookalike.zeroWidthJoiner': 'a zero-width joiner (U+200D)',
  'check.env.lookalike.byteOrderMark': 'a byte order mark (U+FEFF)',
  'check.env.lookalike.curlyQuote': 'a curly quote ({char})',
  'check.env.lookalike.fullwidthColon': 'a full-width colon (：)',
  'check.env.lookalike.fullwidthSlash': 'a full-width slash (／)',
  'check.env.lookalike.at': '{char} at character {at}',
  'check.env.lookalike.title.one': '{name} contains a character that looks like punctuation or white space',
  'check.env.lookalike.title.many': '{name} contains characters that look like punctuation or white space',
  'check.env.lookalike.detail':
    '{name} is "{value}": it contains {where} (often typed with an input method or pasted from a web page or chat). {effect} Set it again with plain characters: "{cleaned}".',
  'check.env.lookalike.effect.proxy':
    'The go command does not treat it as a separator or as white space, so the entry around it is not the URL you meant and downloads through it fail.',
  'check.env.lookalike.effect.pattern':
    'The go command does not treat it as a separator or as white space, so the pattern around it matches no module path and those modules are not treated as private.',
  'check.env.fix.retype': 'Retype {name} with plain ASCII characters',
  'check.env.broad.everything': '"{pattern}" matches every module path',
  'check.env.broad.sharedHost':
    '"{pattern}" is a public host serving the modules of many owners, so it matches all of them',
  'check.env.broad.title': '{name} pattern "{pattern}" covers much more than your own modules',
  'check.env.broad.detail':
    '{name} is "{value}": {why}. {effect}. List only your own code: the host of your private server (git.corp.example), or host/organisation on a shared host (github.com/your-org).',
  'check.env.broad.effect.nosumdb':
    'Modules it matches are never checked against the checksum database, so a tampered proxy or origin goes unnoticed for public code too',
  'check.env.broad.effect.noproxy':
    'Modules it matches skip GOPROXY and come from their origins, which must then all be reachable',
  'check.env.broad.effect.insecure': 'Modules it matches may be fetched over plain HTTP or without certificate checks',
  'check.env.fix.removePattern': 'Remove "{pattern}" from {name}',
} as const;
