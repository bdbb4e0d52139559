// The network half of the diagnosis: GOPROXY entries, the checksum database, TLS, the clock and
// HTTP(S)_PROXY. Every probe starts at once and has the same timeout, so the whole run ends within
// about timeoutMs whatever the network does.
import type { Finding } from '../findings';
import { redactFinding, SEVERITY_ORDER } from '../findings';
import type { Platform } from '../platform';
import { loadGoTrust } from '../net/trust';
import { netProxyConfigFromEnv, type NetProxyConfig } from '../net/netproxy';
import { parseGoproxy } from '../go/goproxy';
import { parseGosumdb } from '../go/gosumdb';
import { netContext } from './netContext';
import { runProxyCheck } from './proxyCheck';
import { runSumdbCheck } from './sumdbCheck';
import { runNetproxyCheck } from './netproxyCheck';
import { clockCheck, explainWithClock } from './clockCheck';
import { hostOf } from '../net/hostOf';

export interface NetworkCheckInput {
  goproxy: string;
  gosumdb: string;
  /** Mirrors to probe besides GOPROXY's entries; reported as info. */
  extraMirrors?: string[] | undefined;
  /** env holds HTTP(S)_PROXY, NO_PROXY, SSL_CERT_FILE, SSL_CERT_DIR; now() is the clock compared. */
  platform: Platform;
  /** Per probe. */
  timeoutMs: number;
  /** Cancels every probe; the promise then rejects with an AbortError. */
  signal?: AbortSignal | undefined;
}

export async function runNetworkChecks(input: NetworkCheckInput): Promise<Finding[]> {
  input.signal?.throwIfAborted();
  const netproxy = netProxyConfigFromEnv(input.platform.env);
  const net = netContext({
    trust: () => loadGoTrust(input.platform),
    netproxy,
    timeoutMs: input.timeoutMs,
    platform: input.platform,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  // Loading the CA set costs ~50-100 ms (file reads, parsing): start it now, overlapping DNS and
  // TCP, when some probe will need TLS; otherwise only if one turns out to (a redirect, say).
  if (mayNeedTls(input, netproxy)) void net.trust();

  const [np, px, sd] = await Promise.all([
    runNetproxyCheck({
      netproxy,
      timeoutMs: input.timeoutMs,
      os: input.platform.os,
      ...(input.signal ? { signal: input.signal } : {}),
    }),
    runProxyCheck({ goproxy: input.goproxy, extraMirrors: input.extraMirrors ?? [], net }),
    input.gosumdb.trim() === 'off'
      ? Promise.resolve({ findings: [], probes: [] })
      : runSumdbCheck({ gosumdb: input.gosumdb, goproxy: input.goproxy, net }),
  ]);
  if (input.signal?.aborted) throw abortError(input.signal);

  const clock = clockCheck([...px.probes, ...sd.probes], input.platform);
  let findings = dedupeTls([...np, ...px.findings, ...sd.findings]);
  if (clock.finding) findings.push(clock.finding);
  findings = explainWithClock(findings, clock);
  return findings.map(redactFinding);
}

function mayNeedTls(input: NetworkCheckInput, netproxy: NetProxyConfig): boolean {
  const https = (u: URL): boolean => u.protocol === 'https:';
  const urls = [...parseGoproxy(input.goproxy), ...(input.extraMirrors ?? []).flatMap((m) => parseGoproxy(m))].flatMap(
    (e) => (e.kind === 'url' ? [e.url] : []),
  );
  if (urls.some(https) || (netproxy.https && https(netproxy.https.url)) || (netproxy.http && https(netproxy.http.url)))
    return true;
  const db = parseGosumdb(input.gosumdb);
  return db.kind === 'db' && https(db.db.url);
}

/** One TLS finding per host and verdict: the GOPROXY and checksum checks may meet the same host. */
function dedupeTls(findings: Finding[]): Finding[] {
  const kept = new Map<string, Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (!f.id.startsWith('tls.')) {
      out.push(f);
      continue;
    }
    const key = `${f.id} ${hostOf(f.subject ?? '')}`;
    const prev = kept.get(key);
    if (!prev) {
      kept.set(key, f);
      out.push(f);
    } else if (SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[prev.severity]) {
      const upgraded = { ...prev, severity: f.severity };
      out[out.indexOf(prev)] = upgraded;
      kept.set(key, upgraded);
    }
  }
  return out;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const err = new Error('The network checks were cancelled');
  err.name = 'AbortError';
  return err;
}
