// The checksum database named by GOSUMDB, reached the way the go command reaches it
// (cmd/go/internal/modfetch/sumdb.go): a URL in GOSUMDB (and the sum.golang.google.cn alias) is
// used directly, bypassing GOPROXY. Otherwise the go command asks each GOPROXY entry in turn for
// `<proxy>/sumdb/<name>/supported`: 200 means that proxy is used for the database and nothing
// else; 404/410 (or any error after `|`) moves on; any other failure after `,` makes the database
// unavailable; reaching `direct`, `off` or the end means `https://<name>` directly.
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Finding, Fix } from '../findings';
import { proxyResource, type ProxyEntry } from '../go/goproxy';
import type { GosumdbSetting, SumDatabase } from '../go/gosumdb';
import { probeFollowingRedirects, type ProbeResult } from '../net/probe';
import { redact } from '../redact';
import { withTimings } from './probeTimings';
import { describeFailure, stepTimings, type FailureContext, type FailureView } from './probeFailure';
import { formatMs } from '../units';
import type { NetContext } from './netContext';
import { AUTO_PROXY_FIX, setGoEnvFix, unsetGoEnvFix } from './fixes';
import { shellFor } from '../shell/osVariable';
import type { Shell } from '../shell/quote';
import { msg, type Message, type Param } from '../i18n/message';
import { findingWords, fixWords } from '../i18n/words';

export interface SumdbCheckOutput {
  findings: Finding[];
  probes: ProbeResult[];
}

type Route =
  | { kind: 'proxy'; entry: Extract<ProxyEntry, { kind: 'url' }>; index: number }
  | { kind: 'direct'; reason: Message }
  | { kind: 'failed'; entry: Extract<ProxyEntry, { kind: 'url' }>; result: ProbeResult };

type Outcome =
  | { ok: true; how: Message; latest?: ProbeResult }
  | { ok: false; why: Message; failed?: ProbeResult; view?: FailureView };

interface Pending {
  result: Promise<ProbeResult>;
  abort: AbortController;
}

export async function runSumdbCheck(input: {
  /** GOSUMDB and GOPROXY, parsed once per diagnosis. */
  gosumdb: GosumdbSetting;
  goproxy: readonly ProxyEntry[];
  net: NetContext;
}): Promise<SumdbCheckOutput> {
  const setting = input.gosumdb;
  if (setting.kind === 'off') return { findings: [], probes: [] }; // env.sumdbOff covers it
  if (setting.kind === 'invalid') {
    return {
      findings: [
        {
          id: 'sumdb.invalid',
          severity: 'error',
          ...findingWords(
            msg('check.sumdb.invalid.title'),
            msg('check.sumdb.invalid.detail', { setting: redact(setting.setting), reason: setting.reasonText }),
          ),
          subject: 'GOSUMDB',
          fixes: [unsetGoEnvFix('GOSUMDB', msg('check.sumdb.fix.default'), shellFor(input.net.platform.os))],
        },
      ],
      probes: [],
    };
  }
  const db = setting.db;
  const net = input.net;
  const started = performance.now();
  const probes: ProbeResult[] = [];
  const pending: Pending[] = [];
  const start = (url: URL): Pending => {
    const abort = new AbortController();
    const signal = net.signal ? AbortSignal.any([net.signal, abort.signal]) : abort.signal;
    const p: Pending = { abort, result: probeFollowingRedirects({ ...net.probeOptions(), url, signal }) };
    pending.push(p);
    return p;
  };

  let outcome: Outcome;
  if (db.explicitUrl) {
    outcome = await directOutcome(
      db,
      db.url.protocol === 'file:' ? undefined : start(latestUrl(db.url)),
      net,
      msg('check.sumdb.reason.explicit', { url: redact(db.url.href.replace(/\/$/, '')) }),
    );
  } else {
    // Start everything at once; decide in the go command's order; cancel what turns out unneeded.
    const entries = input.goproxy;
    const perEntry = entries.map((e) =>
      e.kind === 'url' && e.url.protocol !== 'file:'
        ? {
            supported: start(proxyResource(e.url, `sumdb/${db.name}/supported`)),
            latest: start(proxyResource(e.url, `sumdb/${db.name}/latest`)),
          }
        : undefined,
    );
    const direct = db.url.protocol === 'file:' ? undefined : start(latestUrl(db.url));
    const route = await decideRoute(entries, perEntry, db);
    if (route.kind === 'proxy') {
      const latestP = perEntry[route.index]?.latest;
      outcome = latestP
        ? await moduleOutcome(db, route.entry, latestP, net)
        : { ok: true, how: msg('check.sumdb.fileProxy', { entry: route.entry.text }) };
    } else if (route.kind === 'failed') {
      const view = await describeFailure(route.result, failureContext(net));
      outcome = {
        ok: false,
        failed: route.result,
        view,
        why: msg('check.sumdb.supportedFailed', {
          entry: redact(route.entry.text),
          db: db.name,
          url: redact(proxyResource(route.entry.url, `sumdb/${db.name}/supported`).href),
          cause: view.causeText,
        }),
      };
    } else {
      outcome = await directOutcome(db, direct, net, route.reason);
    }
  }
  for (const p of pending) p.abort.abort();
  for (const p of pending) probes.push(await p.result);
  // Cancelled probes are not evidence of anything (e.g. for the clock check).
  const evidence = probes.filter((r) => r.error?.kind !== 'aborted');
  const durationMs = Math.round(performance.now() - started);
  const subject = redact(db.explicitUrl ? db.url.href.replace(/\/$/, '') : db.name);

  if (outcome.ok) {
    const r = outcome.latest;
    const timing = r ? msg('check.sumdb.ok.timing', { ms: formatMs(r.totalMs), steps: stepTimings(r) }) : '';
    return {
      findings: [
        {
          id: 'sumdb.ok',
          severity: 'ok',
          ...findingWords(
            msg('check.sumdb.ok.title', { db: db.name }),
            msg('check.sumdb.ok.detail', { how: outcome.how, timing }),
          ),
          subject,
          durationMs,
          ...withTimings(r),
        },
      ],
      probes: evidence,
    };
  }
  const findings: Finding[] = [
    {
      id: 'sumdb.unreachable',
      severity: 'error',
      ...findingWords(
        msg('check.sumdb.unreachable.title', { db: db.name }),
        msg('check.sumdb.unreachable.detail', { why: outcome.why }),
      ),
      subject,
      durationMs,
      ...withTimings(outcome.failed),
      fixes: sumdbFixes(db, shellFor(net.platform.os)),
    },
  ];
  // A TLS failure on the database's own host is also a TLS finding for that host.
  if (outcome.view && outcome.view.id.startsWith('tls.') && outcome.failed) {
    findings.push({
      id: outcome.view.id,
      severity: 'error',
      ...findingWords(
        msg('check.probe.failed.title', { name: hostTitle(outcome.failed.url), short: outcome.view.shortText }),
        outcome.view.causeText,
      ),
      subject: redact(outcome.failed.url),
      durationMs: Math.round(outcome.failed.totalMs),
      ...withTimings(outcome.failed),
      ...(outcome.view.fixes.length > 0 ? { fixes: outcome.view.fixes } : {}),
    });
  }
  return { findings, probes: evidence };
}

async function decideRoute(
  entries: readonly ProxyEntry[],
  perEntry: readonly ({ supported: Pending; latest: Pending } | undefined)[],
  db: SumDatabase,
): Promise<Route> {
  let asked = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.kind === 'direct' || e.kind === 'off') {
      const reason =
        asked > 0
          ? msg('check.sumdb.reason.noneBefore', { entry: e.text, db: db.name })
          : msg('check.sumdb.reason.startsWith', { entry: e.text, db: db.name });
      return { kind: 'direct', reason };
    }
    if (e.kind !== 'url') continue;
    asked++;
    let supported: 'yes' | 'notFound' | ProbeResult;
    if (e.url.protocol === 'file:') {
      supported = await fileSupported(e.url, db.name);
    } else {
      const r = await perEntry[i]!.supported.result;
      supported =
        !r.error && r.status === 200 ? 'yes' : !r.error && (r.status === 404 || r.status === 410) ? 'notFound' : r;
    }
    if (supported === 'yes') return { kind: 'proxy', entry: e, index: i };
    if (supported === 'notFound' || e.next === 'anyError') continue;
    return { kind: 'failed', entry: e, result: supported };
  }
  return { kind: 'direct', reason: msg('check.sumdb.reason.none', { db: db.name }) };
}

async function fileSupported(base: URL, name: string): Promise<'yes' | 'notFound'> {
  try {
    await fs.access(fileURLToPath(proxyResource(base, `sumdb/${name}/supported`)));
    return 'yes';
  } catch {
    return 'notFound';
  }
}

async function moduleOutcome(
  db: SumDatabase,
  entry: Extract<ProxyEntry, { kind: 'url' }>,
  latest: Pending,
  net: NetContext,
): Promise<Outcome> {
  const name = redact(entry.text);
  return latestOutcome(
    await latest.result,
    db,
    net,
    (via) => msg('check.sumdb.proxy.answers', { entry: name, via }),
    (url, problem) => msg('check.sumdb.proxy.failed', { entry: name, db: db.name, url, problem }),
  );
}

/** The outcome of fetching the database's latest tree head; `via` names the HTTP proxy used, if any. */
async function latestOutcome(
  r: ProbeResult,
  db: SumDatabase,
  net: NetContext,
  how: (via: Param) => Message,
  why: (url: string, problem: Param) => Message,
): Promise<Outcome> {
  if (!r.error && r.status === 200 && isTreeNote(r.body, db.name)) {
    return { ok: true, how: how(r.via ? msg('check.sumdb.via', { proxy: r.via.display }) : ''), latest: r };
  }
  const problem = await problemOf(r, db, net);
  return {
    ok: false,
    failed: r,
    ...(problem.view ? { view: problem.view } : {}),
    why: why(redact(r.url), problem.text),
  };
}

async function directOutcome(
  db: SumDatabase,
  pending: Pending | undefined,
  net: NetContext,
  reason: Message,
): Promise<Outcome> {
  if (!pending) {
    // file:// database URL: read the tree head from disk.
    try {
      const text = await fs.readFile(fileURLToPath(latestUrl(db.url)), 'utf8');
      if (isTreeNote(text, db.name)) return { ok: true, how: msg('check.sumdb.file.holds', { reason }) };
      return { ok: false, why: msg('check.sumdb.file.notTree', { reason }) };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      return { ok: false, why: msg('check.sumdb.file.unreadable', { reason, code }) };
    }
  }
  return latestOutcome(
    await pending.result,
    db,
    net,
    (via) => msg('check.sumdb.direct.answers', { reason, via }),
    (url, problem) => msg('check.sumdb.direct.failed', { reason, url, problem }),
  );
}

async function problemOf(
  r: ProbeResult,
  db: SumDatabase,
  net: NetContext,
): Promise<{ text: Param; view?: FailureView }> {
  if (!r.error && r.status === 200) {
    const html = /html/i.test(r.headers['content-type'] ?? '') || /^\s*</.test(r.body);
    return {
      text: msg('check.sumdb.notTreeHead', { db: db.name, html: html ? msg('check.sumdb.notTreeHead.html') : '' }),
    };
  }
  const view = await describeFailure(r, {
    ...failureContext(net),
    notFoundHint: msg('check.sumdb.notFoundHint', { db: db.name }),
  });
  return { text: view.causeText, view };
}

function failureContext(net: NetContext): FailureContext {
  return { trust: net.trust, platform: net.platform, timeoutMs: net.timeoutMs };
}

function latestUrl(base: URL): URL {
  return proxyResource(base, 'latest');
}

/** `go.sum database tree\n<size>\n<base64 hash>\n\n— <name> <base64 signature>\n...` */
export function isTreeNote(body: string, name: string): boolean {
  const m = /^go\.sum database tree\n(\d+)\n([A-Za-z0-9+/]{43}=)\n\n((?:\u2014 [^\s]+ [A-Za-z0-9+/]+=*\n)+)$/.exec(
    body,
  );
  if (!m) return false;
  return m[3]!.split('\n').some((line) => line.startsWith(`\u2014 ${name} `));
}

function sumdbFixes(db: SumDatabase, shell: Shell): Fix[] {
  const fixes: Fix[] = [];
  if (db.name === 'sum.golang.org' && db.setting !== 'sum.golang.google.cn') {
    fixes.push(setGoEnvFix('GOSUMDB', 'sum.golang.google.cn', msg('check.sumdb.fix.china'), shell));
  }
  fixes.push({ ...AUTO_PROXY_FIX, ...fixWords(msg('check.sumdb.fix.forwardingProxy')) });
  return fixes;
}

function hostTitle(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
