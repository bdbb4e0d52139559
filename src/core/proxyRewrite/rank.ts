// Ranks candidate mirrors: all probed at once, each several times; a mirror is healthy when it is
// reachable with TLS the go command accepts, speaks the module proxy protocol, and serves the
// reference module's go.mod exactly as the checksum database records it (and as the others
// serve it). Healthy mirrors are ordered by median latency; every rejected one says why.
import type { Platform } from '../platform';
import { redact } from '../redact';
import type { GosumdbSetting, SumDatabase } from '../go/gosumdb';
import { DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_ROUNDS, REFERENCE_MODULE, type ReferenceModule } from './defaults';
import { goNetwork, type GoNetwork } from '../net/goNetwork';
import { median, probeMirror, type MirrorProbe } from './mirrorProbe';
import { referenceHash, type ReferenceHash } from './reference';
import { sumdbStateDir } from '../stateDir';

export interface RankingRow {
  /** The candidate exactly as given (may hold credentials: never print it, print `display`). */
  url: string;
  /** `url` with credentials redacted. */
  display: string;
  healthy: boolean;
  /** Median latency of the timed requests; null when none succeeded. */
  medianMs: number | null;
  samplesMs: number[];
  /** Why it was rejected (unhealthy rows only). */
  reason?: string;
  /** HTTP status of `/sumdb/<name>/supported`, when asked. */
  sumdbSupported?: number;
}

export interface MirrorRanking {
  /** Healthy mirrors, fastest first, then the rejected ones in candidate order. */
  rows: RankingRow[];
  reference: { module: string; version: string } & ReferenceHash;
  /** How the mirrors' content was judged: against a trusted hash, by majority, or not at all. */
  verdictBasis: 'sumdb' | 'builtin' | 'majority' | 'unverified';
  durationMs: number;
}

export interface RankOptions {
  /** Mirror URLs to probe (http/https). */
  candidates: readonly string[];
  platform: Platform;
  /** GOSUMDB as the go command will use it (parseGosumdb of `go env GOSUMDB`). */
  gosumdb: GosumdbSetting;
  reference?: ReferenceModule | undefined;
  rounds?: number | undefined;
  /** Per request. */
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
  /** Defaults to goNetwork(platform) (closed afterwards). */
  network?: Pick<GoNetwork, 'fetch' | 'sumdbGet'>;
  /** Where verified checksum-database tree heads are kept; defaults to the state dir. */
  stateDir?: string | undefined;
}

export async function rankMirrors(o: RankOptions): Promise<MirrorRanking> {
  const started = performance.now();
  const reference = o.reference ?? REFERENCE_MODULE;
  const timeoutMs = o.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const own = o.network ? undefined : goNetwork(o.platform);
  const net = o.network ?? own!;
  const db: SumDatabase | undefined = o.gosumdb.kind === 'db' ? o.gosumdb.db : undefined;
  const candidates = [...new Set(o.candidates)];
  try {
    const [probes, truth] = await Promise.all([
      Promise.all(
        candidates.map((c) =>
          probeMirror(c, {
            fetch: net.fetch,
            reference,
            rounds: o.rounds ?? DEFAULT_ROUNDS,
            timeoutMs,
            signal: o.signal,
            // Only when go would reach the database through the mirror (GOSUMDB without a URL).
            ...(db && !db.explicitUrl ? { sumdbName: db.name } : {}),
          }),
        ),
      ),
      referenceHash({
        db,
        reference,
        candidates,
        get: net.sumdbGet,
        stateDir: o.stateDir ?? sumdbStateDir(o.platform),
        timeoutMs,
        signal: o.signal,
      }),
    ]);
    o.signal?.throwIfAborted();
    const basis = judgeContent(probes, truth, reference, db?.name);
    const rows = probes.map(toRow);
    const healthy = rows.filter((r) => r.healthy).sort((a, b) => a.medianMs! - b.medianMs!);
    const rejected = rows.filter((r) => !r.healthy);
    return {
      rows: [...healthy, ...rejected],
      reference: { module: reference.path, version: reference.version, ...truth },
      verdictBasis: basis,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await own?.close();
  }
}

function toRow(p: MirrorProbe): RankingRow {
  const m = median(p.samplesMs);
  return {
    url: p.url,
    display: redact(p.url),
    healthy: p.failure === undefined,
    medianMs: m ?? null,
    samplesMs: p.samplesMs,
    ...(p.failure !== undefined ? { reason: p.failure } : {}),
    ...(p.sumdbSupported !== undefined ? { sumdbSupported: p.sumdbSupported } : {}),
  };
}

/** Rejects mirrors whose reference go.mod differs from the trusted hash, or from the majority when there is none. */
function judgeContent(
  probes: MirrorProbe[],
  truth: ReferenceHash,
  ref: ReferenceModule,
  dbName: string | undefined,
): MirrorRanking['verdictBasis'] {
  const what = `${ref.path}@${ref.version}`;
  const served = probes.filter((p) => p.failure === undefined && p.goModHash !== undefined);
  if (truth.hash) {
    const from =
      truth.source === 'sumdb'
        ? `the checksum database ${dbName ?? ''}`.trimEnd()
        : 'the go.sum line published by sum.golang.org';
    for (const p of served) {
      if (p.goModHash !== truth.hash) {
        p.failure = `serves different content: its go.mod of ${what} hashes to ${p.goModHash}, but ${from} records ${truth.hash} (a stale cache or a tampered mirror; the go command would stop with "checksum mismatch")`;
      }
    }
    return truth.source === 'sumdb' ? 'sumdb' : 'builtin';
  }
  const groups = new Map<string, MirrorProbe[]>();
  for (const p of served) groups.set(p.goModHash!, [...(groups.get(p.goModHash!) ?? []), p]);
  if (groups.size <= 1) return served.length > 0 ? 'unverified' : 'majority';
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  const [topHash, top] = sorted[0]!;
  if (top.length * 2 > served.length) {
    for (const [hash, ps] of sorted.slice(1)) {
      for (const p of ps) {
        p.failure = `serves different content: its go.mod of ${what} hashes to ${hash}, while ${top.length} of ${served.length} mirrors serve ${topHash} (no checksum database could be asked which is right: ${truth.detail})`;
      }
    }
    return 'majority';
  }
  for (const p of served) {
    p.failure = `the mirrors disagree on the go.mod of ${what} (this one serves ${p.goModHash}) and no checksum database could settle which is right (${truth.detail})`;
  }
  return 'majority';
}
