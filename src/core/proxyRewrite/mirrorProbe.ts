// One mirror, checked the way the go command will use it: the reference module's @latest and
// .info answer in the protocol's JSON, its go.mod comes back (hashed for the comparison across
// mirrors and with the checksum database), and, when the checksum database would be reached
// through it, /sumdb/<name>/supported answers 200 or 404 (anything else makes go give up).
// Several rounds; the median latency of the .info requests ranks it.
import { escapeModulePath, proxyResource } from '../go/goproxy';
import { redact } from '../redact';
import type { ReferenceModule } from './defaults';
import { goModHash1 } from './goModHash';
import type { FetchResult, MirrorFetch } from '../net/goNetwork';

export interface MirrorProbe {
  /** The candidate as given. */
  url: string;
  /** Latency of each timed request, in order. */
  samplesMs: number[];
  /** The h1: hash of the reference go.mod it served. */
  goModHash?: string;
  /** `/sumdb/<name>/supported`: 200 forwards the database, 404/410 declines; undefined when not asked. */
  sumdbSupported?: number;
  /** Why it cannot be used (set on the first failed check). */
  failure?: string;
}

export interface MirrorProbeOptions {
  fetch: MirrorFetch;
  reference: ReferenceModule;
  rounds: number;
  timeoutMs: number;
  /** Ask /sumdb/<name>/supported (the checksum database go would reach through this mirror). */
  sumdbName?: string | undefined;
  signal?: AbortSignal | undefined;
}

const MAX_BODY = 64 * 1024;
/** All of a mirror's requests together get this many per-request timeouts. */
export const MIRROR_BUDGET_FACTOR = 2;

export async function probeMirror(candidate: string, o: MirrorProbeOptions): Promise<MirrorProbe> {
  const out: MirrorProbe = { url: candidate, samplesMs: [] };
  let base: URL;
  try {
    base = new URL(candidate);
  } catch {
    return { ...out, failure: 'it is not a valid URL' };
  }
  const mod = escapeModulePath(o.reference.path);
  const ver = escapeModulePath(o.reference.version);
  const ref = `${o.reference.path}@${o.reference.version}`;
  // A mirror slow enough to need its whole timeout for every request is of no use: cap the total.
  const budgetMs = o.timeoutMs * MIRROR_BUDGET_FACTOR;
  const deadline = performance.now() + budgetMs;
  const get = async (resource: string): Promise<{ res: Extract<FetchResult, { ok: true }> } | { failure: string }> => {
    const left = Math.floor(deadline - performance.now());
    if (left <= 0) return { failure: `is too slow: its answers did not all arrive within ${budgetMs} ms` };
    const url = proxyResource(base, resource);
    const r = await o.fetch(url, { timeoutMs: Math.min(o.timeoutMs, left), signal: o.signal, maxBytes: MAX_BODY });
    if (!r.ok) return { failure: r.aborted ? 'the check was cancelled' : r.reason };
    return { res: r };
  };
  const protocolFailure = (
    resource: string,
    r: Extract<FetchResult, { ok: true }>,
    want: string,
  ): string | undefined => {
    if (r.status === 404 || r.status === 410)
      return `does not serve ${ref} (HTTP ${r.status} for /${resource}), which every public mirror has`;
    if (r.status !== 200) return `answered HTTP ${r.status} for /${resource}`;
    if (/html/i.test(r.contentType) || /^\s*<(!doctype|html)/i.test(r.body)) {
      return `answered /${resource} with an HTML page instead of ${want}: a captive portal or login page is in the way`;
    }
    if (r.truncated) return `answered /${resource} with more than ${MAX_BODY} bytes instead of ${want}`;
    return undefined;
  };

  // Round 1: the protocol, then the content.
  const latest = await get(`${mod}/@latest`);
  if ('failure' in latest) return { ...out, failure: latest.failure };
  const latestBad =
    protocolFailure(`${mod}/@latest`, latest.res, 'the JSON the module proxy protocol specifies') ??
    versionJsonFailure(latest.res.body, `${mod}/@latest`);
  if (latestBad) return { ...out, failure: latestBad };

  for (let round = 0; round < o.rounds; round++) {
    const info = await get(`${mod}/@v/${ver}.info`);
    if ('failure' in info) return { ...out, failure: info.failure };
    const infoBad =
      protocolFailure(`${mod}/@v/${ver}.info`, info.res, 'the JSON the module proxy protocol specifies') ??
      versionJsonFailure(info.res.body, `${mod}/@v/${ver}.info`, o.reference.version);
    if (infoBad) return { ...out, failure: infoBad };
    out.samplesMs.push(info.res.ms);
    if (round === 0) {
      const gomod = await get(`${mod}/@v/${ver}.mod`);
      if ('failure' in gomod) return { ...out, failure: gomod.failure };
      const modBad = protocolFailure(`${mod}/@v/${ver}.mod`, gomod.res, 'a go.mod file');
      if (modBad) return { ...out, failure: modBad };
      // go.mod files are UTF-8 (the go command rejects anything else), so the text round-trips.
      out.goModHash = goModHash1(Buffer.from(gomod.res.body, 'utf8'));
      if (o.sumdbName) {
        const sup = await get(`sumdb/${o.sumdbName}/supported`);
        if ('failure' in sup)
          return { ...out, failure: `${sup.failure} (asked whether it forwards the checksum database ${o.sumdbName})` };
        out.sumdbSupported = sup.res.status;
        if (![200, 404, 410].includes(sup.res.status)) {
          return {
            ...out,
            failure: `answered HTTP ${sup.res.status} for /sumdb/${o.sumdbName}/supported; the go command treats that as the checksum database being unavailable and refuses modules it has not verified before`,
          };
        }
      }
    }
  }
  return out;
}

function versionJsonFailure(body: string, resource: string, wantVersion?: string): string | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return `answered /${resource} with something that is not JSON (${JSON.stringify(redact(body.slice(0, 60)))})`;
  }
  const v = (doc as { Version?: unknown } | null)?.Version;
  if (typeof v !== 'string' || !/^v\d/.test(v)) return `answered /${resource} with JSON that has no "Version"`;
  if (wantVersion && v !== wantVersion) return `answered /${resource} with version ${v} instead of ${wantVersion}`;
  return undefined;
}

/** The median of the samples (mean of the middle two for an even count), rounded to 0.1 ms. */
export function median(samples: readonly number[]): number | undefined {
  if (samples.length === 0) return undefined;
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}
