// A go built for another architecture than the machine's runs under emulation (Rosetta on
// Apple silicon, qemu/binfmt on arm64 Linux, WOW64 for 386 on 64-bit Windows): slower builds,
// binaries for the wrong architecture by default, and cgo or the race detector failing.
import type { Finding } from '../findings';
import { goosGoarch, type Platform } from '../platform';
import { msg, type Message } from '../i18n/message';
import { findingWords } from '../i18n/words';
import { installToolchainFix } from './fixes';

const EMULATOR: Record<string, Message> = {
  darwin: msg('check.go.arch.emulator.darwin'),
  win32: msg('check.go.arch.emulator.win32'),
  linux: msg('check.go.arch.emulator.linux'),
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
    ...findingWords(
      msg('check.go.arch.title', { goarch: go.goarch, native }),
      msg('check.go.arch.detail', {
        path: go.path,
        goos,
        goarch: go.goarch,
        version: go.version,
        emulator: EMULATOR[p.os] ?? msg('check.go.arch.emulator.other'),
        native,
      }),
    ),
    subject: go.path,
    fixes: [
      {
        ...installToolchainFix(version, msg('check.go.arch.fix', { native, version })),
        // The installer would otherwise pick this process's architecture, the emulated one.
        command: `go-env-doctor install ${version} --arch ${native}`,
        action: { kind: 'installToolchain', version, arch: machineArch },
      },
    ],
  };
}
