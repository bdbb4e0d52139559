// Side effects the core needs from its host, passed in so tests can point them at temp dirs,
// fake `go` scripts and a shifted clock. `hostPlatform()` is the real thing.
import * as os from 'node:os';

export interface Platform {
  /** The environment the go command and the probes see (process.env, or a copy). */
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** `process.platform` values: 'linux', 'darwin', 'win32'. */
  os: NodeJS.Platform;
  /** `process.arch` values: 'x64', 'arm64', ... */
  arch: string;
  /**
   * The machine's own architecture in the same names (differs from `arch` under emulation).
   * Undefined: the host's is read (core/go/machineArch.ts).
   */
  machineArch?: (signal?: AbortSignal) => Promise<string>;
  /** Wall clock in ms, for clock-skew comparison. */
  now(): number;
  /** Name to addresses for the probes; omitted: the system resolver. */
  lookup?: ((host: string) => Promise<string[]>) | undefined;
  /** DNS servers the probes ask directly (`127.0.0.1:5353`) instead of the system resolver; `lookup` wins. */
  dnsServers?: readonly string[] | undefined;
  /** The hosts file the resolver reads first; omitted: not consulted. */
  hostsFile?: string | undefined;
  /** Renames and removals of the install path (tests inject one that fails); omitted: node:fs. */
  fs?: PlatformFs | undefined;
}

/** The file operations the installer retries while Windows reports a file as held open. */
export interface PlatformFs {
  rename(from: string, to: string): Promise<void>;
  rm(path: string, opts: { recursive?: boolean; force?: boolean }): Promise<void>;
}

export function hostPlatform(env: NodeJS.ProcessEnv = process.env): Platform {
  return {
    env,
    homeDir: os.homedir(),
    os: process.platform,
    arch: process.arch,
    now: () => Date.now(),
    hostsFile:
      process.platform === 'win32'
        ? `${env['SystemRoot'] ?? 'C:\\Windows'}\\System32\\drivers\\etc\\hosts`
        : '/etc/hosts',
  };
}

/** GOOS and GOARCH for a Node platform/arch pair. */
export function goosGoarch(p: Pick<Platform, 'os' | 'arch'>): { goos: string; goarch: string } {
  const goos = p.os === 'win32' ? 'windows' : p.os;
  const goarch =
    (
      {
        x64: 'amd64',
        ia32: '386',
        arm: 'armv6l',
        arm64: 'arm64',
        ppc64: 'ppc64le',
        s390x: 's390x',
        loong64: 'loong64',
        riscv64: 'riscv64',
      } as Record<string, string>
    )[p.arch] ?? p.arch;
  return { goos, goarch };
}
