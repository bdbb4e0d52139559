// HTTP(S)_PROXY as the go command uses it: each configured proxy must accept a TCP connection,
// values Go cannot parse are ignored by Go (say so), and ALL_PROXY is not read by Go at all.
// Credentials never appear: proxies are shown with `***` in place of user and password.
import type { Finding } from '../findings';
import type { NetProxyConfig, ProxySetting } from '../net/netproxy';
import { probeTcp, proxyPort } from '../net/probe';
import { formatMs } from '../units';
import { clearOsVariablesFix, windowsClearNoteText } from '../shell/osVariable';
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';
import { titledFix } from '../i18n/findingText';
import { appended, joined } from '../i18n/join';

export async function runNetproxyCheck(input: {
  netproxy: NetProxyConfig;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Decides the shell the fix is shown for (POSIX unless given). */
  os?: NodeJS.Platform | undefined;
}): Promise<Finding[]> {
  const os = input.os ?? 'linux';
  const cfg = input.netproxy;
  const findings: Finding[] = [];

  // One check per distinct proxy, naming every variable that points at it.
  const byUrl = new Map<string, { setting: ProxySetting; variables: string[] }>();
  for (const s of [cfg.https, cfg.http]) {
    if (!s) continue;
    const entry = byUrl.get(s.url.href) ?? { setting: s, variables: [] };
    entry.variables.push(s.variable);
    byUrl.set(s.url.href, entry);
  }

  const checks = [...byUrl.values()].map(async ({ setting, variables }): Promise<Finding> => {
    const port = proxyPort(setting.url);
    const r = await probeTcp(setting.url.hostname, port, {
      timeoutMs: input.timeoutMs,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    const vars = joined(variables, msg('check.httpProxy.and'));
    const uses = msg(
      variables.some((v) => v.toLowerCase() === 'https_proxy')
        ? 'check.httpProxy.uses.https'
        : 'check.httpProxy.uses.http',
    );
    const proxy = setting.display;
    if (r.ok) {
      return {
        id: 'netproxy.ok',
        severity: 'ok',
        ...findingWords(
          msg('check.httpProxy.ok.title', { proxy }),
          msg('check.httpProxy.ok.detail', { variables: vars, proxy, ms: formatMs(r.totalMs), uses }),
        ),
        subject: setting.display,
        durationMs: Math.round(r.totalMs),
      };
    }
    const e = r.error!;
    const why =
      e.kind === 'dns'
        ? msg('check.httpProxy.why.dns', { code: e.code ?? '' })
        : e.kind === 'timeout'
          ? msg('check.httpProxy.why.timeout', { ms: input.timeoutMs })
          : e.code === 'ECONNREFUSED'
            ? msg('check.httpProxy.why.refused')
            : msg('check.httpProxy.why.other', { code: e.code ?? '' });
    return {
      id: 'netproxy.unreachable',
      severity: 'error',
      ...findingWords(
        msg('check.httpProxy.unreachable.title', { proxy }),
        msg('check.httpProxy.unreachable.detail', {
          variables: vars,
          proxy,
          why,
          uses,
          windows: os === 'win32' ? appended(windowsClearNoteText(variables)) : '',
        }),
      ),
      subject: setting.display,
      durationMs: Math.round(r.totalMs),
      fixes: [
        titledFix(
          msg(os === 'win32' ? 'check.httpProxy.fix.win32' : 'check.httpProxy.fix.posix', { variables: vars }),
          (title) => clearOsVariablesFix(variables, os, title),
        ),
      ],
    };
  });

  for (const bad of cfg.invalid) {
    findings.push({
      id: 'netproxy.invalid',
      severity: 'warning',
      ...findingWords(
        msg('check.httpProxy.invalid.title', { variable: bad.variable }),
        msg('check.httpProxy.invalid.detail', { variable: bad.variable, value: bad.value }),
      ),
      subject: bad.variable,
    });
  }
  if (cfg.allProxy !== undefined) {
    const covered = cfg.https !== undefined;
    findings.push({
      id: 'netproxy.allProxyIgnored',
      severity: covered ? 'info' : 'warning',
      ...findingWords(
        msg('check.httpProxy.allProxy.title'),
        msg('check.httpProxy.allProxy.detail', {
          value: cfg.allProxy,
          advice: covered ? '' : msg('check.httpProxy.allProxy.advice'),
        }),
      ),
      subject: 'ALL_PROXY',
    });
  }
  findings.unshift(...(await Promise.all(checks)));
  return findings;
}
