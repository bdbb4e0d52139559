// The machine's own CPU architecture (Node's `process.arch` names), which can differ from this
// process's: Node under Rosetta says x64 on Apple silicon, a 32-bit process on 64-bit Windows
// sees the real one only in PROCESSOR_ARCHITEW6432.

export interface MachineArchSources {
  os: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** process.arch. */
  processArch: string;
  /** `uname -m` (os.machine()). */
  machine: string;
  /** Runs `sysctl -n NAME` on macOS; undefined when it fails. */
  sysctl: (name: string) => Promise<string | undefined>;
}

const WINDOWS_ARCH: Record<string, string> = { AMD64: 'x64', ARM64: 'arm64', X86: 'ia32', IA64: 'x64' };
const UNAME_ARCH: Record<string, string> = {
  x86_64: 'x64',
  amd64: 'x64',
  aarch64: 'arm64',
  arm64: 'arm64',
  i386: 'ia32',
  i686: 'ia32',
  armv7l: 'arm',
  armv6l: 'arm',
  riscv64: 'riscv64',
  ppc64le: 'ppc64',
  s390x: 's390x',
  loongarch64: 'loong64',
};

export async function machineArchFrom(s: MachineArchSources): Promise<string> {
  if (s.os === 'win32') {
    const raw = (s.env['PROCESSOR_ARCHITEW6432'] ?? s.env['PROCESSOR_ARCHITECTURE'] ?? '').toUpperCase();
    return WINDOWS_ARCH[raw] ?? s.processArch;
  }
  if (s.os === 'darwin') {
    // 1 when this process is translated by Rosetta; hw.optional.arm64 is 1 on any Apple silicon.
    const [translated, arm64] = await Promise.all([s.sysctl('sysctl.proc_translated'), s.sysctl('hw.optional.arm64')]);
    if (translated === '1' || arm64 === '1') return 'arm64';
    return s.processArch;
  }
  return UNAME_ARCH[s.machine] ?? s.processArch;
}
