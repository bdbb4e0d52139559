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
  if (samples.length === 0) return { samples };
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
  const servers = `${hosts.length === 1 ? 'the server' : `${hosts.length} servers`} (${hosts.slice(0, 3).join(', ')}${hosts.length > 3 ? ', …' : ''})`;
  if (certainMs < SKEW_WARNING_MS) {
    return {
      samples,
      skewMs,
      certainMs,
      finding: {
        id: 'clock.ok',
        severity: 'ok',
        title: 'The clock is right',
        detail: `This computer's clock agrees with the Date of ${servers} to within ${Math.round(Math.abs(skewMs) / 1000)} s (±${Math.round(pick.uncertaintyMs / 1000)} s).`,
      },
    };
  }
  const direction = skewMs > 0 ? 'ahead of' : 'behind';
  return {
    samples,
    skewMs,
    certainMs,
    finding: {
      id: 'clock.skew',
      severity: certainMs >= SKEW_ERROR_MS ? 'error' : 'warning',
      title: `The clock is ${duration(Math.abs(skewMs))} ${skewMs > 0 ? 'fast' : 'slow'}`,
      detail: `This computer's clock is about ${duration(Math.abs(skewMs))} ${direction} the time reported by ${servers} (Date headers, corrected for half the round trip). TLS certificate checks and the checksum database depend on a correct clock: sync it with a time server.`,
      subject: 'clock',
      fixes: clockFixes(platform),
    },
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
  const skewText = `${duration(Math.abs(skew))} ${skew > 0 ? 'ahead' : 'behind'}`;
  return findings.map((f) => {
    if (explained.includes(f)) {
      return {
        ...f,
        detail: `${f.detail} This computer's clock is ${skewText} (see clock.skew): the clock is the likely cause; correct it before anything else.`,
      };
    }
    if (f === verdict.finding) {
      const which = [...new Set(explained.map((x) => x.subject ?? x.id))].join(', ');
      return { ...f, detail: `${f.detail} It is the likely cause of the certificate errors for ${which}.` };
    }
    return f;
  });
}

export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 120) return `${m} min`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h`;
  return `${Math.round(h / 24)} days`;
}
