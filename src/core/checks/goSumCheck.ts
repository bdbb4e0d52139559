// The workspace's go.sum lines against the checksum database: gosum.ok when every line the
// database vouches for agrees, gosum.incomplete when not all could be asked within the budget,
// gosum.mismatch (one per disputed line) with what the first mirror serves, to tell an edited
// go.sum or a moved tag from a mirror serving wrong content.
import type { Finding } from '../findings';
import { parseGosumdb } from '../go/gosumdb';
import { readGoSum, workspaceGoSums, type GoSumLine } from '../modules/goSum';
import { verifyGoSumLines, type GoSumMismatch, type GoSumVerification } from '../modules/goSumVerify';
import { mirrorHash, type MirrorHash } from '../modules/mirrorHash';
import { repairGoSumFix } from '../modules/fixes';
import type { HttpGet } from '../net/httpGet';

export interface GoSumCheckInput {
  goModFiles: readonly string[];
  /** Effective go env: GOSUMDB, GOPROXY, GONOSUMDB, GOPRIVATE. */
  env: Readonly<Record<string, string | undefined>>;
  stateDir: string;
  sumdbStateDir: string;
  get: HttpGet;
  timeoutMs: number;
  /** undefined: verify every line (`diagnose --modules`). */
  budgetMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** How many disputed lines get their mirror's content compared (each may be a zip download). */
const MIRROR_COMPARISONS = 5;

export async function goSumFindings(input: GoSumCheckInput): Promise<Finding[]> {
  const started = performance.now();
  const files = await workspaceGoSums(input.goModFiles);
  const lines: GoSumLine[] = (await Promise.all(files.map(readGoSum))).flat();
  if (lines.length === 0) return [];
  const setting = parseGosumdb(input.env['GOSUMDB']);
  // GOSUMDB=off and a bad GOSUMDB are reported by the env and sumdb checks.
  if (setting.kind !== 'db') return [];
  const goproxy = input.env['GOPROXY'] ?? '';
  const v = await verifyGoSumLines({
    lines,
    db: setting.db,
    goproxy,
    noSumdb: input.env['GONOSUMDB'] || input.env['GOPRIVATE'] || '',
    stateDir: input.stateDir,
    sumdbStateDir: input.sumdbStateDir,
    get: input.get,
    timeoutMs: input.timeoutMs,
    budgetMs: input.budgetMs,
    signal: input.signal,
  });
  const durationMs = Math.round(performance.now() - started);
  const out: Finding[] = [];
  // Comparing with the mirror shares one probe timeout, so a diagnosis stays bounded.
  const deadline = AbortSignal.timeout(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, deadline]) : deadline;
  for (const [i, m] of v.mismatches.entries()) {
    let mirror: MirrorHash = { problem: 'not compared (only the first disputed lines are)' };
    if (i < MIRROR_COMPARISONS) {
      mirror = await mirrorHash(m.line, goproxy, input.get, input.timeoutMs, signal).catch((err: unknown) => {
        if (input.signal?.aborted) throw err;
        return { problem: `no answer within ${input.timeoutMs} ms` };
      });
    }
    out.push(mismatchFinding(m, setting.db.name, mirror, durationMs));
  }
  // Disputed lines speak for themselves; the summary says how far verification got otherwise.
  if (v.mismatches.length === 0 || v.verified < v.checked)
    out.push(summaryFinding(v, setting.db.name, files.length, durationMs));
  return out;
}

function mismatchFinding(m: GoSumMismatch, db: string, mirror: MirrorHash, durationMs: number): Finding {
  const l = m.line;
  const what = `${l.module} ${l.version}${l.goMod ? '/go.mod' : ''}`;
  let why: string;
  if ('hash' in mirror && mirror.hash === m.dbHash)
    why = `The mirror ${mirror.mirror} serves content matching the database, so go.sum was edited or written from another source: the tag was probably moved upstream after the database logged it, and the line came from a direct download.`;
  else if ('hash' in mirror && mirror.hash === l.hash)
    why = `The mirror ${mirror.mirror} serves content matching go.sum, not the database: the mirror is wrong (it serves content the database never logged), and go.sum was written without verification. Switch GOPROXY to a trustworthy mirror (go-env-doctor set-proxy --auto) before re-adding the line.`;
  else if ('hash' in mirror)
    why = `The mirror ${mirror.mirror} serves a third version (${mirror.hash}), matching neither: the mirror is wrong too. Switch GOPROXY to a trustworthy mirror (go-env-doctor set-proxy --auto) before re-adding the line.`;
  else why = `What the mirror serves could not be compared (${mirror.problem}).`;
  return {
    id: 'gosum.mismatch',
    severity: 'error',
    title: `go.sum disagrees with the checksum database for ${l.module} ${l.version}`,
    detail:
      `${l.file}:${l.line} records ${what} ${l.hash}, but the checksum database ${db} (signature and proof verified) records ${m.dbHash}. ` +
      `The go command refuses to build with this line (SECURITY ERROR: checksum mismatch). ${why} ` +
      `Fix: remove the line and let go re-add a verified one (go mod tidy).`,
    subject: `${l.module}@${l.version}`,
    location: { file: l.file, line: l.line },
    fixes: [repairGoSumFix(l.file, l.module, l.version)],
    durationMs,
  };
}

function summaryFinding(v: GoSumVerification, db: string, files: number, durationMs: number): Finding {
  const counts = `${v.verified} of ${v.checked} go.sum line${v.checked === 1 ? '' : 's'}`;
  const skipped = v.private ? ` ${v.private} line(s) matched by GONOSUMDB/GOPRIVATE were not looked up.` : '';
  const cached = v.fromCache ? ` ${v.fromCache} came from records verified earlier.` : '';
  if (v.verified < v.checked) {
    return {
      id: 'gosum.incomplete',
      severity: 'info',
      title: `Verified ${counts} against the checksum database`,
      detail: `${v.checked - v.verified} line(s) in ${files} go.sum file(s) were not verified: ${v.problem ?? 'the database has no record of them'}.${cached}${skipped} Run \`go-env-doctor diagnose --modules\` to verify every line without a time limit.`,
      subject: db,
      durationMs,
    };
  }
  return {
    id: 'gosum.ok',
    severity: 'ok',
    title: `All ${counts} agree with the checksum database`,
    detail: `Each line was compared with the record of ${db}${v.via ? ` (reached at ${v.via})` : ''}, verified like the go command does (signed tree head, inclusion proof, consistency).${cached}${skipped}`,
    subject: db,
    durationMs,
  };
}
