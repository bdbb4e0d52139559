// The plan for a GOPROXY change: what is there now (in the go env file and as go sees it), what
// would be written and why (a mirror ranking, a value the user gave, or the module cache for
// offline work), what the checksum database needs, and whether an OS variable would override it.
// Nothing is written here; applyProxyChange() does that.
import { doctorError } from '../errors';
import { msg, type Message } from '../i18n/message';
import { describeGoproxy, parseGoproxy } from '../go/goproxy';
import { locateGo } from '../go/locate';
import type { Platform } from '../platform';
import { redact } from '../redact';
import { render } from '../i18n/render';
import { parseGosumdb } from '../go/gosumdb';
import { builtinMirrors, uniqueMirrors } from './builtinMirrors';
import { DEFAULT_MIRRORS, DEFAULT_REQUEST_TIMEOUT_MS, MIRRORS_IN_VALUE, type ReferenceModule } from './defaults';
import { readGoSettings, type FileSetting, type GoSettings } from './goEnv';
import { goNetwork, type GoNetwork } from '../net/goNetwork';
import { offlineGoproxy, planOffline, type OfflinePlan } from './offline';
import { describeOverrideSources, findOverrideSources, type OverrideSource } from './overrideSources';
import { rankMirrors, type MirrorRanking } from './rank';
import { adviseSumdb, type SumdbAdvice, type SumdbAlias } from './sumdbAdvice';

export type ProxyMode =
  | {
      kind: 'auto';
      /** Mirrors to probe; default: DEFAULT_MIRRORS plus the http(s) entries of the current GOPROXY. */
      candidates?: readonly string[];
      rounds?: number | undefined;
      reference?: ReferenceModule | undefined;
      /** The checksum database's alternative to offer (tests); null: none; default: by name. */
      sumdbAlias?: SumdbAlias | null;
    }
  | { kind: 'value'; value: string }
  | { kind: 'offline'; /** Where to look for go.mod. */ cwd: string };

export interface PlanOptions {
  platform: Platform;
  /** An explicit go binary (--go); otherwise found as `diagnose` finds it. */
  goPath?: string | undefined;
  mode: ProxyMode;
  /** Per request / per go invocation. */
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
  /** Network access (default: goNetwork(platform), closed afterwards). */
  network?: Pick<GoNetwork, 'fetch' | 'sumdbGet'>;
  /** Where verified checksum-database tree heads are kept (default: the state dir). */
  stateDir?: string | undefined;
}

export interface EnvironmentOverride {
  /** The OS-environment value (raw; redact before printing). */
  value: string;
  /** Files and lines that set it, when found. */
  sources: OverrideSource[];
  /** Where it comes from and what to do, in sentences. */
  explanation: string;
}

export interface ProxyPlan {
  mode: ProxyMode['kind'];
  goPath: string;
  /** The go env file `go env -w` writes. */
  envFile: string;
  /** GOPROXY in the go env file now (absent, or a value). */
  previous: FileSetting;
  /** GOPROXY as the go command uses it now. */
  previousEffective: string;
  /** What would be written; undefined when nothing can be (then `blocked` says why). */
  value?: string | undefined;
  blocked?: string | undefined;
  /** `blocked` as a catalog Message. */
  blockedText?: Message | undefined;
  /** The go env file already holds `value`: nothing to write. */
  unchanged: boolean;
  /** A GOPROXY in the OS environment that beats the go env file (and so the new value). */
  override?: EnvironmentOverride;
  ranking?: MirrorRanking | undefined;
  sumdb?: SumdbAdvice;
  offline?: OfflinePlan;
}

/** Why a GOPROXY value is refused, or undefined when go will accept it. */
export function validateGoproxyValue(value: string): string | undefined {
  if (value.trim() === '')
    return 'the value is empty (to go back to what was there before, run restore-proxy; for the default, use https://proxy.golang.org,direct)';
  if (/[\x00-\x1f\x7f]/.test(value))
    return 'the value contains control characters (a line break would corrupt the go env file)';
  // What redact() leaves in place of credentials: writing it would replace the real ones for good.
  if (/(^|[/,|])\*\*\*@/.test(value))
    return 'it holds *** where credentials were hidden from display; give the value with the real user name and password';
  const entries = parseGoproxy(value);
  const bad = entries.filter((e) => e.kind === 'invalid');
  if (bad.length > 0) return bad.map((e) => `"${redact(e.text)}" ${e.kind === 'invalid' ? e.reason : ''}`).join('; ');
  if (entries.length === 0) return 'the value has no entries';
  return undefined;
}

/**
 * The GOPROXY `set-proxy --auto` writes for mirrors ranked healthy, fastest first: the best
 * MIRRORS_IN_VALUE joined with `|`, so a mirror that is down or failing moves go on to the next
 * (`,` would move on only after 404/410), then `,direct` for modules no mirror has.
 */
export function autoGoproxyValue(healthyFastestFirst: readonly string[]): string {
  return `${healthyFastestFirst.slice(0, MIRRORS_IN_VALUE).join('|')},direct`;
}

/** Candidate mirrors for --auto when none are given: the built-in ones plus the current http(s) entries. */
export function defaultCandidates(currentGoproxy: string, builtin: readonly string[] = DEFAULT_MIRRORS): string[] {
  const current = parseGoproxy(currentGoproxy)
    .filter(
      (e): e is Extract<typeof e, { kind: 'url' }> =>
        e.kind === 'url' && (e.url.protocol === 'https:' || e.url.protocol === 'http:'),
    )
    .map((e) => e.text);
  return uniqueMirrors([...builtin, ...current]);
}

/** The go binary to use, and what go says about its settings. */
export async function resolveGo(
  p: Platform,
  explicit: string | undefined,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ goPath: string; settings: GoSettings; envFile: string }> {
  const located = await locateGo(p, explicit);
  if (!located.found) {
    throw doctorError(
      'go.notFound',
      explicit
        ? msg('proxyRewrite.goNotFound.explicit', { go: explicit })
        : msg('proxyRewrite.goNotFound.searched', { count: located.searched.length }),
      msg('proxyRewrite.goNotFound.remedy'),
    );
  }
  const settings = await readGoSettings(located.go.realPath, p, timeoutMs, signal);
  if (!settings.envFile) {
    throw doctorError('goenv.off', msg('proxyRewrite.goenvOff.message'), msg('proxyRewrite.goenvOff.remedy'));
  }
  return { goPath: located.go.realPath, settings, envFile: settings.envFile };
}

export async function planProxyChange(o: PlanOptions): Promise<ProxyPlan> {
  const p = o.platform;
  const timeoutMs = o.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const go = await resolveGo(p, o.goPath, timeoutMs, o.signal);
  const { settings } = go;
  const previousEffective = settings.effective['GOPROXY'] ?? '';
  const plan: ProxyPlan = {
    mode: o.mode.kind,
    goPath: go.goPath,
    envFile: go.envFile,
    previous: settings.file('GOPROXY'),
    previousEffective,
    unchanged: false,
  };

  if (o.mode.kind === 'value') {
    const why = validateGoproxyValue(o.mode.value);
    if (why)
      throw doctorError(
        'usage.invalidGoproxy',
        msg('proxyRewrite.invalidGoproxy.message', { value: redact(o.mode.value), why }),
        msg('proxyRewrite.invalidGoproxy.remedy'),
      );
    plan.value = o.mode.value;
  } else if (o.mode.kind === 'offline') {
    const gomodcache = settings.effective['GOMODCACHE'];
    if (!gomodcache)
      throw doctorError(
        'goenv.noModCache',
        msg('proxyRewrite.noModCache.message'),
        msg('proxyRewrite.noModCache.remedy'),
      );
    plan.offline = await planOffline({ gomodcache, cwd: o.mode.cwd });
    plan.value = offlineGoproxy(plan.offline.fileUrl, previousEffective);
  } else {
    const own = o.network ? undefined : goNetwork(p);
    const network = o.network ?? own!;
    try {
      const gosumdb = parseGosumdb(settings.effective['GOSUMDB']);
      const ranking = await rankMirrors({
        candidates: o.mode.candidates ?? defaultCandidates(previousEffective, builtinMirrors(p.env)),
        platform: p,
        gosumdb,
        reference: o.mode.reference,
        rounds: o.mode.rounds,
        timeoutMs,
        signal: o.signal,
        network,
        stateDir: o.stateDir,
      });
      plan.ranking = ranking;
      const healthy = ranking.rows.filter((r) => r.healthy);
      if (healthy.length === 0) {
        plan.blockedText = msg('proxyRewrite.noHealthyMirror');
        plan.blocked = render(plan.blockedText, 'en');
      } else {
        plan.value = autoGoproxyValue(healthy.map((r) => r.url));
        plan.sumdb = await adviseSumdb({
          gosumdb,
          first: healthy[0],
          reference: ranking.reference,
          ...(o.mode.sumdbAlias !== undefined ? { alias: o.mode.sumdbAlias } : {}),
          get: network.sumdbGet,
          timeoutMs,
          signal: o.signal,
        });
      }
    } finally {
      await own?.close();
    }
  }

  if (plan.value !== undefined) {
    plan.unchanged = plan.previous.inFile && plan.previous.value === plan.value;
    const fromOs = settings.fromOs('GOPROXY');
    if (fromOs !== undefined && fromOs !== plan.value) {
      const sources = await findOverrideSources('GOPROXY', p);
      plan.override = { value: fromOs, sources, explanation: describeOverrideSources('GOPROXY', sources, p) };
    }
  }
  return plan;
}

/** The plan's new value in words (what go will do with it). */
export function describePlannedValue(plan: ProxyPlan): string | undefined {
  return plan.value === undefined ? undefined : describeGoproxy(parseGoproxy(plan.value));
}
