// Clock skew from the `Date` headers of the probe responses. A server writes Date between our
// request and its response, so our clock read at that moment is about `responseAt - rtt/2`; Date
// has one-second resolution, so the server's time lies in [Date, Date + 1 s). The verdict uses the
// smallest skew consistent with those bounds, and the median over servers (one server with a
// wrong clock must not blame ours).
import type { Finding } from '../findings';
import type { Platform } from '../platform';
import type { ProbeResult } from '../net/probe';
import { clockFixes } from './probeFailure';
import { hostOf } from '../net/hostOf';
import { msg, type Message } from '../i18n/message';
import { joined } from '../i18n/join';
import { findingWords } from '../i18n/words';
import { reworded } from '../i18n/findingText';

export const SKEW_WARNING_MS = 60_000;
export const SKEW_ERROR_MS = 300_000;

export interface ClockSample {
  url: string;
  /** Our clock minus the server's, in ms (positive: we are ahead). */
  skewMs: number;
  /** How far off the estimate may be (Date resolution + half the round trip). */
  uncertaintyMs: number;
}

export interface ClockVerdict {
  samples: ClockSample[];
  /** The median skew, undefined without samples. */
  skewMs?: number;
  /** The smallest skew the evidence allows (|skew| - uncertainty, at least 0). */
  certainMs?: number;
  finding?: Finding;
}

export function clockSamples(probes: readonly ProbeResult[]): ClockSample[] {
  const out: ClockSample[] = [];
  for (const r of probes) {
    const date = r.headers.date;
    if (!date || r.responseAt === undefined || r.rttMs === undefined) continue;
    const server = Date.parse(date);
    if (Number.isNaN(server)) continue;
    const local = r.responseAt - r.rttMs / 2;
    out.push({ url: r.url, skewMs: local - (server + 500), uncertaintyMs: 500 + r.rttMs / 2 });
  }
  return out;
}

export function clockCheck(probes: readonly ProbeResult[], platform: Pick<Platform, 'os'>): ClockVerdict {
  const samples = clockSamples(probes);
  if (samples.length === 0) return { samples, finding: clockUnknown(probes) };
  const sorted = [...samples].sort((a, b) => a.skewMs - b.skewMs);
  const mid = Math.floor((sorted.length - 1) / 2);
  // Even count: of the two middle samples, the one closer to zero (the benefit of the doubt).
  const pick =
    sorted.length % 2 === 0 && Math.abs(sorted[mid + 1]!.skewMs) < Math.abs(sorted[mid]!.skewMs)
      ? sorted[mid + 1]!
      : sorted[mid]!;
  const skewMs = pick.skewMs;
  const certainMs = Math.max(0, Math.abs(skewMs) - pick.uncertaintyMs);
  const hosts = [...new Set(samples.map((s) => hostOf(s.url)))];
  const hostList = joined([...hosts.slice(0, 3), ...(hosts.length > 3 ? [msg('common.list.more')] : [])]);
  const servers =
    hosts.length === 1
      ? msg('clock.servers.one', { hosts: hostList })
      : msg('clock.servers.many', { count: hosts.length, hosts: hostList });
  if (certainMs < SKEW_WARNING_MS) {
    return {
      samples,
      skewMs,
      certainMs,
      finding: {
        id: 'clock.ok',
        severity: 'ok',
        ...findingWords(
          msg('clock.ok.title'),
          msg('clock.ok.detail', {
            servers,
            skewS: Math.round(Math.abs(skewMs) / 1000),
            uncertaintyS: Math.round(pick.uncertaintyMs / 1000),
          }),
        ),
      },
    };
  }
  const fast = skewMs > 0;
  const d = duration(Math.abs(skewMs));
  return {
    samples,
    skewMs,
    certainMs,
    finding: {
      id: 'clock.skew',
      severity: certainMs >= SKEW_ERROR_MS ? 'error' : 'warning',
      ...findingWords(
        msg(fast ? 'clock.skew.title.fast' : 'clock.skew.title.slow', { duration: d }),
        msg(fast ? 'clock.skew.detail.ahead' : 'clock.skew.detail.behind', { duration: d, servers }),
      ),
      subject: 'clock',
      fixes: clockFixes(platform),
    },
  };
}

/** No Date header to compare with: say so and why, rather than stay silent about the clock. */
function clockUnknown(probes: readonly ProbeResult[]): Finding {
  const failed = probes.filter((r) => r.status === undefined);
  const first = failed[0];
  const why: Message =
    probes.length === 0
      ? msg('clock.unknown.why.none')
      : failed.length === probes.length
        ? first?.error
          ? msg('clock.unknown.why.allFailedBecause', {
              count: probes.length,
              host: hostOf(first.url),
              error: first.error.text,
            })
          : msg('clock.unknown.why.allFailed', { count: probes.length })
        : msg('clock.unknown.why.noDate');
  return {
    id: 'clock.unknown',
    severity: 'info',
    ...findingWords(msg('clock.unknown.title'), msg('clock.unknown.detail', { why })),
    subject: 'clock',
  };
}

/** Adds the clock as the likely cause to certificate-date findings that the skew explains, and vice versa. */
export function explainWithClock(findings: Finding[], verdict: ClockVerdict): Finding[] {
  const skew = verdict.finding?.id === 'clock.skew' ? verdict.skewMs : undefined;
  if (skew === undefined) return findings;
  // A fast clock makes valid certificates look expired; a slow one makes them look not yet valid.
  const explained = findings.filter(
    (f) => (f.id === 'tls.expired' && skew > 0) || (f.id === 'tls.notYetValid' && skew < 0),
  );
  if (explained.length === 0) return findings;
  const d = duration(Math.abs(skew));
  return findings.map((f) => {
    if (explained.includes(f)) {
      const key = skew > 0 ? 'clock.explains.cert.ahead' : 'clock.explains.cert.behind';
      return reworded(f, { detail: (detail) => msg(key, { detail, duration: d }) });
    }
    if (f === verdict.finding) {
      const subjects = joined([...new Set(explained.map((x) => x.subject ?? x.id))]);
      return reworded(f, { detail: (detail) => msg('clock.explains.skew', { detail, subjects }) });
    }
    return f;
  });
}

export function duration(ms: number): Message {
  const s = Math.round(ms / 1000);
  if (s < 120) return msg('duration.s', { n: s });
  const m = Math.round(s / 60);
  if (m < 120) return msg('duration.min', { n: m });
  const h = Math.round(m / 60);
  if (h < 48) return msg('duration.h', { n: h });
  return msg('duration.days', { n: Math.round(h / 24) });
}
