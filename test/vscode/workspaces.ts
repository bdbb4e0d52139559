// Throwaway workspaces and environments for the suites: go.mod files, a go env file location,
// and loopback-only GOPROXY / GOSUMDB so nothing ever tries a public host.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export async function scratchDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
  }
}

/** Two modules: the root one needs Go 1.30 (newer than any go here), sub/ is satisfied by 1.18. */
export const TWO_MODULES: Record<string, string> = {
  'go.mod': 'module example.com/hello\n\ngo 1.30\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'sub/go.mod': '// A second module in the same workspace.\nmodule example.com/hello/sub\n\ngo 1.18\n',
  'sub/sub.go': 'package sub\n',
};

const PROXY_VARS = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
];
const GO_VARS = [
  'GOFLAGS',
  'GONOSUMDB',
  'GONOSUMCHECK',
  'GONOPROXY',
  'GOPRIVATE',
  'GOINSECURE',
  'GOTOOLCHAIN',
  'GO111MODULE',
  'GOROOT',
  'GOPATH',
];

/**
 * The environment code-server (and so the extension host, go and terminals) runs with: the
 * launcher's, without proxies or Go settings it may carry, with GOPROXY and GOSUMDB pointing
 * at `goproxyUrl` (a loopback server, or a loopback port nothing listens on) and a private
 * go env file.
 */
export function loopbackGoEnv(
  goproxyUrl: string,
  goenvFile: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [...PROXY_VARS, ...GO_VARS]) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VSCODE_')) delete env[name];
  return {
    ...env,
    GOPROXY: goproxyUrl,
    // Naming the URL makes the go command (and the doctor) use it directly, never a public host.
    GOSUMDB: `sum.golang.org ${goproxyUrl}`,
    GOENV: goenvFile,
    // The mirrors offered when a proxy fails: none, unless a test names loopback ones.
    GO_ENV_DOCTOR_MIRRORS: '',
    ...extra,
  };
}
