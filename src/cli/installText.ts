// What `install` prints for a person: where the toolchain went and how it was verified, and the
// notice when the release index fails and the toolchain comes through GOPROXY instead.
import * as path from 'node:path';
import type { Lang } from '../core/i18n/lang';
import { msg, type Message } from '../core/i18n/message';
import { render } from '../core/i18n/render';
import { localizeFinding } from '../core/i18n/localize';
import type { FallbackNotice, ModuleInstall, ToolchainInstallResult } from '../core/toolchain/install';
import { formatMb } from '../core/units';

export function humanSummary(r: ToolchainInstallResult, lang: Lang = 'en'): string {
  const t = (m: Message) => render(m, lang);
  if (r.alreadyInstalled) return `${r.description}\n`;
  const head = `${t(msg('cli.install.installed', { version: r.version, goroot: r.goroot }))}\n`;
  const run = `${t(msg('cli.install.run', { command: `${path.join(r.goroot, 'bin', 'go')} version` }))}\n`;
  if (r.via === 'archive') {
    const index = r.indexUrl ? msg('cli.install.indexUrl', { url: r.indexUrl }) : '';
    const verified = msg('cli.install.archiveVerified', {
      sha256: r.sha256 ?? '',
      index,
      size: formatMb(r.bytes ?? 0),
      source: r.source ?? '',
    });
    const corrupt = (r.corruptSources ?? [])
      .map((f) => localizeFinding(f, lang))
      .map((f) => `  ⚠ ${f.title}: ${f.detail}\n`)
      .join('');
    return `${head}${t(verified)}\n${corrupt}${run}`;
  }
  return `${head}${proxyLines(r, t)}${run}`;
}

function proxyLines(r: ModuleInstall, t: (m: Message) => string): string {
  const v = r.verification;
  const goproxy = `GOPROXY${r.goproxy ? `=${r.goproxy.value}` : ''}`;
  const size = formatMb(r.bytes ?? 0);
  const lines = [t(msg('cli.install.moduleZip', { size, module: r.module, source: r.source ?? '', goproxy }))];
  if (v) {
    const key = v.via === 'proxy' ? 'cli.install.h1Verified.proxy' : 'cli.install.h1Verified.direct';
    const tree = { h1: r.h1 ?? '', database: v.database, size: v.treeSize.toLocaleString('en-US'), record: v.recordId };
    lines.push(t(msg(key, tree)));
    for (const note of v.notes) lines.push(t(msg('cli.install.note', { note })));
  }
  if (r.fallbackFrom) lines.push(t(msg('cli.install.fellBack')));
  return lines.map((l) => `${l}\n`).join('');
}

export function fallbackNotice(e: FallbackNotice, lang: Lang = 'en'): string {
  const then = msg('cli.install.fallback', { goproxy: e.goproxy.value, database: e.database });
  return `${e.reason.message}\n${render(then, lang)}\n`;
}
