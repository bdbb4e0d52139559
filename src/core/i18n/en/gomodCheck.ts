export const gomodCheck = {
  'check.gomod.unreadable.title': 'go.mod could not be read',
  'check.gomod.unreadable.detail': '{file}: {error}.',
  'check.gomod.malformed.title': 'go.mod is malformed',
  'check.gomod.malformed.detail':
    '{file}:{line}: {problem}. The go command will refuse this module until the line is fixed.',
  'check.gomod.badGo.title': 'go.mod has an invalid go version "{value}"',
  'check.gomod.badGo.detail':
    '{file}:{line}: the go directive takes a Go version such as 1.22 or 1.22.3. The go command refuses the module until it is fixed.',
  'check.gomod.badToolchain.title': 'go.mod has an invalid toolchain "{value}"',
  'check.gomod.badToolchain.detail':
    '{file}:{line}: the toolchain directive takes a name such as go1.22.3 (or default).',
  'check.gomod.goTooNew.title': 'go.mod needs Go {need}; this is {local}',
  'check.gomod.goTooNew.detail': '{file}:{line} says "go {value}", newer than the installed {local}. {what}',
  'check.gomod.goTooNew.noSwitch':
    '{local} predates automatic toolchain switching (Go 1.21), so it will try to build with itself and fail{note}. Install {wanted} or newer.',
  'check.gomod.goTooNew.noSwitchNote': ' (it does not even understand the toolchain line)',
  'check.gomod.goTooNew.refuse':
    'GOTOOLCHAIN={mode}, so the go command will refuse: "go.mod requires go >= {release} (running go {local}; GOTOOLCHAIN={mode})". Install {wanted}, or allow switching with GOTOOLCHAIN=auto.',
  'check.gomod.goTooNew.download':
    'With GOTOOLCHAIN={mode}, the go command will download golang.org/toolchain@v0.0.1-{wanted}.{platform} through GOPROXY ({goproxy}) and verify it against the checksum database{outcome}. Installing {wanted} ahead of time avoids that.',
  'check.gomod.goTooNew.proxyOff':
    '; GOPROXY includes "off", so that download is refused and builds fail with "toolchain not available"',
  'check.gomod.goTooNew.mayFail':
    '; if that proxy or the checksum database is unreachable it fails with "toolchain not available"',
  'check.gomod.toolchainNewer.title': 'go.mod asks for toolchain {value}',
  'check.gomod.toolchainNewer.switches':
    '{file}:{line}: with GOTOOLCHAIN={gotoolchain}, the go command will download {value} through GOPROXY ({goproxy}) before building. Installing it now avoids that wait.',
  'check.gomod.toolchainNewer.local':
    '{file}:{line}: GOTOOLCHAIN=local, so {local} is used and the toolchain line is ignored.',
  'check.gomod.toolchainNewer.old':
    '{file}:{line}: {local} predates the toolchain directive (Go 1.21) and fails with "unknown directive: toolchain". Install a newer Go.',
  'check.gomod.ok.title': "go.mod's Go version {need} is satisfied by {local}",
  'check.gowork.goTooOld.title': 'go.work says go {workGo}, but {use} needs go {modGo}',
  'check.gowork.goTooOld.detail':
    '{file}:{line} says "go {workGo}", lower than "go {modGo}" in {goMod}:{modLine}. go refuses the workspace: "go: module {use} listed in go.work file requires go >= {modGo}, but go.work lists go {workGo}". Run go work use in {dir} (it raises the go line), or set it to go {modGo} by hand.',
  'check.gowork.fix': "Raise go.work's go line to {version}",
} as const;
