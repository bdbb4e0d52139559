// VS Code's own proxy settings (http.proxy, http.noProxy, http.proxyStrictSSL) against the
// environment the go command sees. Pure: unit-tested without VS Code.
import type { Finding } from '../../core/findings';
import { msg, type Message } from '../../core/i18n/message';
import { findingWords, fixWords } from '../../core/i18n/words';
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
  const reasons: Message[] = [];
  if (http.proxy && normaliseProxy(http.proxy) !== normaliseProxy(go.httpsProxy)) {
    reasons.push(
      go.httpsProxy
        ? msg('ext.proxyDiffers.proxy.https', { proxy: redact(http.proxy), httpsProxy: redact(go.httpsProxy) })
        : msg('ext.proxyDiffers.proxy.direct', { proxy: redact(http.proxy) }),
    );
  }
  const proxyInUse = http.proxy !== '' || go.httpsProxy !== '' || go.httpProxy !== '';
  if (
    proxyInUse &&
    http.noProxy.length > 0 &&
    !sameSet(new Set(http.noProxy.map((h) => h.toLowerCase())), hostSet(go.noProxy))
  ) {
    const noProxy = http.noProxy.join(',');
    reasons.push(
      go.noProxy
        ? msg('ext.proxyDiffers.noProxy', { noProxy, goNoProxy: go.noProxy })
        : msg('ext.proxyDiffers.noProxy.empty', { noProxy }),
    );
  }
  if (!http.proxyStrictSSL) reasons.push(msg('ext.proxyDiffers.strictSsl'));
  const detail = reasons.reduceRight<Message | undefined>(
    (rest, first) => (rest ? msg('ext.sentences', { first, rest }) : first),
    undefined,
  );
  if (!detail) return undefined;
  return {
    id: 'vscode.proxyDiffers',
    severity: 'info',
    ...findingWords(msg('ext.proxyDiffers.title'), detail),
    subject: 'http.proxy',
    fixes: [
      {
        command: 'Preferences: Open Settings → http.proxy',
        ...fixWords(msg('ext.proxyDiffers.fix')),
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
    ...findingWords(msg('ext.goPathIgnored.title'), msg('ext.goPathIgnored.detail', { goPath: redact(goPath) })),
    subject: 'goEnv.goPath',
  };
}
