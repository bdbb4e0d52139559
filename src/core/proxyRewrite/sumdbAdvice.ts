// What the checksum database needs once GOPROXY changes. The go command asks the first GOPROXY
// mirror whether it forwards the database (/sumdb/<name>/supported); 200 means it does, and then
// the database itself need not be reachable. Otherwise go goes to the database directly; when
// that fails for sum.golang.org, its official alias sum.golang.google.cn (same key) is offered,
// after checking it answers with a tree head signed by that key. Never `off`.
import { errorMessage } from '../errors';
import { redact } from '../redact';
import { openNote } from '../sumdb/note';
import { parseTree } from '../sumdb/tlog';
import type { GosumdbSetting } from '../go/gosumdb';
import type { HttpGet } from '../net/httpGet';
import { proxyResource } from '../go/goproxy';
import { SUMDB_CHINA_ALIAS, SUMDB_CHINA_ALIAS_URL } from './defaults';
import type { RankingRow } from './rank';
import type { ReferenceHash } from './reference';

export type SumdbAdvice =
  /** GOSUMDB=off: nothing is verified; go-env-doctor will not change that, and says so. */
  | { kind: 'off'; message: string }
  /** The database answers directly; nothing to change. */
  | { kind: 'direct'; name: string; message: string }
  /** The chosen mirror forwards the database; that suffices. */
  | { kind: 'viaProxy'; name: string; proxy: string; message: string }
  /** The database is unreachable; this setting (checked to answer) fixes it. */
  | { kind: 'useAlias'; name: string; setting: string; command: string; message: string }
  /** Nothing that answers was found. */
  | { kind: 'unreachable'; name: string; message: string };

export interface SumdbAlias {
  /** What to put in GOSUMDB. */
  setting: string;
  /** Where it is served, for the check. */
  url: string;
}

/** The official alternative for a database, if there is one. */
export function defaultAlias(name: string): SumdbAlias | undefined {
  return name === 'sum.golang.org' ? { setting: SUMDB_CHINA_ALIAS, url: SUMDB_CHINA_ALIAS_URL } : undefined;
}

export interface SumdbAdviceOptions {
  gosumdb: GosumdbSetting;
  /** The mirror that will be first in GOPROXY (its /sumdb/<name>/supported status from the ranking). */
  first?: Pick<RankingRow, 'display' | 'sumdbSupported'> | undefined;
  /** What the ranking learnt about reaching the database directly. */
  reference: Pick<ReferenceHash, 'directReachable' | 'directProblem'>;
  /** Override the alias (tests); null: none. */
  alias?: SumdbAlias | null;
  get: HttpGet;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export async function adviseSumdb(o: SumdbAdviceOptions): Promise<SumdbAdvice> {
  if (o.gosumdb.kind === 'off') {
    return {
      kind: 'off',
      message:
        'GOSUMDB is off, so the go command verifies no download against the checksum database. go-env-doctor does not change that; run `go-env-doctor diagnose` for what it means.',
    };
  }
  if (o.gosumdb.kind === 'invalid') {
    return {
      kind: 'unreachable',
      name: o.gosumdb.setting,
      message: `GOSUMDB "${redact(o.gosumdb.setting)}" is not valid (${o.gosumdb.reason}); the go command will refuse to download modules until it is fixed.`,
    };
  }
  const db = o.gosumdb.db;
  if (!db.explicitUrl && o.first?.sumdbSupported === 200) {
    const message = o.reference.directReachable
      ? `The go command will reach the checksum database ${db.name} through ${o.first.display}, which forwards it.`
      : `The checksum database ${db.name} cannot be reached directly from here (${o.reference.directProblem ?? 'no answer'}), but ${o.first.display} forwards it, which suffices: nothing else to change.`;
    return { kind: 'viaProxy', name: db.name, proxy: o.first.display, message };
  }
  if (o.reference.directReachable) {
    return {
      kind: 'direct',
      name: db.name,
      message: `The checksum database ${db.name} answers directly${o.first && !db.explicitUrl ? ` (${o.first.display} does not forward it, so the go command goes there itself)` : ''}.`,
    };
  }
  const why = `The checksum database ${db.name} cannot be reached (${o.reference.directProblem ?? 'no answer'})${o.first && !db.explicitUrl ? ` and ${o.first.display} does not forward it` : ''}, so the go command will refuse modules it has not verified before.`;
  // A GOSUMDB that names its own URL was chosen on purpose: do not steer it elsewhere.
  const alias = o.alias !== undefined ? (o.alias ?? undefined) : db.explicitUrl ? undefined : defaultAlias(db.name);
  if (!alias)
    return {
      kind: 'unreachable',
      name: db.name,
      message: `${why} Check the network path to it (see \`go-env-doctor diagnose\`).`,
    };
  const check = await aliasAnswers(alias, db.verifier, o);
  if (check !== true) {
    return {
      kind: 'unreachable',
      name: db.name,
      message: `${why} Its alias ${redact(alias.setting)} does not answer either (${check}). Check the network path (see \`go-env-doctor diagnose\`).`,
    };
  }
  const command = `go env -w GOSUMDB=${alias.setting}`;
  return {
    kind: 'useAlias',
    name: db.name,
    setting: alias.setting,
    command,
    message: `${why} ${redact(alias.setting)} serves the same database under the same key and answers from here: run \`${redact(command)}\`.`,
  };
}

/** true, or why not: `<alias>/latest` must be a tree head signed by the database's key. */
async function aliasAnswers(
  alias: SumdbAlias,
  verifier: Parameters<typeof openNote>[1][number],
  o: SumdbAdviceOptions,
): Promise<true | string> {
  let url: URL;
  try {
    url = proxyResource(new URL(alias.url), 'latest');
  } catch {
    return `"${redact(alias.url)}" is not a URL`;
  }
  try {
    const r = await o.get(url, { timeoutMs: o.timeoutMs, signal: o.signal, maxBytes: 1 << 14 });
    if (r.status !== 200) return `HTTP ${r.status} from ${redact(url.href)}`;
    parseTree(openNote(r.body, [verifier]).text);
    return true;
  } catch (err) {
    if (o.signal?.aborted) throw err;
    return redact(errorMessage(err));
  }
}
