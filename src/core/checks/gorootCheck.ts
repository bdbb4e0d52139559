// GOROOT set in the OS environment to another tree than the binary's own (go then mixes one
// version's binary with another's standard library and tools), and a GOROOT missing its tools.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../findings';
import type { Platform } from '../platform';
import { describeOverrideSources, findOverrideSources } from '../proxyRewrite/overrideSources';
import { unsetVarFix } from './shellFixes';

export interface GorootCheckInput {
  platform: Pick<Platform, 'env' | 'os' | 'homeDir'>;
  /** The go binary's real path: its own root is the grandparent. */
  goRealPath: string;
  /** What `go env GOROOT` answered: the tree go actually uses. */
  goroot?: string | undefined;
  /** From `go version`: the host's tool directory is pkg/tool/<goos>_<goarch>. */
  goos?: string | undefined;
  goarch?: string | undefined;
  version?: string | undefined;
}

const exists = (f: string) =>
  fs.stat(f).then(
    () => true,
    () => false,
  );
const real = (f: string) => fs.realpath(f).catch(() => path.resolve(f));

/** A directory with the go command and a tool directory. */
async function isGoTree(dir: string, exe: string): Promise<boolean> {
  const [bin, tool] = await Promise.all([
    exists(path.join(dir, 'bin', `go${exe}`)),
    exists(path.join(dir, 'pkg', 'tool')),
  ]);
  return bin && tool;
}

/** The files `go build` needs from GOROOT that are absent. */
export async function missingGorootTools(goroot: string, goos: string, goarch: string, exe: string): Promise<string[]> {
  const tools = path.join(goroot, 'pkg', 'tool', `${goos}_${goarch}`);
  const needed = [
    ...['compile', 'link', 'asm'].map((t) => path.join(tools, `${t}${exe}`)),
    path.join(goroot, 'bin', `gofmt${exe}`),
  ];
  const present = await Promise.all(needed.map(exists));
  return needed.filter((_, i) => !present[i]);
}

async function mismatchFinding(input: GorootCheckInput, envGoroot: string, ownRoot: string, exe: string) {
  const p = input.platform;
  const [envIsTree, ownIsTree, envReal, ownReal] = await Promise.all([
    isGoTree(envGoroot, exe),
    isGoTree(ownRoot, exe),
    real(envGoroot),
    real(ownRoot),
  ]);
  // A go outside any tree (a wrapper script in /usr/local/bin, say) has no own root to compare with.
  if (envIsTree && (!ownIsTree || envReal === ownReal)) return undefined;
  const cause = envIsTree
    ? `GOROOT is set to ${envGoroot} in the OS environment, but ${input.goRealPath} belongs to ${ownRoot}: go then builds with the standard library and tools of another installation, which fails with confusing errors (or silently uses the wrong version).`
    : `GOROOT is set to ${envGoroot} in the OS environment, which is not a Go installation (no bin/go${exe} and pkg/tool there): every build fails.`;
  const sources = await findOverrideSources('GOROOT', p);
  return {
    id: 'env.gorootMismatch',
    severity: 'error',
    title: 'GOROOT points at another Go installation',
    detail: `${cause} A go binary finds its own GOROOT; do not set it. ${describeOverrideSources('GOROOT', sources, p)}`,
    subject: 'GOROOT',
    fixes: [unsetVarFix('GOROOT', p)],
  } satisfies Finding;
}

export async function gorootFindings(input: GorootCheckInput): Promise<Finding[]> {
  const p = input.platform;
  const exe = p.os === 'win32' ? '.exe' : '';
  const ownRoot = path.dirname(path.dirname(input.goRealPath));
  const envGoroot = p.env['GOROOT'];
  const out: Finding[] = [];
  const mismatch = envGoroot ? await mismatchFinding(input, envGoroot, ownRoot, exe) : undefined;
  if (mismatch) out.push(mismatch);
  const root = input.goroot ?? ownRoot;
  if (!input.goos || !input.goarch || !(await exists(path.join(root, 'bin', `go${exe}`)))) return out;
  const missing = await missingGorootTools(root, input.goos, input.goarch, exe);
  if (!missing.length) return out;
  const version = input.version?.replace(/^go/, '') ?? 'latest';
  out.push({
    id: 'go.incomplete',
    severity: 'error',
    title: `The Go installation at ${root} is incomplete`,
    detail: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing, so go cannot build anything.${p.os === 'win32' ? ' On Windows an antivirus quarantining these files is the usual cause: restore them there, or exclude the Go directory from scanning, before reinstalling.' : ' A partial copy or an interrupted install is the usual cause.'} Reinstall this version.`,
    subject: root,
    fixes: [
      {
        command: `go-env-doctor install ${version}`,
        title: `Reinstall Go ${version} (verified)`,
        action: { kind: 'installToolchain', version },
      },
    ],
  });
  return out;
}
