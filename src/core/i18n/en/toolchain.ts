// Toolchain install errors (core/toolchain). `{name}` is a parameter; see ../catalog.ts.
export const toolchain = {
  'toolchain.fs.saveDownload': 'save the download to {path}',
  'toolchain.fs.createDownloadDir': 'create the download directory {path}',
  'toolchain.fs.unpack': 'unpack the toolchain into {path}',
  'toolchain.fs.createDir': 'create the directory {path}',
  'toolchain.fs.createLock': 'create the install lock {path}',
  'toolchain.fs.removeStaging': 'remove stale staging directories in {path}',
  'toolchain.fs.createStaging': 'create a staging directory in {path}',
  'toolchain.fs.writeMarker': 'write the completion marker in {path}',
  'toolchain.fs.moveIn': 'move the toolchain into {path}',
  'toolchain.fs.rename': 'rename {path}',
  'toolchain.fs.remove': 'remove {path}',
  'toolchain.diskFull.write.message': 'There is not enough disk space to {action} ({code}).',
  'toolchain.diskFull.write.remedy':
    'Free some space on that disk (a Go toolchain needs about 300 MB unpacked) or install elsewhere with --dir, then run the install again. Previous installs were not touched.',
  'toolchain.permissionDenied.message': 'Permission denied: cannot {action} ({code}: {error}).',
  'toolchain.permissionDenied.remedy':
    'Choose a directory you can write with --dir (the default is ~/sdk), or fix the ownership of that directory. Do not run the install as root just to get past this.',
  'toolchain.diskFull.check.message':
    'There is not enough disk space to install {what} in {dir}: it needs about {needed}, and {available} are free.',
  'toolchain.diskFull.check.remedy':
    'Free at least {missing} on that disk or install elsewhere with --dir, then run the install again. Nothing was downloaded or changed.',
  'toolchain.fileLocked.message': 'Could not {action}: another program holds it ({code}), still after {seconds} s.',
  'toolchain.fileLocked.remedy':
    'An antivirus scan of the new files or a terminal or editor open in that folder is the usual cause. Close terminals in that folder, wait for the scan to finish (or exclude the Go install folder from real-time scanning), then run the install again. The previous toolchain was not replaced.',
  'toolchain.unsafeSdkDir.everyUser': 'every user',
  'toolchain.unsafeSdkDir.group': 'its group',
  'toolchain.unsafeSdkDir.writable.message':
    'The SDK directory {dir} is writable by {who} (mode {mode}): another account could replace a toolchain in it after it was verified. Nothing was installed.',
  'toolchain.unsafeSdkDir.writable.remedy':
    'Make it writable by its owner only: chmod go-w {dir}. Or install elsewhere with --dir.',
  'toolchain.unsafeSdkDir.owner.message':
    'The SDK directory {dir} belongs to another user (uid {uid}), who could replace a toolchain in it after it was verified. Nothing was installed.',
  'toolchain.unsafeSdkDir.owner.remedy':
    'Install as the user who owns {dir}, or into a directory you own with --dir (the default is ~/sdk).',
  'toolchain.unsafeSdkDir.link.message':
    'The partial download {path} is a symbolic link; go-env-doctor does not write or resume through links.',
  'toolchain.unsafeSdkDir.link.remedy': 'Remove it (rm {path}), find out who created it, and run the install again.',
  'toolchain.noGoBinary.message': 'The verified archive for {name} does not contain bin/go under its root.',
  'toolchain.noGoBinary.remedy': 'This is not a Go toolchain archive; report it to whoever serves the release index.',
  'toolchain.unsafeEntry.message': 'The archive for {name} contains an entry that is not safe to unpack: {reason}.',
  'toolchain.unsafeEntry.remedy':
    'Nothing was installed. Official Go archives contain only plain files and directories under go/; report this to whoever serves the release index.',
  'toolchain.archiveMismatch.message':
    '{file} did not match the SHA-256 in the official release index ({sha256}): {mismatched}.',
  'toolchain.archiveMismatch.messageOthersFailed':
    '{file} did not match the SHA-256 in the official release index ({sha256}): {mismatched}; other sources failed: {failures}.',
  'toolchain.archiveMismatch.remedy':
    'Nothing was installed. A mirror or proxy on the way is serving altered or stale bytes: drop that --mirror (or fix the proxy) and try again.',
  'toolchain.archiveDownloadFailed.message': 'Could not download {file}: {failures}.',
  'toolchain.noSource': 'no source to download from',
  'toolchain.archiveDownloadFailed.remedy':
    'Check the network and proxy settings ("go-env-doctor diagnose" tests them), or add a mirror you can reach with --mirror URL; its bytes are still checked against the official SHA-256.{kept}',
  'toolchain.keptBytes':
    ' The {bytes} bytes received so far are kept; running the same command again resumes from there.',
  'toolchain.kept': ' The bytes received so far are kept; running the same command again resumes from there.',
  'toolchain.indexUnavailable.message': 'The Go release index could not be read from any official source ({failures}).',
  'toolchain.indexUnavailable.remedy':
    'Check the network connection and proxy settings ("go-env-doctor diagnose" tests them). The SHA-256 of every download comes from this index, so installing without it is not possible; --dl-base can point at a mirror of the official index you trust.',
  'toolchain.noStable.message': 'The release index at {base} has no stable release for {where}.',
  'toolchain.noStable.remedy':
    'Go may not be released for this platform; see https://go.dev/dl/ for the supported ones.',
  'toolchain.notInIndex.message': 'go{version} is not in the Go release index at {base}.{hint}',
  'toolchain.notInIndex.remedy':
    'Ask for a released version such as 1.22.5 (language versions like 1.22 name no release since Go 1.21), or "latest".',
  'toolchain.noArchive.message': '{name} has no archive for {where} in the release index.{hint}',
  'toolchain.noArchive.remedy': 'Pick a release that supports this platform, or "latest".',
  'toolchain.unverifiable.message':
    'The release index has no SHA-256 (or no size) for {file}, so {name} cannot be verified.',
  'toolchain.unverifiable.remedy': 'Pick a newer release; unverifiable downloads are never installed.',
  'toolchain.badVersion.message': '"{version}" is not a Go release version.',
  'toolchain.badVersion.remedy': 'Give a release such as 1.22.5 or go1.22.5, or "latest".',
  'toolchain.hint.newest': ' The newest stable release is {name}.',
  'toolchain.hint.sameLine': ' Releases of go{line}: {names}.',
  'toolchain.moduleBadVersion.messageThreeNumbers':
    '"{version}" is not a Go release version (from Go 1.21 on, releases have three numbers, e.g. 1.22.0).',
  'toolchain.moduleBadVersion.remedy':
    'Give a release such as 1.22.5 or go1.22.5; "latest" needs the go.dev release index (install without --via-proxy).',
  'toolchain.moduleNotFound.message': 'No GOPROXY entry has {what}.',
  'toolchain.moduleNotFound.messageWhere': 'No GOPROXY entry has {what}: {notFound}.',
  'toolchain.moduleNotFound.remedy':
    'Check the version: only released Go versions exist as golang.org/toolchain modules, and only for the platforms Go publishes. A mirror that lags behind may not have a new release yet; add another mirror to GOPROXY after a comma.',
  'toolchain.moduleDownloadFailed.message': 'Could not download {what}: {failures}.',
  'toolchain.moduleDownloadFailed.remedy':
    'Check the network and proxy settings ("go-env-doctor diagnose" tests them), or put a mirror you can reach in GOPROXY (entries separated by "|" are tried on any error).{kept}',
  'toolchain.module.proxyOff': 'GOPROXY=off: downloads are disabled from here on',
  'toolchain.module.notFoundAt': '{source} not found',
  'toolchain.module.invalidEntry': 'GOPROXY entry "{entry}" is invalid ({reason})',
  'toolchain.module.status': '{source} (HTTP {status})',
  'toolchain.zipUnreadable.message':
    'The {what} downloaded from {source} is not a readable zip ({reason}), so it cannot be what the checksum database {db} records ({expected}). Nothing was installed.',
  'toolchain.zipUnreadable.remedy':
    'Try again, or use another GOPROXY mirror: the mirror or something between you and it served damaged bytes.',
  'toolchain.zipUnsafe.message':
    'The {what} matches the checksum database but contains an entry that is not safe to unpack: {reason}. Nothing was installed.',
  'toolchain.zipUnsafe.remedy':
    'Official toolchain zips contain only plain files under golang.org/toolchain@<version>/; report this to the Go team (golang.org/issue) with the version and platform.',
  'toolchain.sumdbOff.message':
    'GOSUMDB=off turns the Go checksum database off, but a toolchain downloaded through a module proxy is trusted only after the checksum database vouches for its hash; the go command refuses such a download too.',
  'toolchain.sumdbOff.remedy':
    'Turn the checksum database back on: go env -w GOSUMDB=sum.golang.org (or sum.golang.google.cn where sum.golang.org is blocked), or only for this command: GOSUMDB=sum.golang.org go-env-doctor install <version> --via-proxy. (An empty GOSUMDB does not help when the go env file says off.) Installing from the go.dev release archives does not need the database.',
  'toolchain.sumdbInvalid.message': 'GOSUMDB="{setting}" is not usable: {reason}.',
  'toolchain.sumdbInvalid.remedy':
    'Set GOSUMDB to sum.golang.org (the default), sum.golang.google.cn, or a database verifier key of the form name+hash+key, optionally followed by its URL.',
  'toolchain.noH1.message':
    'The checksum database {db} proved a record for {what}, but the record has no h1: hash for the module zip.',
  'toolchain.noH1.remedy':
    'This database is not behaving like a Go checksum database; check GOSUMDB and do not install this toolchain.',
  'toolchain.hashMismatch.message':
    'The {what} downloaded from {source} has hash {actual}, but the checksum database {db} records {expected}: the file was changed or corrupted on the way. Nothing was installed.',
  'toolchain.hashMismatch.remedy':
    'Try again, or use another GOPROXY mirror (the mirror or something between you and it served different bytes). Never install a toolchain that does not match the checksum database.',
  'toolchain.notAZip.message':
    '{path} is not a readable zip file, so it cannot match the checksum database ({reason}).',
  'toolchain.notAZip.remedy': 'Download it again, or from another GOPROXY mirror.',
  'toolchain.sumdb.unavailable.message': 'The checksum database {db} could not be consulted for {what}: {reason}',
  'toolchain.sumdb.unavailable.remedyDefault':
    'Check that this machine can reach sum.golang.org, or a GOPROXY mirror that forwards it (most do, through /sumdb/sum.golang.org/). Where sum.golang.org is blocked, set GOSUMDB=sum.golang.google.cn. Do not turn the checksum database off: a toolchain is never installed unverified.',
  'toolchain.sumdb.unavailable.remedy':
    'Check that this machine can reach the checksum database named by GOSUMDB ({url}), or a GOPROXY mirror that forwards it.',
  'toolchain.sumdb.notFound.message':
    'The checksum database {db} has no record of {what}, so it cannot be verified: it is not a published Go toolchain. {reason}',
  'toolchain.sumdb.notFound.remedy':
    'Check the version (go-env-doctor install <version>): only released Go versions for your OS and architecture exist as golang.org/toolchain modules.',
  'toolchain.sumdb.badSignature.message': 'Bad signature: {reason}',
  'toolchain.sumdb.badSignature.remedy':
    'The answer did not come from {db}: a mirror or a network device altered it, or GOSUMDB names the wrong key. Check GOSUMDB (go env GOSUMDB), try another mirror, and do not install this toolchain.',
  'toolchain.sumdb.badProof.message': 'Bad proof: {reason}',
  'toolchain.sumdb.badProof.remedy':
    "The checksum database's proof that {what} is in its signed log does not hold, so the record cannot be trusted. Try again later or through another mirror; do not install this toolchain.",
  'toolchain.sumdb.inconsistent.remedy':
    'Do not install anything through this database or mirror until this is explained: the log it serves contradicts the one it served before (a fork). Try from another network or mirror, and report both tree notes above to the operators of {db}. Only if you deliberately pointed GOSUMDB at a different database with the same name, delete the saved tree head in the state directory.',
  'toolchain.fallback.latest':
    '{index} The toolchain could not be fetched through GOPROXY instead: "latest" needs the release index.',
  'toolchain.fallback.latest.remedy':
    'Name the version (e.g. go-env-doctor install 1.22.5): then it can come through GOPROXY, verified against the Go checksum database. Or fix the network ("go-env-doctor diagnose" tests it).',
  'toolchain.fallback.tooOld':
    '{index} The toolchain could not be fetched through GOPROXY instead: {name} predates Go 1.21, the first release published as a {module} module.',
  'toolchain.fallback.noDownloads':
    '{index} The toolchain could not be fetched through GOPROXY instead: GOPROXY={goproxy} allows no module downloads.',
  'toolchain.fallback.noDownloads.remedy':
    'Check the network and proxy settings ("go-env-doctor diagnose" tests them), or point GOPROXY at a module mirror you can reach ("go-env-doctor set-proxy --auto" finds one): toolchains from a mirror are verified against the Go checksum database.',
  'toolchain.fallback.failedToo': '{index} Fetching it through GOPROXY ({goproxy}) instead failed too: {error}',
  'toolchain.attempt.badRange': 'answered "Range: bytes={from}-" with Content-Range "{contentRange}"',
  'toolchain.attempt.wrongLength': 'serves {length} bytes, but the official index says {size}',
  'toolchain.attempt.rangeRefused': 'refused the range request (HTTP 416); starting over',
  'toolchain.attempt.status': 'HTTP {status}',
  'toolchain.attempt.status404': 'HTTP 404 (file not found)',
  'toolchain.attempt.tooLong': 'sent more than the {size} bytes the official index lists',
  'toolchain.attempt.ended': 'the connection ended after byte {offset} of {size}',
  'toolchain.attempt.gotSha': '{source} (got SHA-256 {digest})',
  'toolchain.attempt.wrongFile': '{source} ({reason})',
  'toolchain.notAnIndex': 'not a Go release index: {error}',
  'toolchain.installed.unverified':
    '{version} is already in {goroot}, but not installed by go-env-doctor, unverified: no checksum of its bytes was checked. For a verified copy, remove that directory and install again.',
  'toolchain.installed.moduleAlready': '{version} is already installed in {goroot} (installed from {source}, {h1}).',
  'toolchain.installed.aModuleProxy': 'a module proxy',
  'toolchain.installed.provenViaMirror':
    'its {h1} matches the record that the checksum database {db} proved is in its signed log of {records} records (reached through the GOPROXY mirror)',
  'toolchain.installed.provenDirect':
    'its {h1} matches the record that the checksum database {db} proved is in its signed log of {records} records (reached directly)',
  'toolchain.installed.hashIs': 'its hash is {h1}',
  'toolchain.installed.module': 'Installed {version} in {goroot} from the module {module} served by {source}; {how}.',
  'toolchain.installed.archiveAlready':
    "{version} is already installed in {goroot} (its archive's SHA-256 {sha256} was checked against the official Go release index when it was installed).",
  'toolchain.installed.keptDownload': 'a download kept from an earlier run',
  'toolchain.installed.officialHost': 'the official download host',
  'toolchain.installed.archive':
    'Installed {version} in {goroot} from the release archive at {from}; its SHA-256 {sha256} matches the official Go release index.',
} as const;
