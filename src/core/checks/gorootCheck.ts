// GOROOT set in the OS environment to another tree than the binary's own (go then mixes one
// version's binary with another's standard library and tools), and a GOROOT missing its tools.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../findings';
import type { Platform } from '../platform';
import { describeOverrideSourcesText, findOverrideSources } from '../proxyRewrite/overrideSources';
import { unsetVarFix } from './shellFixes';
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';
import { installToolchainFix } from './fixes';
import { joined } from '../i18n/join';

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
    ? msg('check.env.gorootMismatch.otherTree', { goroot: envGoroot, go: input.goRealPath, own: ownRoot })
    : msg('check.env.gorootMismatch.notTree', { goroot: envGoroot, exe });
  const sources = await findOverrideSources('GOROOT', p);
  return {
    id: 'env.gorootMismatch',
    severity: 'error',
    ...findingWords(
      msg('check.env.gorootMismatch.title'),
      msg('check.env.gorootMismatch.detail', { cause, sources: describeOverrideSourcesText('GOROOT', sources, p) }),
    ),
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
    ...findingWords(
      msg('check.go.incomplete.title', { root }),
      msg(missing.length === 1 ? 'check.go.incomplete.detail.one' : 'check.go.incomplete.detail.many', {
        missing: joined(missing),
        why: msg(p.os === 'win32' ? 'check.go.incomplete.why.win32' : 'check.go.incomplete.why.other'),
      }),
    ),
    subject: root,
    fixes: [installToolchainFix(version, msg('check.fix.reinstall', { version }))],
  });
  return out;
}
