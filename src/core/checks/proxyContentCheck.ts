// What each GOPROXY entry serves, not only whether it answers: the reference module's go.mod from
// every http(s) entry, hashed as go.sum records it and compared with the checksum database's
// record (or the go.sum line shipped with go-env-doctor when no database answers). A mirror that
// serves other bytes makes every `go get` through it stop with "checksum mismatch".
import type { Finding } from '../findings';
import { parseGoproxy, type ProxyEntry } from '../go/goproxy';
import { parseGosumdb } from '../go/gosumdb';
import type { Platform } from '../platform';
import { redact } from '../redact';
import { fetchCanaryGoMod, type CanaryResult } from '../proxyRewrite/canaryGoMod';
import { REFERENCE_MODULE, type ReferenceModule } from '../proxyRewrite/defaults';
import { goNetwork, type GoNetwork } from '../net/goNetwork';
import { detail, referenceHash, type ReferenceHash } from '../proxyRewrite/reference';
import { sumdbStateDir } from '../stateDir';
import { matchPrefixPatterns } from '../sumdb/prefixPatterns';
import { AUTO_PROXY_FIX } from './fixes';
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';

export interface ProxyContentInput {
  goproxy: string;
  gosumdb: string;
  platform: Platform;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** The module every mirror must serve identically (default REFERENCE_MODULE). */
  reference?: ReferenceModule | undefined;
  /** GONOSUMDB as go uses it (default: GONOSUMDB, else GOPRIVATE, from the platform's environment). */
  gonosumdb?: string | undefined;
  /** Default: goNetwork(platform), closed afterwards. */
  network?: Pick<GoNetwork, 'fetch' | 'sumdbGet'>;
}

export interface ProxyContentOutput {
  findings: Finding[];
  truth: ReferenceHash;
}

type UrlEntry = Extract<ProxyEntry, { kind: 'url' }>;

export async function runProxyContentCheck(input: ProxyContentInput): Promise<ProxyContentOutput> {
  const reference = input.reference ?? REFERENCE_MODULE;
  const setting = parseGosumdb(input.gosumdb);
  const db = setting.kind === 'db' ? setting.db : undefined;
  const seen = new Set<string>();
  const entries = parseGoproxy(input.goproxy).filter(
    (e): e is UrlEntry =>
      e.kind === 'url' && e.url.protocol !== 'file:' && !seen.has(e.url.href) && (seen.add(e.url.href), true),
  );
  if (entries.length === 0)
    return { findings: [], truth: { source: 'none', ...detail(msg('sumdb.ref.noMirror')), directReachable: false } };
  const own = input.network ? undefined : goNetwork(input.platform);
  const net = input.network ?? own!;
  // The whole check shares the diagnosis's per-probe timeout: it must not outlast the other probes.
  const deadline = AbortSignal.timeout(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, deadline]) : deadline;
  try {
    const [served, truth] = await Promise.all([
      Promise.all(
        entries.map((e) =>
          fetchCanaryGoMod(e.url, { fetch: net.fetch, reference, timeoutMs: input.timeoutMs, signal }),
        ),
      ),
      referenceHash({
        db,
        reference,
        candidates: entries.map((e) => e.text),
        get: net.sumdbGet,
        stateDir: sumdbStateDir(input.platform),
        timeoutMs: input.timeoutMs,
        signal,
      }).catch((err: unknown): ReferenceHash => {
        if (input.signal?.aborted || !deadline.aborted) throw err;
        const why = msg('check.proxyContent.noAnswer', { ms: input.timeoutMs });
        const known = reference.knownGoModHash;
        if (!known) return { source: 'none', ...detail(why), directReachable: false };
        const words = detail(msg('sumdb.ref.builtin', { db: known.db, why }));
        return { hash: known.hash, source: 'builtin', ...words, directReachable: false };
      }),
    ]);
    const noSumdb = input.gonosumdb ?? (input.platform.env['GONOSUMDB'] || input.platform.env['GOPRIVATE'] || '');
    // A module matched by GONOSUMDB is not verified: go takes whatever the mirror serves.
    const verifiedBy = matchPrefixPatterns(noSumdb, reference.path) ? undefined : db?.name;
    return { findings: judge(entries, served, truth, reference, verifiedBy), truth };
  } finally {
    await own?.close();
  }
}

function judge(
  entries: readonly UrlEntry[],
  served: readonly CanaryResult[],
  truth: ReferenceHash,
  ref: ReferenceModule,
  /** The database that verifies the reference module, undefined when nothing does. */
  dbName: string | undefined,
): Finding[] {
  const recorded = truth.hash;
  if (!recorded) return [];
  const what = `${ref.path}@${ref.version}`;
  const from =
    truth.source !== 'sumdb'
      ? msg('check.proxyContent.from.goSum')
      : dbName
        ? msg('check.proxyContent.from.sumdb', { db: dbName })
        : msg('check.proxyContent.from.sumdbUnnamed');
  const findings: Finding[] = [];
  let earlierServesIt = false;
  entries.forEach((e, i) => {
    const r = served[i]!;
    if (!r.ok) return;
    if (r.goModHash === truth.hash) {
      earlierServesIt = true;
      return;
    }
    const name = redact(e.text);
    // Without a checksum database the go command does not notice; with an earlier working entry it rarely asks this one.
    const consequence = !dbName
      ? msg('check.proxyContent.unverified')
      : msg('check.proxyContent.refused', {
          what,
          earlier: earlierServesIt ? msg('check.proxyContent.earlierServes') : '',
        });
    findings.push({
      id: 'proxy.wrongContent',
      severity: dbName && !earlierServesIt ? 'error' : 'warning',
      ...findingWords(
        msg('check.proxyContent.wrongContent.title', { name }),
        msg('check.proxyContent.wrongContent.detail', {
          name,
          what,
          hash: r.goModHash,
          from,
          truth: recorded,
          truthDetail: truth.detailText ?? truth.detail,
          consequence,
        }),
      ),
      subject: redact(e.url.href.replace(/\/$/, '')),
      durationMs: Math.round(r.ms),
      fixes: [AUTO_PROXY_FIX],
    });
  });
  return findings;
}
