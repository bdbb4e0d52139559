// HTTP(S)_PROXY as the go command uses it: each configured proxy must accept a TCP connection,
// values Go cannot parse are ignored by Go (say so), and ALL_PROXY is not read by Go at all.
// Credentials never appear: proxies are shown with `***` in place of user and password.
import type { Finding } from '../findings';
import type { NetProxyConfig, ProxySetting } from '../net/netproxy';
import { probeTcp, proxyPort } from '../net/probe';
import { formatMs } from '../units';
import { capitalize } from '../text';
import { clearOsVariablesFix, windowsClearNote } from '../shell/osVariable';

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
    const vars = variables.join(' and ');
    const uses = variables.some((v) => v.toLowerCase() === 'https_proxy')
      ? 'every https:// download of the go command'
      : "the go command's http:// downloads";
    if (r.ok) {
      return {
        id: 'netproxy.ok',
        severity: 'ok',
        title: `HTTP proxy ${setting.display} accepts connections`,
        detail: `${vars} names ${setting.display}; it accepted a TCP connection in ${formatMs(r.totalMs)}. ${capitalize(uses)} goes through it (except hosts listed in NO_PROXY, and localhost).`,
        subject: setting.display,
        durationMs: Math.round(r.totalMs),
      };
    }
    const e = r.error!;
    const why =
      e.kind === 'dns'
        ? `its host name does not resolve (${e.code})`
        : e.kind === 'timeout'
          ? `it did not accept a connection within ${input.timeoutMs} ms`
          : e.code === 'ECONNREFUSED'
            ? 'nothing accepts connections there (connection refused): the proxy is not running, or the port is wrong'
            : `it cannot be reached (${e.code})`;
    return {
      id: 'netproxy.unreachable',
      severity: 'error',
      title: `HTTP proxy ${setting.display} is unreachable`,
      detail: `${vars} names ${setting.display}, but ${why}. ${capitalize(uses)} goes through it, so those downloads fail until the proxy is reachable or the variable is corrected or removed.${os === 'win32' ? ` ${windowsClearNote(variables)}` : ''}`,
      subject: setting.display,
      durationMs: Math.round(r.totalMs),
      fixes: [
        os === 'win32'
          ? clearOsVariablesFix(
              variables,
              os,
              `Stop using the proxy (removes ${vars} from this session and your user environment)`,
            )
          : clearOsVariablesFix(
              variables,
              os,
              `Stop using the proxy in this shell (also remove ${vars} from your shell profile if the proxy is gone)`,
            ),
      ],
    };
  });

  for (const bad of cfg.invalid) {
    findings.push({
      id: 'netproxy.invalid',
      severity: 'warning',
      title: `${bad.variable} is not a valid proxy URL`,
      detail: `${bad.variable}=${bad.value} cannot be parsed as a proxy URL, so the go command ignores it and connects directly. Use http://host:port (or http://user:password@host:port).`,
      subject: bad.variable,
    });
  }
  if (cfg.allProxy !== undefined) {
    const covered = cfg.https !== undefined;
    findings.push({
      id: 'netproxy.allProxyIgnored',
      severity: covered ? 'info' : 'warning',
      title: 'ALL_PROXY is set, but the go command ignores it',
      detail: `ALL_PROXY=${cfg.allProxy} is read by curl and some other tools, not by the go command, which uses only HTTPS_PROXY, HTTP_PROXY and NO_PROXY.${covered ? '' : ' If the go command must use that proxy, set HTTPS_PROXY to it as well.'}`,
      subject: 'ALL_PROXY',
    });
  }
  findings.unshift(...(await Promise.all(checks)));
  return findings;
}
