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
import { msg, type Message } from '../i18n/message';
import { findingWords } from '../i18n/words';

/** What the first mirror serves for a disputed line, or why that is not known. */
type Compared = MirrorHash | { problemText: Message };

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
    let mirror: Compared = { problemText: msg('check.gosum.notCompared') };
    if (i < MIRROR_COMPARISONS) {
      mirror = await mirrorHash(m.line, goproxy, input.get, input.timeoutMs, signal).catch((err: unknown) => {
        if (input.signal?.aborted) throw err;
        return { problemText: msg('check.gosum.noAnswer', { ms: input.timeoutMs }) };
      });
    }
    out.push(mismatchFinding(m, setting.db.name, mirror, durationMs));
  }
  // Disputed lines speak for themselves; the summary says how far verification got otherwise.
  if (v.mismatches.length === 0 || v.verified < v.checked)
    out.push(summaryFinding(v, setting.db.name, files.length, durationMs));
  return out;
}

function mismatchFinding(m: GoSumMismatch, db: string, mirror: Compared, durationMs: number): Finding {
  const l = m.line;
  const what = `${l.module} ${l.version}${l.goMod ? '/go.mod' : ''}`;
  let why: Message;
  if ('hash' in mirror && mirror.hash === m.dbHash) why = msg('check.gosum.why.dbMatches', { mirror: mirror.mirror });
  else if ('hash' in mirror && mirror.hash === l.hash)
    why = msg('check.gosum.why.goSumMatches', { mirror: mirror.mirror });
  else if ('hash' in mirror) why = msg('check.gosum.why.third', { mirror: mirror.mirror, hash: mirror.hash });
  else why = msg('check.gosum.why.notCompared', { problem: mirror.problemText });
  return {
    id: 'gosum.mismatch',
    severity: 'error',
    ...findingWords(
      msg('check.gosum.mismatch.title', { module: l.module, version: l.version }),
      msg('check.gosum.mismatch.detail', {
        file: l.file,
        line: l.line,
        what,
        hash: l.hash,
        db,
        dbHash: m.dbHash,
        why,
      }),
    ),
    subject: `${l.module}@${l.version}`,
    location: { file: l.file, line: l.line },
    fixes: [repairGoSumFix(l.file, l.module, l.version)],
    durationMs,
  };
}

function summaryFinding(v: GoSumVerification, db: string, files: number, durationMs: number): Finding {
  const counts = { verified: v.verified, checked: v.checked };
  const one = v.checked === 1;
  const skipped = v.private ? msg('check.gosum.skipped', { n: v.private }) : '';
  const cached = v.fromCache ? msg('check.gosum.cached', { n: v.fromCache }) : '';
  if (v.verified < v.checked) {
    return {
      id: 'gosum.incomplete',
      severity: 'info',
      ...findingWords(
        msg(one ? 'check.gosum.incomplete.title.one' : 'check.gosum.incomplete.title.many', counts),
        msg('check.gosum.incomplete.detail', {
          n: v.checked - v.verified,
          files,
          problem: v.problemText ?? v.problem ?? msg('check.gosum.incomplete.noRecord'),
          cached,
          skipped,
        }),
      ),
      subject: db,
      durationMs,
    };
  }
  return {
    id: 'gosum.ok',
    severity: 'ok',
    ...findingWords(
      msg(one ? 'check.gosum.ok.title.one' : 'check.gosum.ok.title.many', counts),
      msg('check.gosum.ok.detail', {
        db,
        via: v.via ? msg('check.gosum.ok.via', { via: v.via }) : '',
        cached,
        skipped,
      }),
    ),
    subject: db,
    durationMs,
  };
}
