export const workspaceToolchain = {
  'check.tc.layer.environment': 'from the OS environment',
  'check.tc.layer.goenv': 'from the go env file',
  'check.tc.layer.goroot': 'from the default ($GOROOT/go.env)',
  'check.tc.layer.unset': 'unset',
  'check.tc.reason.toolchainLine': 'toolchain line of {file}',
  'check.tc.reason.goLine': 'go line of {file}',
  'check.tc.reason.gotoolchain': 'GOTOOLCHAIN names it',
  'check.tc.setting': 'GOTOOLCHAIN={value} {layer}',
  'check.tc.empty': '(empty)',
  'check.tc.plan.title.legacy': '{local} runs here',
  'check.tc.plan.title.switch': 'go will switch to {name} ({reason}; {setting})',
  'check.tc.plan.title.runs': '{runs} runs here ({setting})',
  'check.tc.plan.legacy':
    '{local} predates toolchain switching (Go 1.21): it ignores GOTOOLCHAIN, and a toolchain line in go.mod stops builds with "unknown directive: toolchain". A newer go line is not enforced; builds fail only where the code uses newer features.',
  'check.tc.plan.source': 'GOTOOLCHAIN={value} comes from {layer}.',
  'check.tc.plan.fileSays': '{file} says {lines}.',
  'check.tc.plan.fileSilent': '{file} says nothing about versions.',
  'check.tc.plan.trace': "go's own trace (GODEBUG=toolchaintrace=1 go version): {lines}",
  'check.tc.avail.inPath': '{name} is in PATH ({file}), so go runs it without downloading.',
  'check.tc.avail.cached': '{name} is already in the module cache ({dir}).',
  'check.tc.avail.downloadable':
    'go will download it from {source} and verify it with the checksum database {database}.',
  'check.tc.avail.unavailable': '{name} cannot be had: {answers}{sumdb}.',
  'check.tc.answerSep': '; ',
  'check.tc.sumdbAnswer': '; {text}',
  'check.tc.fix.installFirst': 'Install Go {version} (verified) and put its bin directory first on PATH',
  'check.tc.fix.removeEnv':
    'Remove GOTOOLCHAIN from the OS environment (shell profile or system settings); go env -w cannot override it',
  'check.tc.fix.allowSwitch': 'Allow go to switch toolchains (GOTOOLCHAIN=auto in the go env file)',
  'check.tc.fix.setAuto': 'Set GOTOOLCHAIN=auto',
  'check.tc.fix.workingMirror': 'Use a GOPROXY mirror that works',
  'check.tc.forbidden.title': '{kind} needs go >= {need}, and {setting} keeps {runs}',
  'check.tc.forbidden.detail':
    '{file}:{line} says "go {value}", but {why}. Every go command here stops with "go: {kind} requires go >= {need} (running go {running}; GOTOOLCHAIN={gotoolchain})". Install Go {install} and run it, or {alternative}.',
  'check.tc.forbidden.why.default':
    '"toolchain default" in {file} keeps the configured toolchain ({runs}) whatever GOTOOLCHAIN allows',
  'check.tc.forbidden.why.setting': 'GOTOOLCHAIN={value}, set in {layer}, {what}',
  'check.tc.forbidden.pins': 'pins {runs}',
  'check.tc.forbidden.noSwitch': 'forbids switching to a newer toolchain',
  'check.tc.forbidden.removeDefault': 'remove the "toolchain default" line',
  'check.tc.forbidden.letSwitch': 'let go switch',
  'check.tc.unavailable.title': 'go needs {name}, which it cannot get: builds will fail with "toolchain not available"',
  'check.tc.unavailable.detail.pathOnly':
    'go will switch to {name} ({reason}), but GOTOOLCHAIN ends in path, so it looks only in PATH, and {answers}{sumdb}. go will stop with "{goSays}". Install {name} with go-env-doctor (verified) and put its bin directory first on PATH, so the go that runs is already new enough.',
  'check.tc.unavailable.detail.noSource':
    'go will switch to {name} ({reason}), but no source has it: {answers}{sumdb}. go will stop with "{goSays}". Install {name} with go-env-doctor (verified) and put its bin directory first on PATH, so the go that runs is already new enough, or fix the GOPROXY entry that failed.',
  'check.tc.invalid.title.line': 'The toolchain line is invalid',
  'check.tc.invalid.title.env': 'GOTOOLCHAIN is invalid',
  'check.tc.invalid.detail': 'go stops every command with "go: {invalid}". {advice}',
  'check.tc.invalid.advice.line': 'Write the toolchain line as go1.23.4 (a released name), or remove it.',
  'check.tc.invalid.advice.env':
    'GOTOOLCHAIN comes from {layer}; use auto, local, path, a name such as go1.23.4, or go1.23.4+auto.',
  'check.tc.trace.title': 'go says it runs {actual}; we predicted {predicted}',
  'check.tc.trace.detail':
    "GODEBUG=toolchaintrace=1 go version in this workspace printed: {lines}. Go's own answer is the one that counts; please report this difference to Go Env Doctor with the two lines above.",
} as const;
