export const checksumGoSum = {
  'check.gosum.notCompared': 'not compared (only the first disputed lines are)',
  'check.gosum.noAnswer': 'no answer within {ms} ms',
  'check.gosum.why.dbMatches':
    'The mirror {mirror} serves content matching the database, so go.sum was edited or written from another source: the tag was probably moved upstream after the database logged it, and the line came from a direct download.',
  'check.gosum.why.goSumMatches':
    'The mirror {mirror} serves content matching go.sum, not the database: the mirror is wrong (it serves content the database never logged), and go.sum was written without verification. Switch GOPROXY to a trustworthy mirror (go-env-doctor set-proxy --auto) before re-adding the line.',
  'check.gosum.why.third':
    'The mirror {mirror} serves a third version ({hash}), matching neither: the mirror is wrong too. Switch GOPROXY to a trustworthy mirror (go-env-doctor set-proxy --auto) before re-adding the line.',
  'check.gosum.why.notCompared': 'What the mirror serves could not be compared ({problem}).',
  'check.gosum.mismatch.title': 'go.sum disagrees with the checksum database for {module} {version}',
  'check.gosum.mismatch.detail':
    '{file}:{line} records {what} {hash}, but the checksum database {db} (signature and proof verified) records {dbHash}. The go command refuses to build with this line (SECURITY ERROR: checksum mismatch). {why} Fix: remove the line and let go re-add a verified one (go mod tidy).',
  'check.gosum.skipped': ' {n} line(s) matched by GONOSUMDB/GOPRIVATE were not looked up.',
  'check.gosum.cached': ' {n} came from records verified earlier.',
  'check.gosum.incomplete.title.one': 'Verified {verified} of {checked} go.sum line against the checksum database',
  'check.gosum.incomplete.title.many': 'Verified {verified} of {checked} go.sum lines against the checksum database',
  'check.gosum.incomplete.detail':
    '{n} line(s) in {files} go.sum file(s) were not verified: {problem}.{cached}{skipped} Run `go-env-doctor diagnose --modules` to verify every line without a time limit.',
  'check.gosum.incomplete.noRecord': 'the database has no record of them',
  'check.gosum.ok.title.one': 'All {verified} of {checked} go.sum line agree with the checksum database',
  'check.gosum.ok.title.many': 'All {verified} of {checked} go.sum lines agree with the checksum database',
  'check.gosum.ok.detail':
    'Each line was compared with the record of {db}{via}, verified like the go command does (signed tree head, inclusion proof, consistency).{cached}{skipped}',
  'check.gosum.ok.via': ' (reached at {via})',
  'check.modcache.ok.title': 'The {n} module version(s) of this project in the module cache are intact',
  'check.modcache.ok.detail':
    'Each extracted directory (and zip) in {cache} hashes to what go.sum and the cached .ziphash say, as `go mod verify` checks.{absent}',
  'check.modcache.ok.absent': ' {n} module version(s) are not downloaded yet; go fetches them when needed.',
  'check.modcache.corrupt.title': 'The module cache copy of {module}@{version} is damaged',
  'check.modcache.corrupt.detail':
    '{dir}: {problem}.{files} The go command builds from this directory as it is, and `go mod verify` fails. Fix: download only this module again (its directory and cached zip are removed first); empty the whole cache only if that does not help.',
  'check.modcache.files': ' {label}: {names}{more}.',
  'check.modcache.files.more': ' and {n} more',
  'check.modcache.files.changed': 'Changed',
  'check.modcache.files.missing': 'Missing',
  'check.modcache.files.extra': 'Extra',
} as const;
