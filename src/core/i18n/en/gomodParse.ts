// What is wrong with a go.mod line (core/gomod/parse.ts). `{name}` is a parameter; see ../catalog.ts.
export const gomodParse = {
  'gomod.parse.block': '"{verb}" cannot be a block',
  'gomod.parse.usage': 'usage: {verb} {example}',
  'gomod.parse.repeated': 'repeated {verb} statement (first on line {line})',
  'gomod.parse.unclosed': 'block opened here is never closed with ")"',
} as const;
