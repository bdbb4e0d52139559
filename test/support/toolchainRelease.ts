// A local Go release host for the editor tests (integration and end-to-end): an "official" server
// with the release index at /dl/ and the archives next to it, and a mirror serving the same files
// at /golang/. The archives are real tar.gz toolchain trees whose bin/go answers `go version` and
// `go env -json` like that release would, so a diagnosis run with it sees a working go.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DownloadServer } from './downloadServer';
import { archiveEntry, packTarGz, releaseIndex, writeToolchainTree, type IndexRelease } from './toolchainArchive';

/**
 * bin/go of a test toolchain: its version, and `go env -json` with GOROOT where it was unpacked
 * and the Go settings from the environment it runs in, as the real command reports them.
 */
export function toolchainGoScript(name: string, goos = 'linux', goarch = 'amd64'): string {
  return `#!/bin/sh
# bin/go of a test toolchain (${name}): answers what a diagnosis asks.
root=$(cd "$(dirname "$0")/.." && pwd)
case "$1" in
  version) echo "go version ${name} ${goos}/${goarch}" ;;
  env) cat <<EOF
{
  "GOROOT": "$root",
  "GOVERSION": "${name}",
  "GOOS": "${goos}",
  "GOARCH": "${goarch}",
  "GOPROXY": "\${GOPROXY:-https://proxy.golang.org,direct}",
  "GOSUMDB": "\${GOSUMDB:-sum.golang.org}",
  "GOENV": "\${GOENV:-$HOME/.config/go/env}",
  "GOTOOLCHAIN": "\${GOTOOLCHAIN:-auto}",
  "GOFLAGS": "\${GOFLAGS:-}",
  "GOINSECURE": "\${GOINSECURE:-}",
  "GONOSUMDB": "\${GONOSUMDB:-}",
  "GOPRIVATE": "\${GOPRIVATE:-}",
  "GONOPROXY": "\${GONOPROXY:-}",
  "GO111MODULE": "\${GO111MODULE:-}",
  "GOPATH": "\${GOPATH:-$HOME/go}",
  "GOMODCACHE": "\${GOMODCACHE:-$HOME/go/pkg/mod}"
}
EOF
  ;;
  *) echo "go: '$1' is not available in this test toolchain" >&2; exit 2 ;;
esac
`;
}

export interface LocalRelease {
  /** `go1.30.0` */
  name: string;
  filename: string;
  archive: Buffer;
}

export interface LocalGoReleaseHost {
  official: DownloadServer;
  mirror: DownloadServer;
  /** For goEnv.toolchain.dlBase / --dl-base: `<official>/dl/`. */
  dlBase: string;
  /** For goEnv.toolchain.mirrors / --mirror: `<mirror>/golang/`. */
  mirrorBase: string;
  releases: LocalRelease[];
  /** The index path on the official server and what it serves there (to restore it after a fault). */
  readonly indexPath: string;
  readonly indexBody: object[];
  officialPath(filename: string): string;
  mirrorPath(filename: string): string;
  close(): Promise<void>;
}

/**
 * Serves `names` (newest first, e.g. ['go1.30.0', 'go1.29.4']) for goos/goarch. Each archive holds
 * `padBytes` of incompressible data, so downloads take long enough to watch progress.
 */
export async function startLocalGoRelease(o: {
  scratch: string;
  names: string[];
  goos: string;
  goarch: string;
  padBytes?: number;
}): Promise<LocalGoReleaseHost> {
  const releases: LocalRelease[] = [];
  const index: IndexRelease[] = [];
  for (const name of o.names) {
    const root = await fs.mkdtemp(path.join(o.scratch, 'release-'));
    await writeToolchainTree(root, {
      name,
      goos: o.goos,
      goarch: o.goarch,
      randomBytes: o.padBytes ?? 256 * 1024,
      smallFiles: 5,
    });
    await fs.writeFile(path.join(root, 'go', 'bin', 'go'), toolchainGoScript(name, o.goos, o.goarch), { mode: 0o755 });
    const archive = await packTarGz(root);
    await fs.rm(root, { recursive: true, force: true });
    const entry = archiveEntry(name, archive, o.goos, o.goarch);
    releases.push({ name, filename: entry.filename, archive });
    index.push({ version: name, files: [entry] });
  }
  const official = await DownloadServer.start();
  const mirror = await DownloadServer.start();
  const indexBody = releaseIndex(index);
  official.setIndex('/dl/', indexBody);
  for (const r of releases) {
    official.serve(`/dl/${r.filename}`, { data: r.archive });
    mirror.serve(`/golang/${r.filename}`, { data: r.archive });
  }
  return {
    official,
    mirror,
    dlBase: `${official.url}/dl/`,
    mirrorBase: `${mirror.url}/golang/`,
    releases,
    indexPath: '/dl/',
    indexBody,
    officialPath: (f) => `/dl/${f}`,
    mirrorPath: (f) => `/golang/${f}`,
    close: async () => {
      await Promise.all([official.close(), mirror.close()]);
    },
  };
}
