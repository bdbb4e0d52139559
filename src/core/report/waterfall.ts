// Per-endpoint DNS / TCP / proxy / TLS / first-byte bars, scaled to the slowest endpoint, so a slow
// resolver or a slow handshake stands out; with the addresses the name resolved to.
import type { EndpointTimings, Finding } from '../findings';
import type { MessageKey } from '../i18n/catalog';
import type { Lang } from '../i18n/lang';
import { msg } from '../i18n/message';
import { render } from '../i18n/render';
import { formatMs } from '../units';

const STEPS: readonly { key: keyof EndpointTimings; mark: string; name: MessageKey }[] = [
  { key: 'dnsMs', mark: 'd', name: 'report.timings.step.dns' },
  { key: 'connectMs', mark: 'c', name: 'report.timings.step.connect' },
  { key: 'proxyConnectMs', mark: 'p', name: 'report.timings.step.proxyConnect' },
  { key: 'tlsMs', mark: 't', name: 'report.timings.step.tls' },
  { key: 'firstByteMs', mark: 'b', name: 'report.timings.step.firstByte' },
];

const stepName = (key: MessageKey, lang: Lang): string => render(msg(key), lang);

/** `d DNS, c TCP, …`: what each bar letter stands for. */
export function waterfallLegend(lang: Lang = 'en'): string {
  return STEPS.map((s) => `${s.mark} ${stepName(s.name, lang)}`).join(render(msg('common.list.sep'), lang));
}

interface Row {
  subject: string;
  timings: EndpointTimings;
  totalMs: number;
}

function ms(t: EndpointTimings, key: keyof EndpointTimings): number {
  const v = t[key];
  return typeof v === 'number' ? v : 0;
}

/** One row per probed subject (the first finding that carries its timings). */
function rows(findings: readonly Finding[]): Row[] {
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const f of findings) {
    if (!f.timings || seen.has(f.subject ?? '')) continue;
    seen.add(f.subject ?? '');
    out.push({
      subject: f.subject ?? f.id,
      timings: f.timings,
      totalMs: STEPS.reduce((a, s) => a + ms(f.timings!, s.key), 0),
    });
  }
  return out;
}

function bar(t: EndpointTimings, scaleMs: number, width: number): string {
  let out = '';
  for (const s of STEPS) {
    const v = ms(t, s.key);
    if (t[s.key] === undefined) continue;
    out += s.mark.repeat(Math.max(1, Math.round((v / scaleMs) * width)));
  }
  return out.slice(0, width + STEPS.length).padEnd(width);
}

function addressLine(t: EndpointTimings, lang: Lang): string | undefined {
  if (!t.addresses || t.addresses.length === 0) return undefined;
  const addresses = t.addresses.join(', ');
  return render(
    t.connectedTo
      ? msg('report.timings.connected', { addresses, address: t.connectedTo })
      : msg('report.timings.resolved', { addresses }),
    lang,
  );
}

/** Plain-text lines (no trailing newline); empty when no finding carries timings. */
export function waterfallLines(findings: readonly Finding[], lang: Lang = 'en', width = 30): string[] {
  const all = rows(findings);
  if (all.length === 0) return [];
  const scale = Math.max(1, ...all.map((r) => r.totalMs));
  const lines: string[] = [];
  for (const r of all) {
    const steps = STEPS.filter((s) => r.timings[s.key] !== undefined)
      .map((s) => `${stepName(s.name, lang)} ${formatMs(ms(r.timings, s.key))}`)
      .join(', ');
    lines.push(`${r.subject}`, `  [${bar(r.timings, scale, width)}] ${steps}`);
    const a = addressLine(r.timings, lang);
    if (a) lines.push(`  ${a}`);
  }
  lines.push(render(msg('report.timings.legend', { legend: waterfallLegend(lang), ms: formatMs(scale) }), lang));
  return lines;
}
