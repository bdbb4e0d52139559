// Findings about go env: settings the OS environment silently overrides, and settings that
// disable or weaken module downloads and verification.
import type { Finding } from '../findings';
import type { EnvEntry } from '../report/model';
import { describeGoproxyText, parseGoproxy } from '../go/goproxy';
import { redact } from '../redact';
import type { Platform } from '../platform';
import { clearOsVariablesFix, shellFor, windowsClearNoteText } from '../shell/osVariable';
import { AUTO_PROXY_FIX, setGoEnvFix as setFix, setProxyFix as proxyFix, unsetGoEnvFix as unsetFix } from './fixes';
import { envPatternFindings } from './envPatternsCheck';
import { msg, type Message } from '../i18n/message';
import { findingWords } from '../i18n/words';
import { titledFix } from '../i18n/findingText';
import { appended, joined } from '../i18n/join';

export interface EnvCheckInput {
  env: Record<string, EnvEntry>;
  /** Values in the OS environment (non-empty only). */
  os: NodeJS.ProcessEnv;
  /** The go env file and what it holds, when there is one. */
  file?: { path: string; values: Map<string, string> } | undefined;
  /** Decides the shell commands are shown for (POSIX unless given). */
  platform?: Pick<Platform, 'os'> | undefined;
}

const SETTINGS_WORTH_CHECKING = [
  'GOPROXY',
  'GOSUMDB',
  'GONOSUMDB',
  'GONOPROXY',
  'GOPRIVATE',
  'GOINSECURE',
  'GOFLAGS',
  'GOTOOLCHAIN',
  'GO111MODULE',
  'GOPATH',
  'GOMODCACHE',
  'GOBIN',
];

export function envFindings(input: EnvCheckInput): Finding[] {
  const out: Finding[] = [];
  const v = (name: string) => input.env[name]?.value ?? '';
  const os = input.platform?.os ?? 'linux';
  const shell = shellFor(os);
  const setGoEnvFix = (name: string, value: string, title: Message) => setFix(name, value, title, shell);
  const setProxyFix = (value: string, title: Message) => proxyFix(value, title, shell);
  const unsetGoEnvFix = (name: string, title: Message) => unsetFix(name, title, shell);

  // OS variables beat the go env file: `go env -w` then silently changes nothing.
  if (input.file) {
    for (const name of SETTINGS_WORTH_CHECKING) {
      const fromOs = input.os[name];
      const fromFile = input.file.values.get(name);
      if (fromOs && fromFile !== undefined && fromFile !== fromOs) {
        out.push({
          id: 'env.overridden',
          severity: 'warning',
          ...findingWords(
            msg('check.env.overridden.title', { name }),
            msg('check.env.overridden.detail', {
              name,
              osValue: redact(fromOs),
              fileValue: redact(fromFile),
              file: input.file.path,
              where: msg('check.env.whereOsVarsComeFrom'),
              windows: os === 'win32' ? appended(windowsClearNoteText([name])) : '',
            }),
          ),
          subject: name,
          fixes: [
            titledFix(msg('check.env.fix.removeOsVar', { name }), (title) =>
              clearOsVariablesFix([name], os, title, 'then remove it from the shell profile that sets it'),
            ),
          ],
        });
      }
    }
  }

  const goproxy = v('GOPROXY');
  const entries = parseGoproxy(goproxy);
  const sourceNote = (name: string) => (input.env[name]?.source === 'environment' ? msg('check.env.sourceNote') : '');
  const restoreProxy = setProxyFix('https://proxy.golang.org,direct', msg('check.env.fix.defaultProxy'));
  const autoProxy = AUTO_PROXY_FIX;

  const offIndex = entries.findIndex((e) => e.kind === 'off');
  if (offIndex !== -1) {
    out.push({
      id: 'env.proxyOff',
      severity: offIndex === 0 ? 'warning' : 'info',
      ...(offIndex === 0
        ? findingWords(
            msg('check.env.proxyOff.title'),
            msg('check.env.proxyOff.detail', { goproxy: redact(goproxy), source: sourceNote('GOPROXY') }),
          )
        : findingWords(
            msg('check.env.proxyOffLater.title'),
            msg('check.env.proxyOffLater.detail', {
              entries: joined(entries.slice(0, offIndex).map((e) => redact(e.text))),
            }),
          )),
      subject: 'GOPROXY',
      fixes: offIndex === 0 ? [autoProxy, restoreProxy] : [],
    });
  }

  const invalid = entries.filter((e) => e.kind === 'invalid');
  for (const e of invalid) {
    out.push({
      id: 'env.proxyInvalid',
      severity: 'error',
      ...findingWords(
        msg('check.env.proxyInvalid.title', { entry: redact(e.text) }),
        msg('check.env.proxyInvalid.detail', {
          goproxy: redact(goproxy),
          source: sourceNote('GOPROXY'),
          entry: redact(e.text),
          reason: e.kind === 'invalid' ? e.reasonText : '',
        }),
      ),
      subject: 'GOPROXY',
      fixes: [autoProxy, restoreProxy],
    });
  }
  // Several mirrors joined by "," look like failover but are not: say so.
  if (
    invalid.length === 0 &&
    entries.filter((e) => e.kind === 'url').length >= 2 &&
    entries.some((e) => e.kind === 'url' && e.next === 'notFound')
  ) {
    out.push({
      id: 'env.proxyList',
      severity: 'info',
      ...findingWords(
        msg('check.env.proxyList.title'),
        msg('check.env.proxyList.detail', { description: describeGoproxyText(entries) }),
      ),
      subject: 'GOPROXY',
    });
  }

  const gosumdb = v('GOSUMDB');
  if (gosumdb === 'off') {
    out.push({
      id: 'env.sumdbOff',
      severity: 'warning',
      ...findingWords(
        msg('check.env.sumdbOff.title'),
        msg('check.env.sumdbOff.detail', { source: sourceNote('GOSUMDB') }),
      ),
      subject: 'GOSUMDB',
      fixes: [
        setGoEnvFix('GOSUMDB', 'sum.golang.org', msg('check.env.fix.sumdbOn')),
        setGoEnvFix('GOSUMDB', 'sum.golang.google.cn', msg('check.env.fix.sumdbChina')),
      ],
    });
  }

  const insecure = v('GOINSECURE');
  if (insecure !== '') {
    out.push({
      id: 'env.insecure',
      severity: 'warning',
      ...findingWords(
        msg('check.env.insecure.title'),
        msg('check.env.insecure.detail', { value: redact(insecure), source: sourceNote('GOINSECURE') }),
      ),
      subject: 'GOINSECURE',
      fixes: [unsetGoEnvFix('GOINSECURE', msg('check.env.fix.removeInsecure'))],
    });
  }
  const goflags = v('GOFLAGS');
  if (/(^|\s)-{1,2}insecure(=|\s|$)/.test(goflags)) {
    const kept = goflags.replace(/(^|\s)-{1,2}insecure(=\S*)?/g, '').trim();
    const title = msg('check.env.fix.removeInsecureFlag');
    out.push({
      id: 'env.insecure',
      severity: 'warning',
      ...findingWords(
        msg('check.env.insecureFlag.title'),
        msg('check.env.insecureFlag.detail', { value: redact(goflags), source: sourceNote('GOFLAGS') }),
      ),
      subject: 'GOFLAGS',
      fixes: [kept === '' ? unsetGoEnvFix('GOFLAGS', title) : setGoEnvFix('GOFLAGS', kept, title)],
    });
  }

  out.push(...envPatternFindings(input.env));

  if (!out.some((f) => f.severity === 'warning' || f.severity === 'error')) {
    out.push({
      id: 'env.ok',
      severity: 'ok',
      ...findingWords(
        msg('check.env.ok.title'),
        msg('check.env.ok.detail', {
          goproxy: redact(goproxy),
          proxySource: input.env['GOPROXY']?.source ?? 'default',
          gosumdb: redact(gosumdb),
          sumdbSource: input.env['GOSUMDB']?.source ?? 'default',
        }),
      ),
    });
  }
  return out;
}
