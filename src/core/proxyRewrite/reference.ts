// The truth the mirrors are compared with: the go.mod hash of the reference module from the
// checksum database (signature, inclusion proof and consistency checked by sumdb/client.ts),
// reached directly first, then through the candidate mirrors (their answers are signed, so a
// mirror cannot forge them); failing that, the hash shipped with go-env-doctor.
import { errorMessageText } from '../errors';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';
import { parseGoproxy } from '../go/goproxy';
import { redact } from '../redact';
import { lookupSumdb } from '../sumdb/client';
import { SumdbError } from '../sumdb/sumdbError';
import type { SumDatabase } from '../go/gosumdb';
import type { HttpGet } from '../net/httpGet';
import type { ReferenceModule } from './defaults';
import { goModHashFromLines } from './goModHash';

/** A whole lookup (record and tiles) gets this many per-request timeouts. */
export const LOOKUP_BUDGET_FACTOR = 2;

export interface ReferenceHash {
  /** The h1: hash of the reference go.mod, when any trusted source gave it. */
  hash?: string | undefined;
  source: 'sumdb' | 'builtin' | 'none';
  /** How it was obtained, or why no source answered. */
  detail: string;
  /** `detail` as a catalog Message (absent: `detail` is shown as it is). */
  detailText?: Message;
  /** Whether the checksum database answered when asked directly (not through a mirror). */
  directReachable: boolean;
  /** Why the direct request failed, when it did. */
  directProblem?: string;
}

export interface ReferenceOptions {
  db?: SumDatabase | undefined;
  reference: ReferenceModule;
  candidates: readonly string[];
  get: HttpGet;
  stateDir: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** A detail in English (redacted: it may quote a URL) and as a Message. */
export function detail(text: Message): Required<Pick<ReferenceHash, 'detail' | 'detailText'>> {
  return { detail: redact(render(text, 'en')), detailText: text };
}

export async function referenceHash(o: ReferenceOptions): Promise<ReferenceHash> {
  const ref = `${o.reference.path}@${o.reference.version}`;
  const builtin = (why: Message, direct: Pick<ReferenceHash, 'directReachable' | 'directProblem'>): ReferenceHash => {
    const known = o.reference.knownGoModHash;
    if (known)
      return {
        hash: known.hash,
        source: 'builtin',
        ...detail(msg('sumdb.ref.builtin', { db: known.db, why })),
        ...direct,
      };
    return { source: 'none', ...detail(msg('sumdb.ref.none', { why })), ...direct };
  };
  if (!o.db) return builtin(msg('sumdb.ref.off'), { directReachable: false });
  const db = o.db;
  const lookup = async (
    proxies: string,
  ): Promise<{ hash?: string | undefined; via: Message } | { error: SumdbError | Error }> => {
    // A lookup is several requests (record, then tiles): bound the whole of it, not just each one.
    const budgetMs = o.timeoutMs * LOOKUP_BUDGET_FACTOR;
    const deadline = AbortSignal.timeout(budgetMs);
    const signal = o.signal ? AbortSignal.any([o.signal, deadline]) : deadline;
    try {
      const r = await lookupSumdb(
        { db, proxies: parseGoproxy(proxies), stateDir: o.stateDir, get: o.get, signal, timeoutMs: o.timeoutMs },
        o.reference.path,
        o.reference.version,
      );
      return {
        hash: goModHashFromLines(r.lines, o.reference.path, o.reference.version),
        via: msg(r.via === 'proxy' ? 'sumdb.ref.via.proxy' : 'sumdb.ref.via.direct', { url: r.baseUrl }),
      };
    } catch (err) {
      if (o.signal?.aborted) throw err;
      if (deadline.aborted)
        return {
          error: new SumdbError('unavailable', msg('sumdb.noCompleteAnswer', { db: db.name, ms: budgetMs })),
        };
      return { error: err instanceof Error ? err : new Error(String(err)) };
    }
  };
  // "direct" as the only GOPROXY entry makes the client go straight to the database.
  const direct = await lookup('direct');
  if ('hash' in direct || !('error' in direct)) {
    if (!direct.hash) return builtin(msg('sumdb.ref.noGoMod', { db: db.name, ref }), { directReachable: true });
    return {
      hash: direct.hash,
      source: 'sumdb',
      ...detail(msg('sumdb.ref.fromDb', { db: db.name, via: direct.via })),
      directReachable: true,
    };
  }
  const problem = errorMessageText(direct.error);
  const directProblem = redact(render(problem, 'en'));
  const kind = direct.error instanceof SumdbError ? direct.error.kind : 'unavailable';
  if (kind === 'notFound') return builtin(msg('sumdb.ref.noRecord', { db: db.name, ref }), { directReachable: true });
  if (kind !== 'unavailable') {
    // A bad signature, a bad proof or a fork is not a network problem: never look elsewhere for a better answer.
    return builtin(msg('sumdb.ref.notVerified', { db: db.name, problem }), { directReachable: true, directProblem });
  }
  if (db.explicitUrl || o.candidates.length === 0)
    return builtin(msg('sumdb.ref.unreachable', { db: db.name, problem }), { directReachable: false, directProblem });
  const viaMirrors = await lookup(o.candidates.join('|'));
  if ('error' in viaMirrors) {
    const mirrors = errorMessageText(viaMirrors.error);
    return builtin(msg('sumdb.ref.unreachableAll', { db: db.name, problem, mirrors }), {
      directReachable: false,
      directProblem,
    });
  }
  if (!viaMirrors.hash)
    return builtin(msg('sumdb.ref.noGoMod', { db: db.name, ref }), { directReachable: false, directProblem });
  return {
    hash: viaMirrors.hash,
    source: 'sumdb',
    ...detail(msg('sumdb.ref.fromDbViaMirrors', { db: db.name, via: viaMirrors.via, problem })),
    directReachable: false,
    directProblem,
  };
}
