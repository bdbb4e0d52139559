// A go built for another architecture than the machine's runs under emulation (Rosetta on
// Apple silicon, qemu/binfmt on arm64 Linux, WOW64 for 386 on 64-bit Windows): slower builds,
// binaries for the wrong architecture by default, and cgo or the race detector failing.
import type { Finding } from '../findings';
import { goosGoarch, type Platform } from '../platform';

const EMULATOR: Record<string, string> = {
  darwin: 'Rosetta 2',
  win32: 'Windows emulation (WOW64)',
  linux: 'emulation (qemu/binfmt)',
};

export function archFinding(
  go: { path: string; version: string; goarch: string },
  machineArch: string,
  p: Pick<Platform, 'os'>,
): Finding | undefined {
  const { goos, goarch } = goosGoarch({ os: p.os, arch: machineArch });
  const native = goarch === 'armv6l' ? 'arm' : goarch;
  if (go.goarch === native) return undefined;
  const version = go.version.replace(/^go/, '');
  return {
    id: 'go.archMismatch',
    severity: 'warning',
    title: `go is built for ${go.goarch}, this machine is ${native}`,
    detail: `${go.path} is the ${goos}/${go.goarch} build of ${go.version}, running under ${EMULATOR[p.os] ?? 'emulation'} on this ${native} machine: builds are slower, programs are built for ${go.goarch} unless GOARCH says otherwise, and cgo and the race detector can fail. Install the ${goos}/${native} build of the same version and remove this one.`,
    subject: go.path,
    fixes: [
      {
        // The installer would otherwise pick this process's architecture, the emulated one.
        command: `go-env-doctor install ${version} --arch ${native}`,
        title: `Install the ${native} build of Go ${version} (verified)`,
        action: { kind: 'installToolchain', version, arch: machineArch },
      },
    ],
  };
}
