// Each GOPROXY entry: fetch `<proxy>/golang.org/x/text/@latest`, a resource every public module
// proxy serves, and require the proxy protocol's JSON answer. Severity follows what the go command
// would do: a failing entry is an error only when it leaves no way to fetch modules (`,` moves on
// only after 404/410; `|` after any error).
import { constants as fsConstants, promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Finding, Fix, Severity } from '../findings';
import { parseGoproxy, proxyResource, type ProxyEntry } from '../go/goproxy';
import { probeFollowingRedirects, type ProbeResult } from '../net/probe';
import { trustDifferenceText } from '../net/trust';
import { redact } from '../redact';
import { describeFailure, stepTimings, type FailureView } from './probeFailure';
import { formatMs } from '../units';
import { withTimings } from './probeTimings';
import type { NetContext } from './netContext';
import { AUTO_PROXY_FIX, OFFLINE_FIX, setProxyFix as proxyFix } from './fixes';
import { shellFor } from '../shell/osVariable';
import { msg, type Message } from '../i18n/message';
import { findingWords } from '../i18n/words';
import { reworded } from '../i18n/findingText';
import { sentences } from '../i18n/join';

export const PROBE_MODULE = 'golang.org/x/text';

/** How a probed URL is named in titles: a GOPROXY entry, or a mirror probed besides them. */
type NameKey = 'check.proxy.name.entry' | 'check.proxy.name.mirror';
export const SLOW_MS = 2000;

export interface ProxyCheckOutput {
  findings: Finding[];
  /** Every HTTP probe made (for the clock check). */
  probes: ProbeResult[];
}

/** What one entry's check found, before severities are decided. */
type Verdict =
  | { ok: true; finding: Omit<Finding, 'severity'>; ms: number }
  | { ok: false; notFound: boolean; view?: FailureView; finding: Omit<Finding, 'severity'>; fixes: Fix[] };

export async function runProxyCheck(input: {
  /** GOPROXY, parsed once per diagnosis. */
  goproxy: readonly ProxyEntry[];
  extraMirrors?: string[] | undefined;
  net: NetContext;
  /** default SLOW_MS */ slowMs?: number;
}): Promise<ProxyCheckOutput> {
  const slowMs = input.slowMs ?? SLOW_MS;
  const shell = shellFor(input.net.platform.os);
  const setProxyFix = (value: string, title: Message) => proxyFix(value, title, shell);
  const entries = input.goproxy;
  const seen = new Set<string>();
  const urlEntries = entries.map((e) =>
    e.kind === 'url' && !seen.has(e.url.href) ? (seen.add(e.url.href), e) : undefined,
  );
  const mirrors = (input.extraMirrors ?? [])
    .map((m) => parseGoproxy(m)[0])
    .filter(
      (e): e is Extract<ProxyEntry, { kind: 'url' }> =>
        e?.kind === 'url' && !seen.has(e.url.href) && (seen.add(e.url.href), true),
    );

  const probes: ProbeResult[] = [];
  const check = async (e: Extract<ProxyEntry, { kind: 'url' }>, label: NameKey): Promise<Verdict> => {
    if (e.url.protocol === 'file:') return checkFileEntry(e);
    const r = await probeFollowingRedirects({
      ...input.net.probeOptions(),
      url: proxyResource(e.url, `${PROBE_MODULE}/@latest`),
    });
    probes.push(r);
    return judge(e, r, input.net, slowMs, label);
  };
  const [entryVerdicts, mirrorVerdicts] = await Promise.all([
    Promise.all(urlEntries.map((e) => (e ? check(e, 'check.proxy.name.entry') : undefined))),
    Promise.all(mirrors.map((m) => check(m, 'check.proxy.name.mirror'))),
  ]);

  // A working mirror is the best fix for a failing entry.
  const working = mirrors
    .map((m, i) => ({ m, v: mirrorVerdicts[i]! }))
    .filter((x): x is { m: (typeof mirrors)[number]; v: Extract<Verdict, { ok: true }> } => x.v.ok)
    .sort((a, b) => a.v.ms - b.v.ms)[0];

  const walk = walkEntries(entries, entryVerdicts);
  const findings: Finding[] = [];
  entries.forEach((e, i) => {
    const v = entryVerdicts[i];
    if (!v) return;
    if (v.ok) {
      findings.push({ ...v.finding, severity: v.finding.id === 'proxy.slow' ? 'warning' : 'ok' });
      return;
    }
    const fatal = walk.outcome === 'fail' && walk.path.includes(i);
    const severity: Severity = fatal ? 'error' : 'warning';
    const fixes: Fix[] = [...v.fixes];
    if (working)
      fixes.push(
        setProxyFix(
          `${working.m.text},direct`,
          msg('check.proxy.fix.useAnswered', { mirror: redact(working.m.text), ms: formatMs(working.v.ms) }),
        ),
      );
    // Moving on with | helps only when the next entry answers.
    const afterAnswers = entryVerdicts[i + 1]?.ok === true;
    if (fatal && afterAnswers && e.next === 'notFound') {
      fixes.push(setProxyFix(withSeparator(entries, i, '|'), msg('check.proxy.fix.pipe')));
    }
    if (!fatal && entries.length > 1) {
      const value = joinEntries(entries.filter((_, j) => j !== i));
      if (value !== '') fixes.push(setProxyFix(value, msg('check.proxy.fix.remove')));
    }
    fixes.push(AUTO_PROXY_FIX);
    // With no proxy reachable, the module cache may still hold everything a build needs.
    if (fatal && !working) fixes.push(OFFLINE_FIX);
    const after = consequence(entries, i, walk, fatal);
    findings.push(reworded({ ...v.finding, severity, fixes }, { detail: (d) => sentences([d, after]) }));
  });
  mirrors.forEach((m, i) => {
    const v = mirrorVerdicts[i]!;
    const fixes =
      v.ok && v.finding.id === 'proxy.ok'
        ? { fixes: [setProxyFix(`${m.text},direct`, msg('check.proxy.fix.use', { mirror: redact(m.text) }))] }
        : {};
    findings.push(
      reworded(
        { ...v.finding, severity: 'info', ...fixes },
        { title: (title) => msg('check.proxy.notInGoproxy', { title }) },
      ),
    );
  });
  return { findings, probes };
}

async function judge(
  e: Extract<ProxyEntry, { kind: 'url' }>,
  r: ProbeResult & { redirects: string[] },
  net: NetContext,
  slowMs: number,
  label: NameKey,
): Promise<Verdict> {
  const subject = redact(e.url.href.replace(/\/$/, ''));
  const name = msg(label, { entry: redact(e.text) });
  const via = r.via ? msg('check.proxy.via', { proxy: r.via.display, variable: r.via.variable }) : '';
  const base = { subject, durationMs: Math.round(r.totalMs), ...withTimings(r) };
  if (!r.error && r.status === 200) {
    const parsed = parseLatest(r.body);
    if (parsed && !r.truncated) {
      const timing = msg('check.proxy.timing', {
        module: PROBE_MODULE,
        version: parsed.Version,
        ms: formatMs(r.totalMs),
        via,
        steps: stepTimings(r),
      });
      const trust = await net.trust();
      const diff =
        r.peerChain && r.peerChain.length > 0
          ? await trustDifferenceText(r.peerChain, true, trust, net.platform.env)
          : undefined;
      const extra = diff ? msg('net.diff', { text: diff }) : '';
      if (r.totalMs > slowMs) {
        return {
          ok: true,
          ms: r.totalMs,
          finding: {
            ...base,
            id: 'proxy.slow',
            ...findingWords(
              msg('check.proxy.slow.title', { name }),
              msg('check.proxy.slow.detail', { slow: formatMs(slowMs), timing, extra }),
            ),
            fixes: [AUTO_PROXY_FIX],
          },
        };
      }
      return {
        ok: true,
        ms: r.totalMs,
        finding: {
          ...base,
          id: 'proxy.ok',
          ...findingWords(msg('check.proxy.ok.title', { name }), msg('check.proxy.ok.detail', { timing, extra })),
        },
      };
    }
    const what = describeBadBody(r);
    return {
      ok: false,
      notFound: false,
      finding: {
        ...base,
        id: 'proxy.badResponse',
        ...findingWords(
          msg('check.proxy.badResponse.title', { name }),
          msg('check.proxy.badResponse.detail', {
            host: e.url.host,
            via,
            module: PROBE_MODULE,
            redirect:
              r.redirects.length > 0
                ? msg('check.proxy.badResponse.redirect', { url: r.redirects[r.redirects.length - 1]! })
                : '',
            what,
          }),
        ),
      },
      fixes: [],
    };
  }
  const view = await describeFailure(r, {
    trust: net.trust,
    platform: net.platform,
    timeoutMs: net.timeoutMs,
    notFoundHint: msg('check.proxy.notFoundHint', { module: PROBE_MODULE }),
  });
  return {
    ok: false,
    notFound: view.notFound,
    view,
    finding: {
      ...base,
      id: view.id,
      ...findingWords(msg('check.probe.failed.title', { name, short: view.shortText }), view.causeText),
    },
    fixes: view.fixes,
  };
}

interface LatestInfo {
  Version: string;
  Time: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The proxy protocol's `@latest` answer: `{"Version":"v1.2.3","Time":"2024-01-02T03:04:05Z"}`. */
export function parseLatest(body: string): LatestInfo | undefined {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const { Version, Time } = v as Record<string, unknown>;
  if (typeof Version !== 'string' || !/^v\d+\.\d+\.\d+/.test(Version)) return undefined;
  if (typeof Time !== 'string' || !RFC3339.test(Time) || Number.isNaN(Date.parse(Time))) return undefined;
  return { Version, Time };
}

function describeBadBody(r: ProbeResult): Message {
  const type = r.headers['content-type'] ?? '';
  if (r.truncated) return msg('check.proxy.badResponse.tooLarge', { kib: Math.round(r.body.length / 1024) });
  if (/html/i.test(type) || /^\s*<(!doctype|html)/i.test(r.body)) {
    const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(r.body)?.[1]?.trim();
    return msg('check.proxy.badResponse.html', {
      title: title ? msg('check.proxy.badResponse.htmlTitle', { title }) : '',
    });
  }
  const excerpt = r.body.slice(0, 80).replace(/\s+/g, ' ').trim();
  return msg('check.proxy.badResponse.notJson', {
    contentType: type ? msg('check.proxy.badResponse.contentType', { type }) : '',
    excerpt: JSON.stringify(excerpt),
  });
}

async function checkFileEntry(e: Extract<ProxyEntry, { kind: 'url' }>): Promise<Verdict> {
  const t = performance.now();
  const subject = e.url.href;
  let dir: string;
  try {
    dir = fileURLToPath(e.url);
  } catch {
    return {
      ok: false,
      notFound: false,
      finding: {
        subject,
        id: 'proxy.fileUnavailable',
        ...findingWords(msg('check.proxy.file.badUrl.title', { entry: e.text }), msg('check.proxy.file.badUrl.detail')),
      },
      fixes: [],
    };
  }
  try {
    const st = await fs.stat(dir);
    if (!st.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    await fs.access(dir, fsConstants.R_OK | fsConstants.X_OK);
    const ms = performance.now() - t;
    return {
      ok: true,
      ms,
      finding: {
        subject,
        id: 'proxy.ok',
        ...findingWords(
          msg('check.proxy.file.ok.title', { entry: e.text }),
          msg('check.proxy.file.ok.detail', { dir }),
        ),
        durationMs: Math.round(ms),
      },
    };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    // A missing directory reads as "not found" to the go command, which then moves on even after `,`.
    const notFound = code === 'ENOENT' || code === 'ENOTDIR';
    return {
      ok: false,
      notFound,
      finding: {
        subject,
        id: 'proxy.fileUnavailable',
        ...findingWords(
          msg('check.proxy.file.unreadable.title', { entry: e.text }),
          msg('check.proxy.file.unreadable.detail', {
            dir,
            problem:
              code === 'ENOENT'
                ? msg('check.proxy.file.noSuchDir')
                : code === 'ENOTDIR'
                  ? msg('check.proxy.file.notDir')
                  : msg('check.proxy.file.notReadable', { code }),
          }),
        ),
        durationMs: Math.round(performance.now() - t),
      },
      fixes: [],
    };
  }
}

interface Walk {
  outcome: 'ok' | 'direct' | 'fail';
  /** Entries the go command tries, in order, before it succeeds or gives up. */
  path: number[];
  /** The entry whose failure stops the downloads (not after a fall-through off the end). */
  stoppedAt?: number;
}

/** What the go command does with this list when fetching a module, given each entry's verdict. */
function walkEntries(entries: readonly ProxyEntry[], verdicts: readonly (Verdict | undefined)[]): Walk {
  const path: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    path.push(i);
    if (e.kind === 'direct') return { outcome: 'direct', path };
    if (e.kind === 'off' || e.kind === 'invalid') return { outcome: 'fail', path, stoppedAt: i };
    // A duplicate URL entry behaves like its first occurrence.
    const v = verdicts[i] ?? verdicts[entries.findIndex((x) => x.kind === 'url' && x.url.href === e.url.href)];
    if (!v || v.ok) return { outcome: 'ok', path };
    if (v.notFound || e.next === 'anyError') continue;
    return { outcome: 'fail', path, stoppedAt: i };
  }
  return { outcome: 'fail', path };
}

function consequence(entries: readonly ProxyEntry[], i: number, walk: Walk, fatal: boolean): Message {
  const e = entries[i]!;
  const next = entries[i + 1];
  if (!fatal) {
    if (walk.outcome === 'ok' && !walk.path.includes(i)) return msg('check.proxy.after.earlierWorks');
    if (walk.outcome === 'direct' && walk.path.includes(i)) return msg('check.proxy.after.direct');
    if (walk.path.includes(i)) return msg('check.proxy.after.fallsThrough');
    return msg('check.proxy.after.notReached');
  }
  if (walk.stoppedAt === i && next && e.next === 'notFound') {
    return msg('check.proxy.after.stopsAtComma', { entry: redact(e.text), next: redact(next.text) });
  }
  if (walk.stoppedAt === i && !next) return msg('check.proxy.after.last');
  return msg('check.proxy.after.noneLater');
}

/** The GOPROXY text with the separator after entry `i` replaced. */
function withSeparator(entries: readonly ProxyEntry[], i: number, sep: ',' | '|'): string {
  return entries
    .map((e, j) => e.text + (j === entries.length - 1 ? '' : j === i ? sep : e.next === 'anyError' ? '|' : ','))
    .join('');
}

function joinEntries(entries: readonly ProxyEntry[]): string {
  return entries.map((e, j) => e.text + (j === entries.length - 1 ? '' : e.next === 'anyError' ? '|' : ',')).join('');
}
