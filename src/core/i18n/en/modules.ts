// Module repairs and their fixes (core/modules). `{name}` is a parameter; see ../catalog.ts.
export const modules = {
  'modules.fix.repairGoSum': 'Remove the {module} {version} lines and let go re-add verified ones (go mod tidy)',
  'modules.fix.redownload': 'Download {module}@{version} again (only this module)',
  'modules.fix.cleanModcache': 'Last resort: empty the whole module cache ({size}); go downloads what it needs again',
  'modules.go.spawn': '{go} could not be started: {error}.',
  'modules.go.timeout': '`{command}` in {cwd} did not finish within {ms} ms.',
  'modules.go.failed': '`{command}` in {cwd} failed: {stderr}',
  'modules.go.exitStatus': 'exit status {code}',
  'modules.redownload.remedy':
    'Run `go mod download {module}@{version}` in {cwd} to see the error. If it keeps failing, `go clean -modcache` empties the whole cache.',
  'modules.repairGoSum.remedy':
    'go.sum was put back as it was. Run `go mod tidy` in {dir} to see the error; if the mirror serves wrong content, switch GOPROXY first.',
  'modules.progress.removing': 'Removing {module}@{version} from the module cache',
  'modules.progress.downloading': 'Downloading {module}@{version} again (go mod download)',
  'modules.problem.outOfTime': 'the checksum database did not answer for every line within {ms} ms',
  'modules.problem.noMirror': 'GOPROXY names no mirror to ask',
  'modules.problem.mirrorStatus': 'the mirror answered HTTP {status}',
  'modules.corrupt.noZiphash': 'its .ziphash file ({path}) is missing or empty',
  'modules.corrupt.ziphashDiffers': 'the cached .ziphash says {cached}, but go.sum says {goSum}',
  'modules.corrupt.zipUnreadable': 'its zip cannot be read: {error}',
  'modules.corrupt.zipHash': 'its cached zip does not hash to {hash}',
  'modules.corrupt.dirUnreadable': 'its directory cannot be read: {error}',
  'modules.corrupt.dirHash': 'its extracted directory does not hash to {hash}',
} as const;
