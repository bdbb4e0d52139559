// Small fake `go` scripts for what a real go cannot show: hanging, garbage, failing, a given version.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface FakeGoSpec {
  /** What `go version` prints (stdout). */
  version?: string;
  /** What `go env -json` prints. Defaults to a minimal valid document. */
  envJson?: string;
  /** Shell to run instead for a subcommand, e.g. `sleep 30`. */
  versionScript?: string;
  envScript?: string;
}

export async function tempDir(prefix = 'ged-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Writes `<dir>/bin/go` and returns its path. */
export async function makeFakeGo(spec: FakeGoSpec, dir?: string): Promise<string> {
  const root = dir ?? (await tempDir('ged-fakego-'));
  const bin = path.join(root, 'bin');
  await fs.mkdir(bin, { recursive: true });
  const goroot = root;
  const env =
    spec.envJson ??
    JSON.stringify({
      GOROOT: goroot,
      GOPROXY: 'https://proxy.golang.org,direct',
      GOSUMDB: 'sum.golang.org',
      GOVERSION: 'go1.22.5',
      GOENV: '/nonexistent/go/env',
    });
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = `#!/bin/sh
case "$1" in
  version) ${spec.versionScript ?? `printf '%s\\n' ${q(spec.version ?? 'go version go1.22.5 linux/amd64')}`} ;;
  env) ${spec.envScript ?? `printf '%s\\n' ${q(env)}`} ;;
  *) echo "fake go: unsupported $*" >&2; exit 2 ;;
esac
`;
  const file = path.join(bin, 'go');
  await fs.writeFile(file, script, { mode: 0o755 });
  return file;
}
