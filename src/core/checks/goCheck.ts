// Findings about the go binary itself: missing, hanging, failing, printing garbage, or fine.
import type { Finding } from '../findings';
import type { GoProblem, GoVersionInfo } from '../go/inspect';
import type { LocateResult } from '../go/locate';
import { redact } from '../redact';
import { outputExcerpt } from '../untrustedText';
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';
import { installToolchainFix } from './fixes';
import { joined } from '../i18n/join';

const INSTALL_FIX = installToolchainFix('latest', msg('check.fix.installLatest'));

export function goNotFoundFinding(r: Extract<LocateResult, { found: false }>): Finding {
  if (r.explicit) {
    return {
      id: 'go.notFound',
      severity: 'error',
      ...findingWords(
        msg('check.go.notFound.explicit.title'),
        msg('check.go.notFound.explicit.detail', { path: r.explicit }),
      ),
      subject: r.explicit,
      fixes: [INSTALL_FIX],
    };
  }
  return {
    id: 'go.notFound',
    severity: 'error',
    ...findingWords(
      msg('check.go.notFound.title'),
      msg('check.go.notFound.detail', { searched: joined(r.searched.slice(-6)) }),
    ),
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
        ...findingWords(
          msg('check.go.timeout.title', { what: p.what, ms: p.timeoutMs }),
          msg('check.go.timeout.detail', { go: goPath, args: p.what.replace(/^go /, '') }),
        ),
        subject,
      };
    case 'spawn':
      return {
        id: 'go.failed',
        severity: 'error',
        ...findingWords(
          msg('check.go.spawn.title', { go: goPath }),
          msg('check.go.spawn.detail', { code: p.code, message: redact(p.message) }),
        ),
        subject,
        fixes: [INSTALL_FIX],
      };
    case 'failed': {
      const how = p.signal
        ? msg('check.go.failed.killed', { go: goPath, signal: p.signal })
        : msg('check.go.failed.exited', { go: goPath, code: String(p.exitCode) });
      const hint = /go env file|GOENV|go\.env/i.test(p.stderr) ? msg('check.go.failed.envHint') : '';
      return {
        id: 'go.failed',
        severity: 'error',
        ...findingWords(
          msg('check.go.failed.title', { what: p.what }),
          p.stderr
            ? msg('check.go.failed.detail.stderr', { how, stderr: outputExcerpt(redact(p.stderr)), hint })
            : msg('check.go.failed.detail.silent', { how, hint }),
        ),
        subject,
      };
    }
    case 'badOutput':
      return {
        id: 'go.badOutput',
        severity: 'error',
        ...findingWords(
          msg('check.go.badOutput.title', { what: p.what }),
          msg('check.go.badOutput.detail', {
            expected: p.expected,
            got: JSON.stringify(redact(p.output.slice(0, 200))),
            go: goPath,
          }),
        ),
        subject,
      };
    case 'aborted':
      return {
        id: 'go.cancelled',
        severity: 'info',
        ...findingWords(msg('check.go.cancelled.title'), msg('check.go.cancelled.detail')),
        subject,
      };
  }
}

export function goOkFinding(goPath: string, v: GoVersionInfo, goroot: string | undefined, ms: number): Finding {
  return {
    id: 'go.ok',
    severity: 'ok',
    ...findingWords(
      msg('check.go.ok.title', { version: v.version, goos: v.goos, goarch: v.goarch }),
      msg('check.go.ok.detail', { go: goPath, goroot: goroot ? msg('check.go.ok.goroot', { goroot }) : '', ms }),
    ),
    subject: goPath,
    durationMs: ms,
  };
}
