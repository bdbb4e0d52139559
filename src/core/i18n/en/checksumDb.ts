export const checksumDb = {
  'check.sumdb.invalid.title': 'GOSUMDB is not valid',
  'check.sumdb.invalid.detail':
    'GOSUMDB={setting}: {reason}. The go command refuses to download modules it cannot verify, so downloads fail. Use the default (sum.golang.org) or sum.golang.google.cn.',
  'check.sumdb.fix.default': 'Use the default checksum database',
  'check.sumdb.fix.china': 'Use the official mirror of sum.golang.org that is reachable from mainland China',
  'check.sumdb.fix.forwardingProxy': 'Use a GOPROXY mirror that also forwards the checksum database',
  'check.sumdb.reason.explicit': 'GOSUMDB names {url}, which the go command uses directly (not through GOPROXY)',
  'check.sumdb.reason.noneBefore':
    'No GOPROXY entry before "{entry}" forwards {db}, so the go command contacts it directly',
  'check.sumdb.reason.startsWith': 'GOPROXY starts with "{entry}", so the go command contacts {db} directly',
  'check.sumdb.reason.none': 'No GOPROXY entry forwards {db}, so the go command contacts it directly',
  'check.sumdb.file.holds': '{reason}, and it holds a signed tree head.',
  'check.sumdb.file.notTree': '{reason}, but its latest file is not a signed tree head.',
  'check.sumdb.file.unreadable': '{reason}, but it cannot be read ({code}).',
  'check.sumdb.direct.answers': '{reason}{via}, and it answers.',
  'check.sumdb.direct.failed': '{reason}, and {url} failed: {problem}',
  'check.sumdb.via': ' (via the HTTP proxy {proxy})',
  'check.sumdb.fileProxy':
    "The go command reads it from the file:// GOPROXY entry {entry}, which holds the database's files.",
  'check.sumdb.supportedFailed':
    'The go command first asks {entry} whether it forwards {db} ({url}), and that failed: {cause} Because a "," follows that entry, it does not try further, so checksums cannot be verified and module downloads fail.',
  'check.sumdb.proxy.answers': 'The go command reaches it through the GOPROXY entry {entry}, which forwards it{via}.',
  'check.sumdb.proxy.failed':
    '{entry} says it forwards {db} (/sumdb/{db}/supported answered 200), so the go command uses only that proxy for it, but fetching {url} failed: {problem}',
  'check.sumdb.notTreeHead': 'the answer is not a tree head signed by {db}{html}.',
  'check.sumdb.notTreeHead.html': ' but an HTML page (a captive portal or a login page, typically)',
  'check.sumdb.notFoundHint': " The server does not serve {db}'s tree head there.",
  'check.sumdb.ok.title': 'Checksum database {db} is reachable',
  'check.sumdb.ok.detail': '{how}{timing}',
  'check.sumdb.ok.timing': ' Its latest signed tree head came in {ms} ({steps}).',
  'check.sumdb.unreachable.title': 'Checksum database {db} is unreachable',
  'check.sumdb.unreachable.detail':
    '{why} The go command verifies every module it downloads (and every toolchain) against this database. Point GOSUMDB at a mirror you can reach, or use a GOPROXY that forwards the database; do not turn verification off.',
} as const;
