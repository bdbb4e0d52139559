// Findings about the go binary itself: missing, hanging, failing, printing garbage, or fine.
import type { Finding } from '../findings';
import type { GoProblem, GoVersionInfo } from '../go/inspect';
import type { LocateResult } from '../go/locate';
import { redact } from '../redact';
import { outputExcerpt } from '../untrustedText';

const INSTALL_FIX = {
  command: 'go-env-doctor install latest',
  title: 'Install the latest Go (verified)',
  action: { kind: 'installToolchain', version: 'latest' } as const,
};

export function goNotFoundFinding(r: Extract<LocateResult, { found: false }>): Finding {
  if (r.explicit) {
    return {
      id: 'go.notFound',
      severity: 'error',
      title: 'The configured go binary does not exist',
      detail: `No executable go at ${r.explicit}, the path given by --go or the goEnv.goPath setting. Fix the path, or clear it to let Go Env Doctor search PATH and the usual install locations.`,
      subject: r.explicit,
      fixes: [INSTALL_FIX],
    };
  }
  return {
    id: 'go.notFound',
    severity: 'error',
    title: 'No go binary found',
    detail: `go is not on PATH and not in any of the usual install locations (${r.searched.slice(-6).join(', ')}, ~/sdk/go*). Install Go, or add its bin directory to PATH (for example export PATH="$PATH:/usr/local/go/bin" in your shell profile), then restart the terminal or editor.`,
    fixes: [INSTALL_FIX],
  };
}

export function goProblemFinding(goPath: string, p: GoProblem): Finding {
  const subject = `${goPath} (${p.what})`;
  switch (p.kind) {
    case 'timeout':
      return {
        id: 'go.timeout',
        severity: 'error',
        title: `\`${p.what}\` did not finish within ${p.timeoutMs} ms`,
        detail: `${goPath} hung and was stopped. A wrapper script waiting for input, a GOROOT on a stalled network drive, or an antivirus scan can cause this. Run \`${goPath} ${p.what.replace(/^go /, '')}\` in a terminal to see where it waits.`,
        subject,
      };
    case 'spawn':
      return {
        id: 'go.failed',
        severity: 'error',
        title: `${goPath} could not be started`,
        detail: `Starting it failed with ${p.code}: ${redact(p.message)}. Check that it is a go binary for this OS and architecture and that it is executable.`,
        subject,
        fixes: [INSTALL_FIX],
      };
    case 'failed': {
      const how = p.signal ? `was killed by ${p.signal}` : `exited with status ${p.exitCode}`;
      const stderr = p.stderr ? `: ${outputExcerpt(redact(p.stderr))}` : ' and printed nothing on stderr';
      const envHint = /go env file|GOENV|go\.env/i.test(p.stderr)
        ? ' The go env file looks damaged: fix or remove the line it names (`go env GOENV` prints where it is).'
        : '';
      return {
        id: 'go.failed',
        severity: 'error',
        title: `\`${p.what}\` failed`,
        detail: `${goPath} ${how}${stderr}.${envHint}`,
        subject,
      };
    }
    case 'badOutput':
      return {
        id: 'go.badOutput',
        severity: 'error',
        title: `\`${p.what}\` printed something that is not what go prints`,
        detail: `Expected ${p.expected}, got ${JSON.stringify(redact(p.output.slice(0, 200)))}. ${goPath} is probably a wrapper script or a different program named go; point --go / goEnv.goPath at the real go binary.`,
        subject,
      };
    case 'aborted':
      return {
        id: 'go.cancelled',
        severity: 'info',
        title: 'Cancelled',
        detail: 'The diagnosis was cancelled before go answered.',
        subject,
      };
  }
}

export function goOkFinding(goPath: string, v: GoVersionInfo, goroot: string | undefined, ms: number): Finding {
  return {
    id: 'go.ok',
    severity: 'ok',
    title: `${v.version} ${v.goos}/${v.goarch}`,
    detail: `${goPath}${goroot ? ` (GOROOT ${goroot})` : ''} answered in ${ms} ms.`,
    subject: goPath,
    durationMs: ms,
  };
}
