// The reference module's go.mod as one mirror serves it, in a single round trip: `.info` and
// `.mod` are asked at once (the diagnosis must not wait longer for this than for its other probes).
import { escapeModulePath, proxyResource } from '../go/goproxy';
import type { ReferenceModule } from './defaults';
import { goModHash1 } from './goModHash';
import type { MirrorFetch } from '../net/goNetwork';
import { MAX_BODY, responseFailure, versionJsonFailure } from './mirrorProbe';

export type CanaryResult =
  | { ok: true; goModHash: string; ms: number }
  /** `notFound`: the mirror answered 404/410, which the go command treats as "try the next entry". */
  | { ok: false; failure: string; notFound: boolean };

export async function fetchCanaryGoMod(
  mirror: URL,
  o: { fetch: MirrorFetch; reference: ReferenceModule; timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<CanaryResult> {
  const mod = escapeModulePath(o.reference.path);
  const ver = escapeModulePath(o.reference.version);
  const ref = `${o.reference.path}@${o.reference.version}`;
  const ask = (resource: string) =>
    o.fetch(proxyResource(mirror, resource), { timeoutMs: o.timeoutMs, signal: o.signal, maxBytes: MAX_BODY });
  const infoPath = `${mod}/@v/${ver}.info`;
  const modPath = `${mod}/@v/${ver}.mod`;
  const [info, gomod] = await Promise.all([ask(infoPath), ask(modPath)]);
  if (!info.ok) return { ok: false, failure: info.reason, notFound: false };
  if (!gomod.ok) return { ok: false, failure: gomod.reason, notFound: false };
  const notFound = (status: number) => status === 404 || status === 410;
  const infoBad =
    responseFailure(ref, infoPath, info, 'the JSON the module proxy protocol specifies') ??
    versionJsonFailure(info.body, infoPath, o.reference.version);
  if (infoBad) return { ok: false, failure: infoBad, notFound: notFound(info.status) };
  const modBad = responseFailure(ref, modPath, gomod, 'a go.mod file');
  if (modBad) return { ok: false, failure: modBad, notFound: notFound(gomod.status) };
  // go.mod files are UTF-8 (the go command rejects anything else), so the text round-trips.
  return { ok: true, goModHash: goModHash1(Buffer.from(gomod.body, 'utf8')), ms: Math.max(info.ms, gomod.ms) };
}
