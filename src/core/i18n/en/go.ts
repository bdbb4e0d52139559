// The go command's settings and files (core/go, core/gomod, core/toolchainPlan, the diagnosis).
// `{name}` is a parameter; see ../catalog.ts.
export const go = {
  'go.envFileUnreadable.title': 'The go env file cannot be read',
  'go.envFileUnreadable.detail':
    '{path}: {error}. The go command ignores settings it cannot read, and `go env -w` will fail. Fix its permissions or remove it.',
  'go.goproxy.notKeywordOrUrl': 'it is neither a keyword (direct, off) nor a URL with a scheme',
  'go.goproxy.badUrl': 'it is not a valid URL',
  'go.goproxy.scheme': 'the scheme "{scheme}" is not supported (use https://, http:// or file://)',
  'go.goproxy.noHost': 'it has no host',
  'go.gosumdb.empty': 'it is empty',
  'go.gosumdb.tooManyFields': 'it has too many fields (expected a key, optionally followed by a URL)',
  'go.gosumdb.keyHash': 'its key hash does not match the key',
  'go.gosumdb.notKey': 'it is neither a known database name nor a verifier key (name+hash+key)',
  'go.gosumdb.badName': 'the database name "{name}" is not of the form host[/path]',
  'go.gosumdb.scheme': 'the URL scheme "{scheme}" is not supported',
  'go.gosumdb.badUrl': '"{url}" is not a valid URL',
} as const;
