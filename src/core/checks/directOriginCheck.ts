// direct.unreachable: modules the go command fetches from their origins (GOPROXY=direct, a private
// pattern, or the `,direct` fallback after 404/410) need that origin to answer: the `?go-get=1`
// page of a vanity path (golang.org/x → go.googlesource.com) and the repository's host over HTTPS.
import type { Finding } from '../findings';
import { AUTO_PROXY_FIX } from './fixes';
import { goImportFor, originOf, parseGoImports } from '../go/goImport';
import { msg, type Message } from '../i18n/message';
import { joined } from '../i18n/join';
import { findingWords } from '../i18n/words';
import type { MirrorFetch } from '../net/goNetwork';
import { hostOf } from '../net/hostOf';
import type { ModuleRoute } from '../modules/moduleRoute';
import type { RequiredModule } from '../modules/workspaceRequires';

const MAX_PAGE_BYTES = 1 << 20;

export type OriginVerdict =
  | { ok: true }
  | { ok: false; host: string; step: 'goGet' | 'repo'; url: string; reason: Message }
  /** No verdict: the deadline cut the probe short. */
  | { ok: undefined };

export async function probeOrigin(
  module: string,
  fetch: MirrorFetch,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<OriginVerdict> {
  const origin = originOf(module);
  let repoUrl: string;
  if (origin.kind === 'goGet') {
    const r = await fetch(new URL(origin.url), { timeoutMs, signal, maxBytes: MAX_PAGE_BYTES });
    if (!r.ok) return r.aborted ? { ok: undefined } : fail('goGet', origin.url, r.reasonText);
    const found = goImportFor(parseGoImports(r.body), module);
    if (!found) return fail('goGet', origin.url, msg('direct.noGoImport', { status: r.status, module }));
    repoUrl = found.repoRoot;
  } else repoUrl = origin.repoUrl;
  let url: URL;
  try {
    url = new URL(repoUrl);
  } catch {
    return fail('repo', repoUrl, msg('direct.origin.notUrl', { url: repoUrl }));
  }
  const r = await fetch(url, { timeoutMs, signal, maxBytes: MAX_PAGE_BYTES });
  if (!r.ok) return r.aborted ? { ok: undefined } : fail('repo', repoUrl, r.reasonText);
  return { ok: true };
}

function fail(step: 'goGet' | 'repo', url: string, reason: Message): OriginVerdict {
  return { ok: false, host: hostOf(url), step, url, reason };
}

export interface DirectModule {
  req: RequiredModule;
  route: ModuleRoute & { direct: NonNullable<ModuleRoute['direct']> };
}

/** One finding per unreachable host, naming the modules that need it and why go goes there. */
export function directUnreachableFindings(
  failed: readonly { mod: DirectModule; verdict: Extract<OriginVerdict, { ok: false }> }[],
  env: Readonly<Record<string, string | undefined>>,
): Finding[] {
  const byHost = new Map<string, typeof failed>();
  for (const f of failed) byHost.set(f.verdict.host, [...(byHost.get(f.verdict.host) ?? []), f]);
  return [...byHost].map(([host, list]) => {
    const { mod, verdict } = list[0]!;
    const module = mod.req.module;
    const setting = env['GONOPROXY'] ? 'GONOPROXY' : 'GOPRIVATE';
    const why =
      mod.route.direct === 'private'
        ? msg('direct.why.private', { module, setting, patterns: env[setting] ?? '' })
        : msg(mod.route.direct === 'goproxy' ? 'direct.why.goproxy' : 'direct.why.fallback', {
            module,
            goproxy: env['GOPROXY'] ?? '',
          });
    const isPrivate = mod.route.direct === 'private';
    return {
      id: 'direct.unreachable',
      severity: 'error',
      ...findingWords(
        msg('direct.unreachable.title', { host, module }),
        msg('direct.unreachable.detail', {
          why,
          modules: joined(list.map((f) => `${f.mod.req.module}@${f.mod.req.version}`)),
          step: msg(verdict.step === 'goGet' ? 'direct.step.goGet' : 'direct.step.repo', { url: verdict.url }),
          reason: verdict.reason,
          remedy: msg(isPrivate ? 'direct.remedy.private' : 'direct.remedy.public', { host }),
        }),
      ),
      subject: host,
      location: { file: mod.req.file, line: mod.req.line },
      ...(isPrivate ? {} : { fixes: [AUTO_PROXY_FIX] }),
    };
  });
}
