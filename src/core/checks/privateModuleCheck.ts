// gomod.privateModule: a required module that no GOPRIVATE/GONOPROXY/GONOSUMDB pattern covers, that
// the first mirror does not have (404/410) and the checksum database has never heard of: private
// code. go sends its path to both public services and fails; GOPRIVATE (appended to) fixes both.
import type { Finding } from '../findings';
import type { SumDatabase } from '../go/gosumdb';
import type { ProxyEntry } from '../go/goproxy';
import { msg } from '../i18n/message';
import { joined } from '../i18n/join';
import { findingWords } from '../i18n/words';
import type { HttpGet } from '../net/httpGet';
import type { RequiredModule } from '../modules/workspaceRequires';
import type { ModuleRoute } from '../modules/moduleRoute';
import { lookupSumdb } from '../sumdb/client';
import { SumdbError } from '../sumdb/sumdbError';
import { matchPrefixPatterns } from '../sumdb/prefixPatterns';
import { setGoEnvFix } from './fixes';
import { mapBounded } from '../modules/bounded';

/** Hosts where many owners keep code: the private prefix is host/owner, never the whole host. */
const SHARED_HOSTS = ['github.com', 'gitlab.com', 'bitbucket.org', 'gitee.com'];

const LOOKUPS_AT_ONCE = 4;

export interface PrivateCandidate {
  req: RequiredModule;
  route: ModuleRoute;
}

export interface PrivateCheckInput {
  env: Readonly<Record<string, string | undefined>>;
  db: SumDatabase;
  entries: readonly ProxyEntry[];
  sumdbStateDir: string;
  get: HttpGet;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Whether the workspace's go.sum records the module version (then go never asks the database). */
  recorded: (module: string, version: string) => boolean;
}

/** The GOPRIVATE prefix for a module path: its host, or host/owner on a shared host. */
export function privatePrefix(modulePath: string): string {
  const parts = modulePath.split('/');
  return SHARED_HOSTS.includes(parts[0]!.toLowerCase()) && parts.length > 1 ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Whether a require may be private code: no pattern covers it and the first mirror does not have it. */
export function maybePrivate(c: PrivateCandidate, env: PrivateCheckInput['env']): boolean {
  const patterns = ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB'].map((n) => env[n] ?? '');
  if (patterns.some((p) => matchPrefixPatterns(p, c.req.module))) return false;
  const first = c.route.first;
  return first !== undefined && 'status' in first && (first.status === 404 || first.status === 410);
}

/** The candidates the checksum database says "not found" for, as one finding per GOPRIVATE prefix. */
export async function privateModuleFindings(
  cands: readonly PrivateCandidate[],
  i: PrivateCheckInput,
): Promise<Finding[]> {
  const maybe = cands.filter((x) => maybePrivate(x, i.env));
  const notFound = await mapBounded(maybe, LOOKUPS_AT_ONCE, (c) => notInDatabase(c.req, i));
  const unknown = maybe.filter((_, n) => notFound[n]);
  const byPrefix = new Map<string, PrivateCandidate[]>();
  for (const c of unknown) {
    const prefix = privatePrefix(c.req.module);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), c]);
  }
  return [...byPrefix].map(([prefix, list]) => finding(prefix, list, i));
}

async function notInDatabase(req: RequiredModule, i: PrivateCheckInput): Promise<boolean> {
  try {
    await lookupSumdb(
      { db: i.db, proxies: i.entries, stateDir: i.sumdbStateDir, get: i.get, signal: i.signal, timeoutMs: i.timeoutMs },
      req.module,
      req.version,
    );
    return false;
  } catch (err) {
    if (i.signal?.aborted) throw err;
    return err instanceof SumdbError && err.kind === 'notFound';
  }
}

function finding(prefix: string, list: readonly PrivateCandidate[], i: PrivateCheckInput): Finding {
  const existing = (i.env['GOPRIVATE'] ?? '').trim();
  const value = existing ? `${existing.replace(/,+$/, '')},${prefix}` : prefix;
  const head = list[0]!;
  const first = head.route.first as { url: string; status: number };
  const proxy = i.entries.find((e) => e.kind === 'url')?.text ?? first.url;
  // With the go.sum line, go skips the database, and the `,direct` fallback fetches it: only a leak.
  const leakOnly = list.every((c) => c.route.direct === 'fallback' && i.recorded(c.req.module, c.req.version));
  return {
    id: 'gomod.privateModule',
    severity: leakOnly ? 'warning' : 'error',
    ...findingWords(
      msg('privateModule.title', { prefix }),
      msg('privateModule.detail', {
        file: head.req.file,
        line: head.req.line,
        modules: joined(list.map((c) => `${c.req.module}@${c.req.version}`)),
        proxy,
        answer: msg('privateModule.answer', { status: first.status }),
        db: i.db.name,
        outcome: leakOnly ? msg('privateModule.outcome.leaks') : msg('privateModule.outcome.fails', { db: i.db.name }),
        prefix,
        existing: existing ? `GOPRIVATE=${existing}` : msg('privateModule.existing.none'),
      }),
    ),
    subject: `${head.req.module}@${head.req.version}`,
    location: { file: head.req.file, line: head.req.line },
    fixes: [setGoEnvFix('GOPRIVATE', value, msg('privateModule.fix', { prefix }))],
  };
}
