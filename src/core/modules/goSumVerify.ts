// Every go.sum line of the workspace that GONOSUMDB/GOPRIVATE leave to the checksum database,
// checked against the database's verified record (sumdb/client.ts), as go would on download.
// Records verified before come from disk (verifiedRecords.ts); the rest are looked up with
// bounded concurrency until the budget runs out, so a partial answer says how far it got.
import { parseGoproxy } from '../go/goproxy';
import type { SumDatabase } from '../go/gosumdb';
import { lookupSumdb, resolveSumdbBase, type SumdbClientOptions } from '../sumdb/client';
import type { HttpGet } from '../net/httpGet';
import { matchPrefixPatterns } from '../sumdb/prefixPatterns';
import { errorMessageText } from '../errors';
import { redact } from '../redact';
import type { GoSumLine } from './goSum';
import { VerifiedRecords } from './verifiedRecords';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

export interface GoSumVerifyOptions {
  lines: readonly GoSumLine[];
  db: SumDatabase;
  goproxy: string;
  /** GONOSUMDB, falling back to GOPRIVATE as cmd/go does. */
  noSumdb: string;
  /** The tool's state dir (the tree head lives in `<it>/sumdb`, verified records in `<it>/gosum`). */
  stateDir: string;
  sumdbStateDir: string;
  get: HttpGet;
  timeoutMs: number;
  /** Stop asking the database after this long; undefined = verify every line. */
  budgetMs?: number | undefined;
  concurrency?: number;
  signal?: AbortSignal | undefined;
}

export interface GoSumMismatch {
  line: GoSumLine;
  /** The hash the database's record gives for the same line. */
  dbHash: string;
}

export interface GoSumVerification {
  /** Lines the database is asked about (not matched by GONOSUMDB/GOPRIVATE). */
  checked: number;
  verified: number;
  /** Lines matched by GONOSUMDB/GOPRIVATE, never looked up. */
  private: number;
  /** Lines answered from records verified in an earlier run. */
  fromCache: number;
  mismatches: GoSumMismatch[];
  /** Why some lines could not be verified (first failure), when any could not. */
  problem?: string;
  /** `problem` as a catalog Message. */
  problemText?: Message;
  /** The budget ran out before every line was verified. */
  outOfTime: boolean;
  /** Where the database was reached (redacted). */
  via?: string;
}

export const DEFAULT_CONCURRENCY = 32;

export async function verifyGoSumLines(o: GoSumVerifyOptions): Promise<GoSumVerification> {
  const result: GoSumVerification = {
    checked: 0,
    verified: 0,
    private: 0,
    fromCache: 0,
    mismatches: [],
    outOfTime: false,
  };
  const byVersion = new Map<string, GoSumLine[]>();
  for (const l of o.lines) {
    if (matchPrefixPatterns(o.noSumdb, l.module)) {
      result.private++;
      continue;
    }
    result.checked++;
    const key = `${l.module}@${l.version}`;
    byVersion.set(key, [...(byVersion.get(key) ?? []), l]);
  }
  const cache = VerifiedRecords.forDatabase(o.stateDir, o.db.name);
  const compare = (lines: GoSumLine[], record: readonly string[]) => {
    for (const l of lines) {
      const prefix = `${l.module} ${l.version}${l.goMod ? '/go.mod' : ''} `;
      const dbHash = record
        .find((r) => r.startsWith(prefix))
        ?.slice(prefix.length)
        .trim();
      if (dbHash === undefined) continue;
      result.verified++;
      if (dbHash !== l.hash) result.mismatches.push({ line: l, dbHash });
    }
  };

  const pending: Array<[string, GoSumLine[]]> = [];
  const known = await Promise.all(
    [...byVersion.values()].map((lines) => cache.get(lines[0]!.module, lines[0]!.version)),
  );
  [...byVersion].forEach(([key, lines], i) => {
    const rec = known[i];
    if (rec) {
      result.fromCache += lines.length;
      compare(lines, rec.lines);
    } else pending.push([key, lines]);
  });
  if (pending.length === 0) return finish(result);

  const deadline = o.budgetMs !== undefined ? AbortSignal.timeout(o.budgetMs) : undefined;
  const signal = deadline && o.signal ? AbortSignal.any([o.signal, deadline]) : (deadline ?? o.signal);
  const client: SumdbClientOptions = {
    db: o.db,
    proxies: parseGoproxy(o.goproxy),
    stateDir: o.sumdbStateDir,
    get: o.get,
    signal,
    timeoutMs: o.timeoutMs,
    tiles: new Map(),
  };
  let base: Awaited<ReturnType<typeof resolveSumdbBase>>;
  try {
    base = await resolveSumdbBase(client);
  } catch (err) {
    if (o.signal?.aborted) throw err;
    setProblem(result, deadline?.aborted ? outOfTimeText(o.budgetMs) : errorMessageText(err));
    result.outOfTime = Boolean(deadline?.aborted);
    return finish(result);
  }
  result.via = redact(base.base.href);
  // The base is found once; every lookup goes straight to it.
  const pinned: SumdbClientOptions = { ...client, db: { ...o.db, url: base.base, explicitUrl: true } };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pending.length && !signal?.aborted && result.problem === undefined) {
      const [, lines] = pending[next++]!;
      const { module, version } = lines[0]!;
      try {
        const r = await lookupSumdb(pinned, module, version);
        await cache.put(module, version, {
          lines: r.lines,
          tree: { n: r.tree.n, hash: r.tree.hash.toString('base64') },
        });
        compare(lines, r.lines);
      } catch (err) {
        if (o.signal?.aborted) throw err;
        if (deadline?.aborted) break;
        // Any failure ends the run; a module the database does not know is go's "verifying module: not found".
        if (result.problem === undefined) setProblem(result, errorMessageText(err));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? DEFAULT_CONCURRENCY, pending.length) }, worker));
  if (deadline?.aborted && result.verified < result.checked) {
    result.outOfTime = true;
    if (result.problem === undefined) setProblem(result, outOfTimeText(o.budgetMs));
  }
  return finish(result);
}

function outOfTimeText(ms: number | undefined): Message {
  return msg('modules.problem.outOfTime', { ms: String(ms) });
}

function setProblem(r: GoSumVerification, text: Message): void {
  r.problem = redact(render(text, 'en'));
  r.problemText = text;
}

function finish(r: GoSumVerification): GoSumVerification {
  r.mismatches.sort((a, b) => a.line.file.localeCompare(b.line.file) || a.line.line - b.line.line);
  return r;
}
