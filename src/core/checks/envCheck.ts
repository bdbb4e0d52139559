// Findings about go env: settings the OS environment silently overrides, and settings that
// disable or weaken module downloads and verification.
import type { Finding } from '../findings';
import type { EnvEntry } from '../report/model';
import { describeGoproxy, parseGoproxy } from '../go/goproxy';
import { redact } from '../redact';
import type { Platform } from '../platform';
import { clearOsVariablesFix, shellFor, windowsClearNote } from '../shell/osVariable';
import { AUTO_PROXY_FIX, setGoEnvFix as setFix, setProxyFix as proxyFix, unsetGoEnvFix as unsetFix } from './fixes';
import { envPatternFindings } from './envPatternsCheck';

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

const WHERE_OS_VARS_COME_FROM =
  'It usually comes from a shell profile (~/.bashrc, ~/.zshrc, ~/.profile), the system environment (/etc/environment, Windows System Properties → Environment Variables), or VS Code settings (go.toolsEnvVars, terminal.integrated.env.*).';

export function envFindings(input: EnvCheckInput): Finding[] {
  const out: Finding[] = [];
  const v = (name: string) => input.env[name]?.value ?? '';
  const os = input.platform?.os ?? 'linux';
  const shell = shellFor(os);
  const setGoEnvFix = (name: string, value: string, title: string) => setFix(name, value, title, shell);
  const setProxyFix = (value: string, title: string) => proxyFix(value, title, shell);
  const unsetGoEnvFix = (name: string, title: string) => unsetFix(name, title, shell);

  // OS variables beat the go env file: `go env -w` then silently changes nothing.
  if (input.file) {
    for (const name of SETTINGS_WORTH_CHECKING) {
      const fromOs = input.os[name];
      const fromFile = input.file.values.get(name);
      if (fromOs && fromFile !== undefined && fromFile !== fromOs) {
        out.push({
          id: 'env.overridden',
          severity: 'warning',
          title: `${name} in the environment overrides the go env file`,
          detail: `${name} is "${redact(fromOs)}" in the OS environment and "${redact(fromFile)}" in ${input.file.path}. The environment wins, so the file's value (and any \`go env -w ${name}=…\`) has no effect. ${WHERE_OS_VARS_COME_FROM} Remove it there to let the go env file decide, or make both the same.${os === 'win32' ? ` ${windowsClearNote([name])}` : ''}`,
          subject: name,
          fixes: [
            clearOsVariablesFix(
              [name],
              os,
              `Remove ${name} from the OS environment`,
              'then remove it from the shell profile that sets it',
            ),
          ],
        });
      }
    }
  }

  const goproxy = v('GOPROXY');
  const entries = parseGoproxy(goproxy);
  const sourceNote = (name: string) =>
    input.env[name]?.source === 'environment'
      ? ' (set in the OS environment, which a `go env -w` cannot override)'
      : '';
  const restoreProxy = setProxyFix('https://proxy.golang.org,direct', 'Use the default module proxy');
  const autoProxy = AUTO_PROXY_FIX;

  const offIndex = entries.findIndex((e) => e.kind === 'off');
  if (offIndex !== -1) {
    out.push({
      id: 'env.proxyOff',
      severity: offIndex === 0 ? 'warning' : 'info',
      title: offIndex === 0 ? 'Module downloads are turned off (GOPROXY=off)' : 'GOPROXY ends in "off"',
      detail:
        offIndex === 0
          ? `GOPROXY is "${redact(goproxy)}"${sourceNote('GOPROXY')}: the go command refuses to download any module or toolchain and builds only from the module cache. That is right for an air-gapped machine; otherwise set a proxy.`
          : `After ${entries
              .slice(0, offIndex)
              .map((e) => redact(e.text))
              .join(', ')}, the go command stops instead of trying further sources.`,
      subject: 'GOPROXY',
      fixes: offIndex === 0 ? [autoProxy, restoreProxy] : [],
    });
  }

  const invalid = entries.filter((e) => e.kind === 'invalid');
  for (const e of invalid) {
    out.push({
      id: 'env.proxyInvalid',
      severity: 'error',
      title: `GOPROXY entry "${redact(e.text)}" is not valid`,
      detail: `GOPROXY is "${redact(goproxy)}"${sourceNote('GOPROXY')}; "${redact(e.text)}" is invalid because ${e.kind === 'invalid' ? e.reason : ''}. The go command rejects the whole list, so every module download fails. Entries are URLs (https://goproxy.cn) or the keywords direct and off, separated by "," or "|".`,
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
      title: 'How the go command will use GOPROXY',
      detail: `${describeGoproxy(entries)}. After "," the next entry is tried only when a module is not found (404 or 410); after "|" it is tried on any error, including a timeout. So with "," an unreachable first proxy fails the download instead of falling through.`,
      subject: 'GOPROXY',
    });
  }

  const gosumdb = v('GOSUMDB');
  if (gosumdb === 'off') {
    out.push({
      id: 'env.sumdbOff',
      severity: 'warning',
      title: 'Checksum verification is turned off (GOSUMDB=off)',
      detail: `GOSUMDB is off${sourceNote('GOSUMDB')}: new modules are not checked against the Go checksum database, so a compromised proxy or mirror can serve altered code unnoticed, and the go command refuses to download toolchains at all. If sum.golang.org is unreachable from your network, use its official mirror sum.golang.google.cn or a GOPROXY that forwards the checksum database instead.`,
      subject: 'GOSUMDB',
      fixes: [
        setGoEnvFix('GOSUMDB', 'sum.golang.org', 'Turn checksum verification back on'),
        setGoEnvFix(
          'GOSUMDB',
          'sum.golang.google.cn',
          'Use the official checksum database mirror reachable from mainland China',
        ),
      ],
    });
  }

  const insecure = v('GOINSECURE');
  if (insecure !== '') {
    out.push({
      id: 'env.insecure',
      severity: 'warning',
      title: 'GOINSECURE allows unverified downloads',
      detail: `GOINSECURE is "${redact(insecure)}"${sourceNote('GOINSECURE')}: modules matching it may be fetched over plain HTTP or with unchecked certificates. If a TLS error made you set it, fix the trust instead (add your organisation's root certificate to SSL_CERT_FILE or the system store) and remove it.`,
      subject: 'GOINSECURE',
      fixes: [unsetGoEnvFix('GOINSECURE', 'Remove GOINSECURE')],
    });
  }
  const goflags = v('GOFLAGS');
  if (/(^|\s)-{1,2}insecure(=|\s|$)/.test(goflags)) {
    const kept = goflags.replace(/(^|\s)-{1,2}insecure(=\S*)?/g, '').trim();
    const title = 'Remove -insecure from GOFLAGS';
    out.push({
      id: 'env.insecure',
      severity: 'warning',
      title: 'GOFLAGS contains -insecure',
      detail: `GOFLAGS is "${redact(goflags)}"${sourceNote('GOFLAGS')}: since go 1.17 the go command no longer accepts -insecure, and every \`go get\` fails with "-insecure flag is no longer supported; use GOINSECURE instead". Remove it. GOINSECURE, the knob that remains, turns off the same verification: fix the trust behind the TLS error instead (your organisation's root certificate in SSL_CERT_FILE or the system store).`,
      subject: 'GOFLAGS',
      fixes: [kept === '' ? unsetGoEnvFix('GOFLAGS', title) : setGoEnvFix('GOFLAGS', kept, title)],
    });
  }

  out.push(...envPatternFindings(input.env));

  if (!out.some((f) => f.severity === 'warning' || f.severity === 'error')) {
    out.push({
      id: 'env.ok',
      severity: 'ok',
      title: 'go env settings are consistent',
      detail: `GOPROXY=${redact(goproxy)} (${input.env['GOPROXY']?.source ?? 'default'}), GOSUMDB=${redact(gosumdb)} (${input.env['GOSUMDB']?.source ?? 'default'}); no variable in the environment contradicts the go env file.`,
    });
  }
  return out;
}
