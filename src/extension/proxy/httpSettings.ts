// VS Code's own proxy settings (http.proxy, http.noProxy, http.proxyStrictSSL) against the
// environment the go command sees. Pure: unit-tested without VS Code.
import type { Finding } from '../../core/findings';
import { redact } from '../../core/redact';
import type { ConfigReader } from '../settings';

export interface VsCodeHttpSettings {
  /** http.proxy; '' when unset (VS Code then falls back to the environment). */
  proxy: string;
  noProxy: string[];
  proxyStrictSSL: boolean;
}

export function readHttpSettings(http: Pick<ConfigReader, 'get'>): VsCodeHttpSettings {
  const proxy = http.get<string>('proxy');
  const noProxy = http.get<unknown>('noProxy');
  const strict = http.get<boolean>('proxyStrictSSL');
  return {
    proxy: typeof proxy === 'string' ? proxy.trim() : '',
    noProxy: Array.isArray(noProxy)
      ? noProxy.filter((h): h is string => typeof h === 'string' && h.trim() !== '').map((h) => h.trim())
      : [],
    proxyStrictSSL: strict !== false,
  };
}

/** Go reads the upper-case name first, then the lower-case one (net/http/httpproxy). */
function envAny(env: NodeJS.ProcessEnv, name: string): string {
  return env[name] || env[name.toLowerCase()] || '';
}

/** What the go command will use: HTTPS_PROXY for https:// module proxies, HTTP_PROXY for http://. */
export function goProxyEnv(env: NodeJS.ProcessEnv): { httpsProxy: string; httpProxy: string; noProxy: string } {
  return {
    httpsProxy: envAny(env, 'HTTPS_PROXY'),
    httpProxy: envAny(env, 'HTTP_PROXY'),
    noProxy: envAny(env, 'NO_PROXY'),
  };
}

/**
 * The environment for requests the extension makes for itself (downloads by fix handlers):
 * VS Code's http.proxy and http.noProxy win over the environment, as they do for VS Code.
 * http.proxyStrictSSL is deliberately not honoured: certificates are always verified.
 */
export function requestEnv(base: NodeJS.ProcessEnv, http: VsCodeHttpSettings): NodeJS.ProcessEnv {
  const env = { ...base };
  if (http.proxy) {
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) env[name] = http.proxy;
  }
  if (http.noProxy.length > 0) env['NO_PROXY'] = env['no_proxy'] = http.noProxy.join(',');
  return env;
}

const normaliseProxy = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
const hostSet = (list: string) =>
  new Set(
    list
      .split(/[\s,]+/)
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** An info finding when VS Code's proxy settings and the go command's environment disagree. */
export function httpSettingsFinding(http: VsCodeHttpSettings, env: NodeJS.ProcessEnv): Finding | undefined {
  const go = goProxyEnv(env);
  const reasons: string[] = [];
  if (http.proxy && normaliseProxy(http.proxy) !== normaliseProxy(go.httpsProxy)) {
    reasons.push(
      `VS Code's http.proxy is "${redact(http.proxy)}", but the go command ${
        go.httpsProxy ? `uses HTTPS_PROXY "${redact(go.httpsProxy)}"` : 'sees no HTTPS_PROXY and connects directly'
      }. VS Code does not pass http.proxy to the go command or to terminals. If the go command needs this proxy, set HTTPS_PROXY (and NO_PROXY) in the environment VS Code and your terminals start with; if it does not, clear http.proxy.`,
    );
  }
  const proxyInUse = http.proxy !== '' || go.httpsProxy !== '' || go.httpProxy !== '';
  if (
    proxyInUse &&
    http.noProxy.length > 0 &&
    !sameSet(new Set(http.noProxy.map((h) => h.toLowerCase())), hostSet(go.noProxy))
  ) {
    reasons.push(
      `VS Code's http.noProxy is "${http.noProxy.join(',')}", but the go command's NO_PROXY is ${go.noProxy ? `"${go.noProxy}"` : 'empty'}, so the two bypass the proxy for different hosts.`,
    );
  }
  if (!http.proxyStrictSSL) {
    reasons.push(
      "http.proxyStrictSSL is off. That affects only VS Code's own requests: Go Env Doctor and the go command always verify certificates, so if this was set for an intercepting proxy, trust its root certificate instead (SSL_CERT_FILE for the go command, NODE_EXTRA_CA_CERTS for Node).",
    );
  }
  if (reasons.length === 0) return undefined;
  return {
    id: 'vscode.proxyDiffers',
    severity: 'info',
    title: "VS Code's proxy settings differ from what the go command uses",
    detail: reasons.join(' '),
    subject: 'http.proxy',
    fixes: [
      {
        command: 'Preferences: Open Settings → http.proxy',
        title: "Open VS Code's proxy settings",
        action: { kind: 'openSettings', query: 'http.proxy' },
      },
    ],
  };
}

/** Shown when a workspace tried to choose the go binary before being trusted. */
export function ignoredGoPathFinding(goPath: string): Finding {
  return {
    id: 'vscode.goPathIgnored',
    severity: 'info',
    title: 'goEnv.goPath from the workspace settings was not used',
    detail: `This workspace sets goEnv.goPath to "${redact(goPath)}", but it is not trusted, and running a program named by an untrusted folder would let that folder run code. Go Env Doctor used the go binary from your user settings or PATH instead. Trust the workspace (Workspaces: Manage Workspace Trust) to use its setting.`,
    subject: 'goEnv.goPath',
  };
}
