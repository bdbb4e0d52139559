export const envCheck = {
  'check.env.whereOsVarsComeFrom':
    'It usually comes from a shell profile (~/.bashrc, ~/.zshrc, ~/.profile), the system environment (/etc/environment, Windows System Properties → Environment Variables), or VS Code settings (go.toolsEnvVars, terminal.integrated.env.*).',
  'check.env.sourceNote': ' (set in the OS environment, which a `go env -w` cannot override)',
  'check.env.overridden.title': '{name} in the environment overrides the go env file',
  'check.env.overridden.detail':
    '{name} is "{osValue}" in the OS environment and "{fileValue}" in {file}. The environment wins, so the file\'s value (and any `go env -w {name}=…`) has no effect. {where} Remove it there to let the go env file decide, or make both the same.{windows}',
  'check.env.fix.removeOsVar': 'Remove {name} from the OS environment',
  'check.env.fix.defaultProxy': 'Use the default module proxy',
  'check.env.proxyOff.title': 'Module downloads are turned off (GOPROXY=off)',
  'check.env.proxyOff.detail':
    'GOPROXY is "{goproxy}"{source}: the go command refuses to download any module or toolchain and builds only from the module cache. That is right for an air-gapped machine; otherwise set a proxy.',
  'check.env.proxyOffLater.title': 'GOPROXY ends in "off"',
  'check.env.proxyOffLater.detail': 'After {entries}, the go command stops instead of trying further sources.',
  'check.env.proxyInvalid.title': 'GOPROXY entry "{entry}" is not valid',
  'check.env.proxyInvalid.detail':
    'GOPROXY is "{goproxy}"{source}; "{entry}" is invalid because {reason}. The go command rejects the whole list, so every module download fails. Entries are URLs (https://goproxy.cn) or the keywords direct and off, separated by "," or "|".',
  'check.env.proxyList.title': 'How the go command will use GOPROXY',
  'check.env.proxyList.detail':
    '{description}. After "," the next entry is tried only when a module is not found (404 or 410); after "|" it is tried on any error, including a timeout. So with "," an unreachable first proxy fails the download instead of falling through.',
  'check.env.sumdbOff.title': 'Checksum verification is turned off (GOSUMDB=off)',
  'check.env.sumdbOff.detail':
    'GOSUMDB is off{source}: new modules are not checked against the Go checksum database, so a compromised proxy or mirror can serve altered code unnoticed, and the go command refuses to download toolchains at all. If sum.golang.org is unreachable from your network, use its official mirror sum.golang.google.cn or a GOPROXY that forwards the checksum database instead.',
  'check.env.fix.sumdbOn': 'Turn checksum verification back on',
  'check.env.fix.sumdbChina': 'Use the official checksum database mirror reachable from mainland China',
  'check.env.insecure.title': 'GOINSECURE allows unverified downloads',
  'check.env.insecure.detail':
    'GOINSECURE is "{value}"{source}: modules matching it may be fetched over plain HTTP or with unchecked certificates. If a TLS error made you set it, fix the trust instead (add your organisation\'s root certificate to SSL_CERT_FILE or the system store) and remove it.',
  'check.env.fix.removeInsecure': 'Remove GOINSECURE',
  'check.env.insecureFlag.title': 'GOFLAGS contains -insecure',
  'check.env.insecureFlag.detail':
    'GOFLAGS is "{value}"{source}: since go 1.17 the go command no longer accepts -insecure, and every `go get` fails with "-insecure flag is no longer supported; use GOINSECURE instead". Remove it. GOINSECURE, the knob that remains, turns off the same verification: fix the trust behind the TLS error instead (your organisation\'s root certificate in SSL_CERT_FILE or the system store).',
  'check.env.fix.removeInsecureFlag': 'Remove -insecure from GOFLAGS',
  'check.env.ok.title': 'go env settings are consistent',
  'check.env.ok.detail':
    'GOPROXY={goproxy} ({proxySource}), GOSUMDB={gosumdb} ({sumdbSource}); no variable in the environment contradicts the go env file.',
  'check.env.moduleModeOff.title': 'Module mode is off: go ignores go.mod',
  'check.env.moduleModeOff.detail':
    '{why}, so go builds {dir} in GOPATH mode: its requirements are not downloaded and imports fail with "cannot find package". GO111MODULE=off is usually left over from the GOPATH days.',
  'check.env.moduleModeOff.auto':
    'GO111MODULE={mode} inside GOPATH/src with {version}, which ignores go.mod there before Go 1.13',
  'check.env.moduleModeOff.autoDefault': 'auto (the default)',
  'check.env.vendorMissing.title': 'GOFLAGS has -mod=vendor but there is no vendor directory',
  'check.env.vendorMissing.detail':
    'GOFLAGS={flags} makes go build {dir} from vendor/, which does not exist: every build fails with "inconsistent vendoring". Create it with `go mod vendor`, or remove -mod=vendor from GOFLAGS.',
  'check.env.fix.goModVendor': 'Create vendor/ (go mod vendor)',
  'check.env.fix.removeFromOs': 'Remove {name} from the OS environment (shell profile)',
  'check.env.fix.set': 'Set {name}={value}',
  'check.env.fix.reset': 'Reset {name} to its default',
} as const;
