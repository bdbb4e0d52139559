// The CLI's --help text. See ../catalog.ts.
export const cliUsage = {
  'cli.usage': `Usage: go-env-doctor [command] [options]

Commands:
  diagnose (default)   Check this machine's Go environment and explain what is wrong.
      --format F       text (default), json, markdown (the bug-report document), github
                       (workflow commands that annotate a pull request, then the summary) or
                       prometheus (for node_exporter's textfile collector). See docs/ci.md.
      --json           The same as --format json (see docs/findings.md).
      --only G[,G]     Run only these check groups (repeatable); --skip G[,G] leaves them out.
      --list-checks    List the check groups and exit.
      --verbose        Also print the details of the checks that passed.
      --cwd DIR        Look for go.mod from DIR instead of the current directory.
      --go PATH        Use this go binary instead of searching PATH and the usual places.
      --timeout MS     Per-probe timeout in milliseconds (default 5000).
      --modules        Verify every go.sum line against the checksum database (without the timeout's
                       limit) and the module cache against go.sum, as \`go mod verify\` does.
      --all            Also probe the release download route (index hosts, archive hosts, mirrors),
                       which is otherwise probed only when go.mod needs a Go that is not installed.
      --dl-base URL    Release index base to probe (as for install; default go.dev/dl, golang.google.cn/dl).
      --mirror URL     Release archive mirror to probe (repeatable).
      --candidate URL  When GOPROXY fails, rank these mirrors as set-proxy --auto does (repeatable) and
                       offer the verified value as the next step.
      --deep           Then run the real go as referee, with your environment and throwaway caches:
                       go mod download of a reference module and of go.mod's first requirement
                       missing from the cache, and go version in the workspace; says where go
                       contradicts a finding.
      --allow-toolchain-download  With --deep: let go version download the toolchain go.mod asks for.
  report               The diagnosis as a Markdown document to paste into a bug report (diagnose
                       --format markdown); takes the options of diagnose.
  install <version|latest>  Download a Go release, check its SHA-256 against the official index,
                       and install it as DIR/go<version> (the folders "Choose Go Environment" lists).
      --dir DIR        SDK directory (default ~/sdk).
      --dl-base URL    Release index and download base (default https://go.dev/dl/, then
                       https://golang.google.cn/dl/); https only, except on loopback.
      --mirror URL     Fetch <URL><file name> from this mirror first (repeatable, in order); its bytes
                       are still checked against the official SHA-256. With two or more sources that
                       serve byte ranges, pieces come from all of them at once.
      --connections-per-host N  Connections to one host at a time when downloading in pieces (default 2).
      --via-proxy      Skip the release index: fetch the module golang.org/toolchain@v0.0.1-go<version>.<os>-<arch>
                       from GOPROXY (any mirror) and install it only if the Go checksum database (GOSUMDB)
                       vouches for its h1: hash. Used automatically when the release index cannot be read.
      --arch GOARCH    Install the build for this architecture (e.g. arm64) instead of the one this
                       process runs as: under Rosetta or WOW64 that is the emulated one.
      --json           One JSON document: {ok, version, goroot, via, sha256, bytes, source} (via "proxy" adds
                       h1, module, verification) or {ok:false, finding}.
  set-proxy            Point GOPROXY at mirrors that work, written with "go env -w" (undo: restore-proxy).
      --auto           Probe mirrors (3 requests each); keep those whose content matches the checksum
                       database; write <fastest>,<second>,direct.
      --candidate URL  With --auto: probe only these mirrors (repeatable).
      --value LIST     Write this GOPROXY (checked first: URLs, direct, off, joined by "," or "|").
      --offline        Put the module cache (file://$GOMODCACHE/cache/download) first and list the
                       modules go.mod needs that the cache lacks.
      --cwd DIR        With --offline: where to look for go.mod.
      --dry-run        Print the plan (ranking, old and new value) and write nothing.
      --json / --go PATH / --timeout MS (per request, default 5000)
  repair-gosum MOD@VER Remove MOD@VER's go.sum lines and let \`go mod tidy\` add verified ones (gosum.mismatch);
                       the old go.sum is kept in the state dir. --cwd DIR / --go PATH
  redownload-module MOD@VER  Remove that one version from the module cache and \`go mod download\` it
                       again (modcache.corrupt). --cwd DIR / --go PATH
  restore-proxy        Put GOPROXY back as it was before go-env-doctor's newest change.
      --json / --go PATH / --timeout MS
  save-cert <https-url>  Save the certificate that URL presents when go does not trust it (a TLS-intercepting
                       proxy's) under the state directory, with its SHA-256, to compare with your IT team's.
      --sha256 FP      Save only if the certificate has this fingerprint (as the diagnosis showed).
      --timeout MS
  --lang en|zh-CN      The language of the output, before or after the command. Without it: LC_ALL,
                       LC_MESSAGES or LANG (zh_CN, zh_SG, zh-Hans: Simplified Chinese; anything else:
                       English), else the Windows display language. --json text stays English unless
                       --lang is given; ids never change.
  --help, -h, help     Print this text.
  --version            Print the version of go-env-doctor.

Exit status: 0 when nothing is an error, 1 when something is, 2 on usage or internal errors
(the same for every --format).
install: 0 installed (or already installed), 1 failed (a toolchain.* finding), 2 usage, 130 cancelled.
set-proxy/restore-proxy: 0 written and in effect (or dry run); 1 nothing written, nothing to
restore, or an OS GOPROXY overrides the file; 2 usage.

Output: colour only on a terminal, and never with NO_COLOR set or FORCE_COLOR=0. Lines wrap at the
terminal's width (80 columns when the output is not a terminal).
`,
} as const;
