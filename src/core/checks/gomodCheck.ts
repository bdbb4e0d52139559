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
import { msg, type Message } from '../i18n/message';
import { findingWords } from '../i18n/words';

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
        ...findingWords(
          msg('check.gomod.unreadable.title'),
          msg('check.gomod.unreadable.detail', { file: input.file, error: (err as Error).message }),
        ),
        subject: input.file,
      },
    ];
  }
  const mod = parseGoMod(text);
  const out: Finding[] = mod.problems.map((p) => ({
    id: 'gomod.malformed',
    severity: 'error' as const,
    ...findingWords(
      msg('check.gomod.malformed.title'),
      msg('check.gomod.malformed.detail', { file: input.file, line: p.line, problem: p.text }),
    ),
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
        ...findingWords(
          msg('check.gomod.badGo.title', { value: mod.go.value }),
          msg('check.gomod.badGo.detail', { file: input.file, line: mod.go.line }),
        ),
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
        ...findingWords(
          msg('check.gomod.badToolchain.title', { value: mod.toolchain.value }),
          msg('check.gomod.badToolchain.detail', { file: input.file, line: mod.toolchain.line }),
        ),
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
      ...findingWords(
        msg('check.gomod.goTooNew.title', { need: need.text, local: input.localVersion ?? '' }),
        msg('check.gomod.goTooNew.detail', {
          file: input.file,
          line: mod.go.line,
          value: mod.go.value,
          local: input.localVersion ?? '',
          what: whatGoWillDo(input, local, wanted, Boolean(mod.toolchain)),
        }),
      ),
      subject: input.file,
      location: { file: input.file, line: mod.go.line },
      fixes: [installToolchainFix(wanted.text)],
    });
  } else if (toolchain && mod.toolchain && compareGoVersions(toolchain, local) > 0) {
    const switches = supportsToolchainSwitch(local) && input.gotoolchain !== 'local';
    const at = { file: input.file, line: mod.toolchain.line, local: input.localVersion ?? '' };
    out.push({
      id: 'gomod.toolchainNewer',
      severity: supportsToolchainSwitch(local) ? 'info' : 'warning',
      ...findingWords(
        msg('check.gomod.toolchainNewer.title', { value: mod.toolchain.value }),
        supportsToolchainSwitch(local)
          ? switches
            ? msg('check.gomod.toolchainNewer.switches', {
                ...at,
                gotoolchain: input.gotoolchain,
                value: mod.toolchain.value,
                goproxy: redact(input.goproxy),
              })
            : msg('check.gomod.toolchainNewer.local', at)
          : msg('check.gomod.toolchainNewer.old', at),
      ),
      subject: input.file,
      location: { file: input.file, line: mod.toolchain.line },
      fixes: [installToolchainFix(toolchain.text)],
    });
  } else {
    out.push({
      id: 'gomod.ok',
      severity: 'ok',
      ...findingWords(
        msg('check.gomod.ok.title', { need: need.text, local: input.localVersion ?? '' }),
        msg('common.verbatim', { text: input.file }),
      ),
      subject: input.file,
    });
  }
  return out;
}

function whatGoWillDo(input: GoModCheckInput, local: GoVersion, wanted: GoVersion, hasToolchainLine: boolean): Message {
  const platform = input.goos && input.goarch ? `${input.goos}-${input.goarch}` : 'GOOS-GOARCH';
  if (!supportsToolchainSwitch(local)) {
    return msg('check.gomod.goTooNew.noSwitch', {
      local: input.localVersion ?? '',
      note: hasToolchainLine ? msg('check.gomod.goTooNew.noSwitchNote') : '',
      wanted: goName(wanted),
    });
  }
  const mode = input.gotoolchain;
  if (mode === 'local' || mode.endsWith('+local') || (/^go\d/.test(mode) && !mode.includes('+'))) {
    return msg('check.gomod.goTooNew.refuse', {
      mode,
      release: releaseFor(wanted).text,
      local: local.text,
      wanted: goName(wanted),
    });
  }
  const proxyOff = /(^|[,|])\s*off\s*($|[,|])/.test(input.goproxy);
  return msg('check.gomod.goTooNew.download', {
    mode,
    wanted: goName(wanted),
    platform,
    goproxy: redact(input.goproxy),
    outcome: msg(proxyOff ? 'check.gomod.goTooNew.proxyOff' : 'check.gomod.goTooNew.mayFail'),
  });
}
