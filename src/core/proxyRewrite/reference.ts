// The truth the mirrors are compared with: the go.mod hash of the reference module from the
// checksum database (signature, inclusion proof and consistency checked by sumdb/client.ts),
// reached directly first, then through the candidate mirrors (their answers are signed, so a
// mirror cannot forge them); failing that, the hash shipped with go-env-doctor.
import { errorMessage } from '../errors';
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

export async function referenceHash(o: ReferenceOptions): Promise<ReferenceHash> {
  const ref = `${o.reference.path}@${o.reference.version}`;
  const builtin = (why: string, direct: Pick<ReferenceHash, 'directReachable' | 'directProblem'>): ReferenceHash => {
    const known = o.reference.knownGoModHash;
    if (known)
      return {
        hash: known.hash,
        source: 'builtin',
        detail: `from the go.sum line ${known.db} published for it (shipped with go-env-doctor), because ${why}`,
        ...direct,
      };
    return {
      source: 'none',
      detail: `no trusted hash: ${why}; the mirrors can only be compared with each other`,
      ...direct,
    };
  };
  if (!o.db) return builtin('checksum verification is off (GOSUMDB=off)', { directReachable: false });
  const db = o.db;
  const lookup = async (
    proxies: string,
  ): Promise<{ hash?: string | undefined; via: string } | { error: SumdbError | Error }> => {
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
        via: r.via === 'proxy' ? `through ${r.baseUrl}` : `at ${r.baseUrl}`,
      };
    } catch (err) {
      if (o.signal?.aborted) throw err;
      if (deadline.aborted)
        return {
          error: new SumdbError(
            'unavailable',
            `no complete answer from the checksum database ${db.name} within ${budgetMs} ms`,
          ),
        };
      return { error: err instanceof Error ? err : new Error(String(err)) };
    }
  };
  // "direct" as the only GOPROXY entry makes the client go straight to the database.
  const direct = await lookup('direct');
  if ('hash' in direct || !('error' in direct)) {
    if (!direct.hash)
      return builtin(`the checksum database ${db.name} has no go.mod line for ${ref}`, { directReachable: true });
    return {
      hash: direct.hash,
      source: 'sumdb',
      detail: `from the checksum database ${db.name} ${direct.via} (signed, proven in its log)`,
      directReachable: true,
    };
  }
  const directProblem = redact(errorMessage(direct.error));
  const kind = direct.error instanceof SumdbError ? direct.error.kind : 'unavailable';
  if (kind === 'notFound')
    return builtin(`the checksum database ${db.name} has no record of ${ref}`, { directReachable: true });
  if (kind !== 'unavailable') {
    // A bad signature, a bad proof or a fork is not a network problem: never look elsewhere for a better answer.
    return builtin(`the checksum database ${db.name} gave an answer that does not verify: ${directProblem}`, {
      directReachable: true,
      directProblem,
    });
  }
  if (db.explicitUrl || o.candidates.length === 0)
    return builtin(`the checksum database ${db.name} cannot be reached: ${directProblem}`, {
      directReachable: false,
      directProblem,
    });
  const viaMirrors = await lookup(o.candidates.join('|'));
  if ('error' in viaMirrors) {
    return builtin(
      `the checksum database ${db.name} cannot be reached directly (${directProblem}) nor through any candidate mirror (${redact(errorMessage(viaMirrors.error))})`,
      { directReachable: false, directProblem },
    );
  }
  if (!viaMirrors.hash)
    return builtin(`the checksum database ${db.name} has no go.mod line for ${ref}`, {
      directReachable: false,
      directProblem,
    });
  return {
    hash: viaMirrors.hash,
    source: 'sumdb',
    detail: `from the checksum database ${db.name} ${viaMirrors.via} (signed, proven in its log; it cannot be reached directly: ${directProblem})`,
    directReachable: false,
    directProblem,
  };
}
