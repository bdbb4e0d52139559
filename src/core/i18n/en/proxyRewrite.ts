// Errors of set-proxy and restore-proxy (core/proxyRewrite). `{name}` is a parameter; see ../catalog.ts.
export const proxyRewrite = {
  'proxyRewrite.goNotFound.explicit': 'The go binary {go} does not exist or is not executable.',
  'proxyRewrite.goNotFound.searched': 'No go binary was found (looked in {count} places, PATH first).',
  'proxyRewrite.goNotFound.remedy': 'Install Go (`go-env-doctor install latest`) or pass the one to use with --go.',
  'proxyRewrite.goenvOff.message':
    'GOENV is "off", so the go command reads no go env file and `go env -w` cannot write one.',
  'proxyRewrite.goenvOff.remedy':
    'Unset GOENV (or point it at a file) to let go-env-doctor change settings, or set GOPROXY in the environment yourself.',
  'proxyRewrite.invalidGoproxy.message': 'GOPROXY "{value}" is not valid: {why}.',
  'proxyRewrite.invalidGoproxy.remedy':
    'Entries are https:// (or http://, file://) URLs or the keywords direct and off, separated by "," (next on 404/410) or "|" (next on any error).',
  'proxyRewrite.noModCache.message': '`go env GOMODCACHE` is empty, so there is no module cache to work from.',
  'proxyRewrite.noModCache.remedy':
    'Set GOPATH or GOMODCACHE (go env -w GOMODCACHE=...), download the modules once while online, then try again.',
  'proxyRewrite.noHealthyMirror': 'no candidate mirror is healthy, so GOPROXY was left as it is',
  'proxyRewrite.noValue': 'the plan has no value',
  'proxyRewrite.nothingToWrite.message': 'Nothing to write: {why}.',
  'proxyRewrite.nothingToWrite.remedy': 'Look at the reasons each mirror was rejected.',
  'proxyRewrite.changed.message': 'GOPROXY in {file} changed since the plan was made (it was {before}, now {now}).',
  'proxyRewrite.changed.envFile': 'the go env file',
  'proxyRewrite.changed.notSet': 'not set',
  'proxyRewrite.changed.remedy': 'Plan again, so the saved previous value is the one really there.',
  'proxyRewrite.goEnv.timeout': 'did not answer within {ms} ms',
  'proxyRewrite.goEnv.cancelled': 'was cancelled',
  'proxyRewrite.goEnv.spawn': 'could not be started ({code}: {error})',
  'proxyRewrite.goEnv.notJson': 'printed something that is not go env output',
  'proxyRewrite.failed.code': 'failed with exit code {code}',
  'proxyRewrite.failed.signal': 'failed (killed by {signal})',
  'proxyRewrite.failedSaid': '{failed}: {stderr}',
  'proxyRewrite.goEnvFailed.message': '`{go} env -json` {reason}.',
  'proxyRewrite.goEnvFailed.remedy':
    'Run `go-env-doctor diagnose` to find out what is wrong with this go, or pass another with --go.',
  'proxyRewrite.envFileUnreadable.message': 'The go env file {file} cannot be read: {error}.',
  'proxyRewrite.envFileUnreadable.remedy':
    'Fix its permissions (it must be readable and writable by you), then try again.',
  'proxyRewrite.write.failed': '`{command}` {failed}: {stderr}.',
  'proxyRewrite.write.noMessage': 'no message',
  'proxyRewrite.write.timeout': '`{command}` did not finish within {ms} ms.',
  'proxyRewrite.write.cancelled': '`{command}` was cancelled.',
  'proxyRewrite.write.cancelled.remedy': 'Run the command again.',
  'proxyRewrite.write.spawn': '`{command}` could not be started ({code}: {error}).',
  'proxyRewrite.write.spawn.remedy': 'Pass a working go with --go.',
  'proxyRewrite.write.remedy':
    'Check that the go env file is writable (`go env GOENV` names it) and that GOENV is not "off"; run the same command yourself to see go\'s full error.',
  'proxyRewrite.state.unreadable.message': 'The saved proxy settings in {file} cannot be read: {error}.',
  'proxyRewrite.state.unreadable.remedy': "Fix the file's permissions.",
  'proxyRewrite.state.corrupt.message': 'The saved proxy settings in {file} are not in the expected format ({error}).',
  'proxyRewrite.state.corrupt.remedy':
    'Look at the file: it records what GOPROXY was before go-env-doctor changed it. Move it aside to start afresh.',
  'proxyRewrite.state.unwritable.message': 'Cannot save the previous proxy settings to {file}: {error}.',
  'proxyRewrite.state.unwritable.remedy':
    'Make the directory writable (or set XDG_STATE_HOME to a writable one); nothing was changed.',
} as const;
