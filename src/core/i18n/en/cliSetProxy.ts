// What set-proxy and restore-proxy print for a person. See ../catalog.ts.
export const cliSetProxy = {
  'cli.setProxy.file.notSet': 'not set in the file',
  'cli.setProxy.file.empty': 'set to an empty value',
  'cli.setProxy.file.uses': '{setting} (go uses {effective})',
  'cli.setProxy.file.default': 'its default',
  'cli.setProxy.col.mirror': 'MIRROR',
  'cli.setProxy.col.median': 'MEDIAN',
  'cli.setProxy.col.verdict': 'VERDICT',
  'cli.setProxy.row.fastest': 'healthy, fastest',
  'cli.setProxy.row.healthy': 'healthy',
  'cli.setProxy.row.rejected': 'rejected: {reason}',
  'cli.setProxy.row.unknown': 'unknown',
  'cli.setProxy.checked.one': 'Checked 1 mirror in {ms} ms: {healthy} healthy.',
  'cli.setProxy.checked.many': 'Checked {count} mirrors in {ms} ms: {healthy} healthy.',
  'cli.setProxy.reference.hash': 'Each must serve {module}@{version} with a go.mod hashing to {hash}, {detail}.',
  'cli.setProxy.reference': 'Each must serve {module}@{version}: {detail}.',
  'cli.setProxy.blocked':
    'No mirror can be used, so GOPROXY was left as it is ({previous}). Each line above says why; run `go-env-doctor diagnose` for the network details.',
  'cli.setProxy.cache': 'Module cache: {dir}',
  'cli.setProxy.cache.absent':
    'Module cache: {dir} (it does not exist yet: nothing is cached, so every module will be missing offline)',
  'cli.setProxy.goMod.unreadable': '{goMod} cannot be read ({problem}).',
  'cli.setProxy.goMod.allCached': 'All {count} modules {goMod} requires are in the cache.',
  'cli.setProxy.goMod.someMissing':
    '{missing} of the {count} modules {goMod} requires are not fully in the cache (builds that need them will fail offline):',
  'cli.setProxy.module.missing': 'missing',
  'cli.setProxy.module.modOnly': 'only its go.mod is cached (no source)',
  'cli.setProxy.module.replaced': ' (replaced by {by})',
  'cli.setProxy.fetch': 'Fetch them while online with `go mod download` in {dir}.',
  'cli.setProxy.noGoMod': 'No go.mod governs this directory, so no module list was checked.',
  'cli.setProxy.sumdb': 'Checksum database: {message}',
  'cli.setProxy.inFile': 'GOPROXY in {file}',
  'cli.setProxy.before': '  before: {value}',
  'cli.setProxy.after': '  after:  {value}',
  'cli.setProxy.dryRun.unchanged': 'Dry run: the go env file already holds this value; nothing would be written.',
  'cli.setProxy.dryRun': 'Dry run: nothing was written. Run the same command without --dry-run to write it.',
  'cli.setProxy.unchanged': 'The go env file already holds this value; nothing was written.',
  'cli.setProxy.written':
    'Written with `go env -w`. The previous value is saved; undo with: go-env-doctor restore-proxy',
  'cli.setProxy.otherChanged': '[!] go also changed {names} in {file} while writing; check the file.',
  'cli.setProxy.override.dryRun':
    '[✗] This change would not take effect: GOPROXY={value} is set in the OS environment, and that beats the go env file.',
  'cli.setProxy.override':
    '[✗] This change does not take effect yet: GOPROXY={value} is set in the OS environment, and that beats the go env file.',
  'cli.restore.nothing': 'Nothing to restore: {reason}',
  'cli.restore.kept': '(Saved changes are kept in {file}.)',
  'cli.restore.changedSince':
    '[!] GOPROXY had been changed to {value} after go-env-doctor wrote {wrote}; that later value was replaced too.',
  'cli.restore.override':
    '[!] GOPROXY={value} in the OS environment still decides what go uses (it did before, too). {explanation}',
} as const;
