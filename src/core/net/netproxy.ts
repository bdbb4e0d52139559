// Which HTTP proxy the go command uses for a URL: golang.org/x/net/http/httpproxy, the rules behind
// net/http.ProxyFromEnvironment. Uppercase variables win over lowercase; an empty value is unset;
// a scheme-less value means http://; NO_PROXY takes `*`, domain suffixes, host:port, IPs and
// CIDRs; localhost and loopback addresses are never proxied. ALL_PROXY is not read by Go.
import * as net from 'node:net';
import { domainToASCII } from 'node:url';
import { redact } from '../redact';

export type ProxyVariable = 'HTTPS_PROXY' | 'https_proxy' | 'HTTP_PROXY' | 'http_proxy';

export interface ProxySetting {
  url: URL;
  /** The variable the value came from, for messages. */
  variable: ProxyVariable;
  /** The URL with credentials redacted, for every output. */
  display: string;
}

export interface NetProxyConfig {
  https?: ProxySetting;
  http?: ProxySetting;
  /** The NO_PROXY (or no_proxy) value as set. */
  noProxy: string;
  /** Values Go cannot parse and therefore ignores (redacted). */
  invalid: { variable: ProxyVariable; value: string }[];
  /** ALL_PROXY / all_proxy, which the go command ignores (redacted), when set. */
  allProxy?: string;
  /** CGI environment (REQUEST_METHOD set): Go refuses HTTP_PROXY for http:// URLs. */
  cgi: boolean;
  matchers: NoProxyMatchers;
}

interface NoProxyMatchers {
  all: boolean;
  ips: { match(ip: string, port: string): boolean }[];
  domains: { host: string; port: string; matchHost: boolean }[];
}

function envAny(
  env: NodeJS.ProcessEnv,
  names: readonly ProxyVariable[] | readonly string[],
): { name: string; value: string } | undefined {
  for (const name of names) {
    const v = env[name];
    if (v !== undefined && v !== '') return { name, value: v };
  }
  return undefined;
}

export function netProxyConfigFromEnv(env: NodeJS.ProcessEnv): NetProxyConfig {
  const invalid: NetProxyConfig['invalid'] = [];
  const setting = (names: readonly ProxyVariable[]): ProxySetting | undefined => {
    const found = envAny(env, names);
    if (!found) return undefined;
    const url = parseProxyValue(found.value);
    if (!url) {
      invalid.push({ variable: found.name as ProxyVariable, value: redact(found.value) });
      return undefined;
    }
    return { url, variable: found.name as ProxyVariable, display: displayProxy(url) };
  };
  const noProxy = envAny(env, ['NO_PROXY', 'no_proxy'])?.value ?? '';
  const all = envAny(env, ['ALL_PROXY', 'all_proxy']);
  const cfg: NetProxyConfig = {
    noProxy,
    invalid,
    cgi: (env.REQUEST_METHOD ?? '') !== '',
    matchers: parseNoProxy(noProxy),
  };
  const https = setting(['HTTPS_PROXY', 'https_proxy']);
  const http = setting(['HTTP_PROXY', 'http_proxy']);
  if (https) cfg.https = https;
  if (http) cfg.http = http;
  if (all) cfg.allProxy = redact(all.value);
  return cfg;
}

/** httpproxy.parseProxy: a value that is not an http/https/socks5 URL is retried with http://. */
export function parseProxyValue(value: string): URL | undefined {
  const ok = (u: URL): boolean => ['http:', 'https:', 'socks5:'].includes(u.protocol) && u.hostname !== '';
  try {
    const u = new URL(value);
    if (ok(u)) return u;
  } catch {
    // fall through to the http:// retry, as Go does
  }
  try {
    const u = new URL(`http://${value}`);
    if (u.hostname !== '') return u;
  } catch {
    return undefined;
  }
  return undefined;
}

/** `http://user:secret@proxy:3128/` → `http://***@proxy:3128`. */
export function displayProxy(url: URL): string {
  const text = url.pathname === '/' && !url.search ? url.href.replace(/\/$/, '') : url.href;
  return redact(text);
}

/** The proxy the go command uses for `target`, or undefined for a direct connection. */
export function proxyForUrl(cfg: NetProxyConfig, target: URL): ProxySetting | undefined {
  let proxy: ProxySetting | undefined;
  if (target.protocol === 'https:') proxy = cfg.https;
  else if (target.protocol === 'http:') proxy = cfg.cgi ? undefined : cfg.http;
  if (!proxy) return undefined;
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return useProxy(cfg.matchers, unbracket(target.hostname), port) ? proxy : undefined;
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function useProxy(m: NoProxyMatchers, hostIn: string, port: string): boolean {
  if (hostIn === 'localhost') return false;
  const ipKind = net.isIP(hostIn);
  if (ipKind !== 0 && isLoopback(hostIn)) return false;
  const host = hostIn.trim().toLowerCase();
  if (m.all) return false;
  if (ipKind !== 0) {
    for (const im of m.ips) if (im.match(host, port)) return false;
  }
  const ascii = ipKind === 0 ? domainToASCII(host) || host : host;
  for (const d of m.domains) {
    if (ascii.endsWith(d.host) || (d.matchHost && ascii === d.host.slice(1))) {
      if (d.port === '' || d.port === port) return false;
    }
  }
  return true;
}

function isLoopback(ip: string): boolean {
  if (net.isIPv4(ip)) return ip.startsWith('127.');
  const lower = ip.toLowerCase();
  if (lower === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return mapped[1]!.startsWith('127.');
  return normalizeV6(lower) === '0000:0000:0000:0000:0000:0000:0000:0001';
}

function parseNoProxy(value: string): NoProxyMatchers {
  const m: NoProxyMatchers = { all: false, ips: [], domains: [] };
  for (const raw of value.split(',')) {
    const p = raw.trim().toLowerCase();
    if (p === '') continue;
    if (p === '*') return { all: true, ips: [], domains: [] };
    const cidr = parseCidr(p);
    if (cidr) {
      m.ips.push({ match: (ip) => cidr.contains(ip) });
      continue;
    }
    let phost = p;
    let pport = '';
    const hp = splitHostPort(p);
    if (hp) {
      if (hp.host === '') continue; // malformed, as Go ignores it
      phost = hp.host;
      pport = hp.port;
    }
    if (net.isIP(phost) !== 0) {
      const want = canonicalIp(phost);
      const port = pport;
      m.ips.push({ match: (ip, reqPort) => canonicalIp(ip) === want && (port === '' || port === reqPort) });
      continue;
    }
    if (phost === '') continue;
    if (phost.startsWith('*.')) phost = phost.slice(1);
    let matchHost = false;
    if (!phost.startsWith('.')) {
      matchHost = true;
      phost = `.${phost}`;
    }
    const ascii = domainToASCII(phost.slice(1));
    if (ascii) phost = `.${ascii}`;
    m.domains.push({ host: phost, port: pport, matchHost });
  }
  return m;
}

/** net.SplitHostPort for NO_PROXY entries: `host:port` or `[v6]:port`; undefined when there is no port. */
function splitHostPort(s: string): { host: string; port: string } | undefined {
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0 || s[end + 1] !== ':') return undefined;
    return { host: s.slice(1, end), port: s.slice(end + 2) };
  }
  const i = s.lastIndexOf(':');
  if (i < 0 || s.indexOf(':') !== i) return undefined; // no port, or a bare IPv6 address
  return { host: s.slice(0, i), port: s.slice(i + 1) };
}

function canonicalIp(ip: string): string {
  if (net.isIPv4(ip)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  return normalizeV6(ip.toLowerCase());
}

function normalizeV6(ip: string): string {
  const [head = '', tail] = ip.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? [] : new Array(Math.max(0, 8 - h.length - t.length)).fill('0');
  return [...h, ...fill, ...t].map((x) => x.padStart(4, '0')).join(':');
}

function parseCidr(p: string): { contains(ip: string): boolean } | undefined {
  const slash = p.indexOf('/');
  if (slash < 0) return undefined;
  const addr = p.slice(0, slash);
  const bitsText = p.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  const kind = net.isIP(addr);
  if (kind === 0 || bits > (kind === 4 ? 32 : 128)) return undefined;
  const list = new net.BlockList();
  list.addSubnet(addr, bits, kind === 4 ? 'ipv4' : 'ipv6');
  return {
    contains: (ip: string) => {
      const k = net.isIP(ip);
      if (k === 0) return false;
      try {
        return list.check(ip, k === 4 ? 'ipv4' : 'ipv6');
      } catch {
        return false;
      }
    },
  };
}

/** `Proxy-Authorization` value for a proxy URL with userinfo, as Go's transport sends it. */
export function proxyAuthorization(url: URL): string | undefined {
  if (url.username === '' && url.password === '') return undefined;
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}
