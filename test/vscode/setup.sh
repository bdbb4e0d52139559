#!/usr/bin/env bash
# Installs what the integration and end-to-end suites need on a fresh Debian machine:
# Debian's chromium (driven by playwright-core) and a Chinese font, the headers and ripgrep code-server's
# install needs, and code-server 4.100.3 (VS Code 1.100.3) into the ignored .cache/ folder.
# Idempotent: apt packages already present and an existing .cache/code-server are reused.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PREFIX="$ROOT/.cache/code-server"
BIN="$PREFIX/node_modules/code-server/out/node/entry.js"

missing=()
# fonts-wqy-microhei: Chinese glyphs for the zh-cn end-to-end screenshots.
for pkg in chromium libkrb5-dev ripgrep fonts-wqy-microhei; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [[ -f "$BIN" && -f "$PREFIX/.installed-$CODE_SERVER_VERSION" ]]; then
  echo "setup: code-server $CODE_SERVER_VERSION already in $PREFIX"
  exit 0
fi

# @vscode/ripgrep's postinstall downloads ripgrep from GitHub unless it finds the tarball in
# $TMPDIR/vscode-ripgrep-cache-<its version>/. Seed that cache with Debian's rg, for every
# version and asset name the code-server dependency tree may pick.
tmp="${TMPDIR:-/tmp}"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$(command -v rg)" "$stage/rg"
case "$(uname -m)" in
  x86_64) triple="x86_64-unknown-linux-musl" ;;
  aarch64) triple="aarch64-unknown-linux-musl" ;;
  *) triple="$(uname -m)-unknown-linux-gnu" ;;
esac
for minor in $(seq 0 20); do
  dir="$tmp/vscode-ripgrep-cache-1.15.$minor"
  mkdir -p "$dir"
  for rev in 4 6 8 9 10 11 12 13; do
    f="$dir/ripgrep-v13.0.0-$rev-$triple.tar.gz"
    [[ -f "$f" ]] || tar -czf "$f" -C "$stage" rg
  done
done

echo "setup: installing code-server $CODE_SERVER_VERSION into $PREFIX (about a minute)"
mkdir -p "$PREFIX"
[[ -f "$PREFIX/package.json" ]] || echo '{"name":"code-server-cache","private":true}' > "$PREFIX/package.json"
# node-pty's postinstall runs `npx node-gyp` (needs yes); as root npm needs unsafe-perm.
npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm --prefix "$PREFIX" \
  "code-server@$CODE_SERVER_VERSION"
test -f "$BIN"
touch "$PREFIX/.installed-$CODE_SERVER_VERSION"
echo "setup: code-server ready: $PREFIX/node_modules/.bin/code-server"
