export const whichGo = {
  'check.fix.installLatest': 'Install the latest Go (verified)',
  'check.fix.reinstall': 'Reinstall Go {version} (verified)',
  'check.go.notFound.explicit.title': 'The configured go binary does not exist',
  'check.go.notFound.explicit.detail':
    'No executable go at {path}, the path given by --go or the goEnv.goPath setting. Fix the path, or clear it to let Go Env Doctor search PATH and the usual install locations.',
  'check.go.notFound.title': 'No go binary found',
  'check.go.notFound.detail':
    'go is not on PATH and not in any of the usual install locations ({searched}, ~/sdk/go*). Install Go, or add its bin directory to PATH (for example export PATH="$PATH:/usr/local/go/bin" in your shell profile), then restart the terminal or editor.',
  'check.go.timeout.title': '`{what}` did not finish within {ms} ms',
  'check.go.timeout.detail':
    '{go} hung and was stopped. A wrapper script waiting for input, a GOROOT on a stalled network drive, or an antivirus scan can cause this. Run `{go} {args}` in a terminal to see where it waits.',
  'check.go.spawn.title': '{go} could not be started',
  'check.go.spawn.detail':
    'Starting it failed with {code}: {message}. Check that it is a go binary for this OS and architecture and that it is executable.',
  'check.go.failed.title': '`{what}` failed',
  'check.go.failed.killed': '{go} was killed by {signal}',
  'check.go.failed.exited': '{go} exited with status {code}',
  'check.go.failed.detail.stderr': '{how}: {stderr}.{hint}',
  'check.go.failed.detail.silent': '{how} and printed nothing on stderr.{hint}',
  'check.go.failed.envHint':
    ' The go env file looks damaged: fix or remove the line it names (`go env GOENV` prints where it is).',
  'check.go.badOutput.title': '`{what}` printed something that is not what go prints',
  'check.go.badOutput.detail':
    'Expected {expected}, got {got}. {go} is probably a wrapper script or a different program named go; point --go / goEnv.goPath at the real go binary.',
  'check.go.cancelled.title': 'Cancelled',
  'check.go.cancelled.detail': 'The diagnosis was cancelled before go answered.',
  'check.go.ok.title': '{version} {goos}/{goarch}',
  'check.go.ok.detail': '{go}{goroot} answered in {ms} ms.',
  'check.go.ok.goroot': ' (GOROOT {goroot})',
  'check.go.describe': '{version} at {path}',
  'check.go.versionUnknown': 'version unknown',
  'check.go.place.PATH': 'on PATH',
  'check.go.place.wellKnown': 'install location',
  'check.go.place.editor': 'editor setting',
  'check.go.place.pathIndex': 'PATH #{n}',
  'check.go.all.line': '{go}{real} ({where}{marks})',
  'check.go.all.marks': '; {marks}',
  'check.go.all.markSep': '; ',
  'check.go.all.terminal': 'a terminal runs this one',
  'check.go.all.editor': 'the editor runs this one ({setting})',
  'check.go.all.title.one': '1 go binary on this machine',
  'check.go.all.title.many': '{count} go binaries on this machine',
  'check.go.all.none': 'No go binary on PATH or in the usual install locations.',
  'check.go.shadowed.title': 'A different go runs than the one you expect',
  'check.go.shadowed.older':
    'A terminal runs {terminal}, first on PATH, although {newer} is installed: the older one shadows it.',
  'check.go.shadowed.editor':
    'The editor runs {editor} (from {setting}), a terminal runs {terminal}: builds and tests can behave differently in each.',
  'check.go.shadowed.detail':
    '{causes} Put the go you want first on PATH (in your shell profile, so every new terminal and the editor started from it agree), or remove the older one.',
  'check.go.arch.title': 'go is built for {goarch}, this machine is {native}',
  'check.go.arch.detail':
    '{path} is the {goos}/{goarch} build of {version}, running under {emulator} on this {native} machine: builds are slower, programs are built for {goarch} unless GOARCH says otherwise, and cgo and the race detector can fail. Install the {goos}/{native} build of the same version and remove this one.',
  'check.go.arch.emulator.darwin': 'Rosetta 2',
  'check.go.arch.emulator.win32': 'Windows emulation (WOW64)',
  'check.go.arch.emulator.linux': 'emulation (qemu/binfmt)',
  'check.go.arch.emulator.other': 'emulation',
  'check.go.arch.fix': 'Install the {native} build of Go {version} (verified)',
  'check.go.incomplete.title': 'The Go installation at {root} is incomplete',
  'check.go.incomplete.detail.one': '{missing} is missing, so go cannot build anything.{why} Reinstall this version.',
  'check.go.incomplete.detail.many': '{missing} are missing, so go cannot build anything.{why} Reinstall this version.',
  'check.go.incomplete.why.win32':
    ' On Windows an antivirus quarantining these files is the usual cause: restore them there, or exclude the Go directory from scanning, before reinstalling.',
  'check.go.incomplete.why.other': ' A partial copy or an interrupted install is the usual cause.',
  'check.env.gorootMismatch.title': 'GOROOT points at another Go installation',
  'check.env.gorootMismatch.detail': '{cause} A go binary finds its own GOROOT; do not set it. {sources}',
  'check.env.gorootMismatch.otherTree':
    'GOROOT is set to {goroot} in the OS environment, but {go} belongs to {own}: go then builds with the standard library and tools of another installation, which fails with confusing errors (or silently uses the wrong version).',
  'check.env.gorootMismatch.notTree':
    'GOROOT is set to {goroot} in the OS environment, which is not a Go installation (no bin/go{exe} and pkg/tool there): every build fails.',
} as const;
