// The network half of the diagnosis: GOPROXY entries, the checksum database, TLS, the clock and
// HTTP(S)_PROXY. Every probe starts at once and has the same timeout, so the whole run ends within
// about timeoutMs whatever the network does.
import type { Finding } from '../findings';
import { redactFinding, SEVERITY_ORDER } from '../findings';
import type { Platform } from '../platform';
import { loadGoTrust } from '../net/trust';
import { netProxyConfigFromEnv, type NetProxyConfig } from '../net/netproxy';
import { parseGoproxy, type ProxyEntry } from '../go/goproxy';
import { parseGosumdb, type GosumdbSetting } from '../go/gosumdb';
import { netContext } from './netContext';
import { runProxyCheck } from './proxyCheck';
import { runSumdbCheck } from './sumdbCheck';
import { runProxyContentCheck } from './proxyContentCheck';
import { withVerifiedFallback } from './mirrorFallback';
import type { ReferenceModule } from '../proxyRewrite/defaults';
import { runNetproxyCheck } from './netproxyCheck';
import { clockCheck, explainWithClock } from './clockCheck';
import { hostOf } from '../net/hostOf';
import { suspiciousDnsFindings } from './dnsSuspicious';
import { certExpiryFindings } from './certExpiry';
import { hostsFileFindings } from './hostsFile';

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
  /** Mirrors to rank when the configured proxies fail (the built-in ones in the product); none: no ranking. */
  proxyCandidates?: readonly string[] | undefined;
  /** The module whose go.mod every mirror must serve as the checksum database records it (tests). */
  reference?: ReferenceModule | undefined;
}

export async function runNetworkChecks(input: NetworkCheckInput): Promise<Finding[]> {
  input.signal?.throwIfAborted();
  // Parsed once here; every check below reads the same entries.
  const goproxy = parseGoproxy(input.goproxy);
  const gosumdb = parseGosumdb(input.gosumdb);
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
  if (mayNeedTls(goproxy, gosumdb, input.extraMirrors ?? [], netproxy)) void net.trust();

  const [np, px, sd, content] = await Promise.all([
    runNetproxyCheck({
      netproxy,
      timeoutMs: input.timeoutMs,
      os: input.platform.os,
      ...(input.signal ? { signal: input.signal } : {}),
    }),
    runProxyCheck({ goproxy, extraMirrors: input.extraMirrors ?? [], net }),
    gosumdb.kind === 'off' ? Promise.resolve({ findings: [], probes: [] }) : runSumdbCheck({ gosumdb, goproxy, net }),
    runProxyContentCheck(input),
  ]);
  if (input.signal?.aborted) throw abortError(input.signal);

  const probes = [...px.probes, ...sd.probes];
  const clock = clockCheck(probes, input.platform);
  let findings = dedupeTls([
    ...np,
    ...px.findings,
    ...content.findings,
    ...sd.findings,
    ...suspiciousDnsFindings(probes, input.platform),
    ...certExpiryFindings(probes, input.platform),
    ...(await hostsFileFindings(probes, input.platform)),
  ]);
  findings = await withVerifiedFallback({ ...input, findings, candidates: input.proxyCandidates ?? [] });
  if (clock.finding) findings.push(clock.finding);
  findings = explainWithClock(findings, clock);
  return findings.map(redactFinding);
}

function mayNeedTls(
  goproxy: readonly ProxyEntry[],
  db: GosumdbSetting,
  extraMirrors: readonly string[],
  netproxy: NetProxyConfig,
): boolean {
  const https = (u: URL): boolean => u.protocol === 'https:';
  const urls = [...goproxy, ...extraMirrors.flatMap((m) => parseGoproxy(m))].flatMap((e) =>
    e.kind === 'url' ? [e.url] : [],
  );
  if (urls.some(https) || (netproxy.https && https(netproxy.https.url)) || (netproxy.http && https(netproxy.http.url)))
    return true;
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
