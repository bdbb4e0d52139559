// Which architecture's build to install. By default the one this process runs as (platform.arch),
// but Node under Rosetta or WOW64 reports the emulated one: the go.archMismatch fix and
// `install --arch` name the machine's own instead.
import type { Platform } from '../platform';

/** GOARCH names (as in release file names) and the Node names Platform.arch uses, to the Node name. */
const NODE_ARCH: Record<string, string> = {
  amd64: 'x64',
  x64: 'x64',
  arm64: 'arm64',
  '386': 'ia32',
  ia32: 'ia32',
  arm: 'arm',
  armv6l: 'arm',
  ppc64le: 'ppc64',
  ppc64: 'ppc64',
  s390x: 's390x',
  loong64: 'loong64',
  riscv64: 'riscv64',
};

/** `arm64`, `amd64`, `x64`, `386`... as Platform.arch names it; undefined for an unknown name. */
export function nodeArchOf(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(NODE_ARCH, key) ? NODE_ARCH[key] : undefined;
}

/** The GOARCH names `install --arch` accepts, for its usage error. */
export const KNOWN_GOARCH = ['amd64', 'arm64', '386', 'armv6l', 'ppc64le', 's390x', 'loong64', 'riscv64'];

/** The platform to pick release files and toolchain modules for: `arch` (a Node name) when given. */
export function targetPlatform(platform: Platform, arch: string | undefined): Platform {
  return arch === undefined || arch === platform.arch ? platform : { ...platform, arch };
}
