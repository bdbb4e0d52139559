// go.mod against the installed Go: a module that needs a newer Go, and what GOTOOLCHAIN will do.
import { promises as fs } from 'node:fs';
import type { Finding } from '../findings';
import {
  compareGoVersions,
  goName,
  parseGoVersion,
  releaseFor,
  supportsToolchainSwitch,
  type GoVersion,
} from '../goVersion';
import { parseGoMod } from '../gomod/parse';
import { redact } from '../redact';
import { installToolchainFix } from './fixes';

export interface GoModCheckInput {
  file: string;
  /** `go version`'s version, e.g. `go1.21.5`; undefined when go is missing. */
  localVersion?: string | undefined;
  gotoolchain: string;
  goproxy: string;
  goos?: string | undefined;
  goarch?: string | undefined;
}

export async function goModFindings(input: GoModCheckInput): Promise<Finding[]> {
  let text: string;
  try {
    text = await fs.readFile(input.file, 'utf8');
  } catch (err) {
    return [
      {
        id: 'gomod.unreadable',
        severity: 'warning',
        title: 'go.mod could not be read',
        detail: `${input.file}: ${(err as Error).message}.`,
        subject: input.file,
      },
    ];
  }
  const mod = parseGoMod(text);
  const out: Finding[] = mod.problems.map((p) => ({
    id: 'gomod.malformed',
    severity: 'error' as const,
    title: 'go.mod is malformed',
    detail: `${input.file}:${p.line}: ${p.message}. The go command will refuse this module until the line is fixed.`,
    subject: input.file,
    location: { file: input.file, line: p.line },
  }));

  let need: GoVersion | undefined;
  if (mod.go) {
    need = parseGoVersion(mod.go.value);
    if (!need) {
      out.push({
        id: 'gomod.malformed',
        severity: 'error',
        title: `go.mod has an invalid go version "${mod.go.value}"`,
        detail: `${input.file}:${mod.go.line}: the go directive takes a Go version such as 1.22 or 1.22.3. The go command refuses the module until it is fixed.`,
        subject: input.file,
        location: { file: input.file, line: mod.go.line },
      });
    }
  }
  let toolchain: GoVersion | undefined;
  if (mod.toolchain && mod.toolchain.value !== 'default') {
    toolchain = parseGoVersion(mod.toolchain.value);
    if (!toolchain || !mod.toolchain.value.startsWith('go')) {
      toolchain = undefined;
      out.push({
        id: 'gomod.malformed',
        severity: 'error',
        title: `go.mod has an invalid toolchain "${mod.toolchain.value}"`,
        detail: `${input.file}:${mod.toolchain.line}: the toolchain directive takes a name such as go1.22.3 (or default).`,
        subject: input.file,
        location: { file: input.file, line: mod.toolchain.line },
      });
    }
  }

  const local = input.localVersion ? parseGoVersion(input.localVersion) : undefined;
  if (!local || !need || !mod.go) return out;

  if (compareGoVersions(need, local) > 0) {
    const wanted = releaseFor(toolchain && compareGoVersions(toolchain, need) > 0 ? toolchain : need);
    out.push({
      id: 'gomod.goTooNew',
      severity: 'error',
      title: `go.mod needs Go ${need.text}; this is ${input.localVersion}`,
      detail: `${input.file}:${mod.go.line} says "go ${mod.go.value}", newer than the installed ${input.localVersion}. ${whatGoWillDo(input, local, wanted, Boolean(mod.toolchain))}`,
      subject: input.file,
      location: { file: input.file, line: mod.go.line },
      fixes: [installToolchainFix(wanted.text)],
    });
  } else if (toolchain && mod.toolchain && compareGoVersions(toolchain, local) > 0) {
    const switches = supportsToolchainSwitch(local) && input.gotoolchain !== 'local';
    out.push({
      id: 'gomod.toolchainNewer',
      severity: supportsToolchainSwitch(local) ? 'info' : 'warning',
      title: `go.mod asks for toolchain ${mod.toolchain.value}`,
      detail: supportsToolchainSwitch(local)
        ? switches
          ? `${input.file}:${mod.toolchain.line}: with GOTOOLCHAIN=${input.gotoolchain}, the go command will download ${mod.toolchain.value} through GOPROXY (${redact(input.goproxy)}) before building. Installing it now avoids that wait.`
          : `${input.file}:${mod.toolchain.line}: GOTOOLCHAIN=local, so ${input.localVersion} is used and the toolchain line is ignored.`
        : `${input.file}:${mod.toolchain.line}: ${input.localVersion} predates the toolchain directive (Go 1.21) and fails with "unknown directive: toolchain". Install a newer Go.`,
      subject: input.file,
      location: { file: input.file, line: mod.toolchain.line },
      fixes: [installToolchainFix(toolchain.text)],
    });
  } else {
    out.push({
      id: 'gomod.ok',
      severity: 'ok',
      title: `go.mod's Go version ${need.text} is satisfied by ${input.localVersion}`,
      detail: `${input.file}`,
      subject: input.file,
    });
  }
  return out;
}

function whatGoWillDo(input: GoModCheckInput, local: GoVersion, wanted: GoVersion, hasToolchainLine: boolean): string {
  const platform = input.goos && input.goarch ? `${input.goos}-${input.goarch}` : 'GOOS-GOARCH';
  if (!supportsToolchainSwitch(local)) {
    return `${input.localVersion} predates automatic toolchain switching (Go 1.21), so it will try to build with itself and fail${hasToolchainLine ? ' (it does not even understand the toolchain line)' : ''}. Install ${goName(wanted)} or newer.`;
  }
  const mode = input.gotoolchain;
  if (mode === 'local' || mode.endsWith('+local') || (/^go\d/.test(mode) && !mode.includes('+'))) {
    return `GOTOOLCHAIN=${mode}, so the go command will refuse: "go.mod requires go >= ${releaseFor(wanted).text} (running go ${local.text}; GOTOOLCHAIN=${mode})". Install ${goName(wanted)}, or allow switching with GOTOOLCHAIN=auto.`;
  }
  const proxyOff = /(^|[,|])\s*off\s*($|[,|])/.test(input.goproxy);
  return `With GOTOOLCHAIN=${mode}, the go command will download golang.org/toolchain@v0.0.1-${goName(wanted)}.${platform} through GOPROXY (${redact(input.goproxy)}) and verify it against the checksum database${proxyOff ? '; GOPROXY includes "off", so that download is refused and builds fail with "toolchain not available"' : '; if that proxy or the checksum database is unreachable it fails with "toolchain not available"'}. Installing ${goName(wanted)} ahead of time avoids that.`;
}
