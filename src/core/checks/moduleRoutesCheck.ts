// The path the go command takes for each module the workspace requires: asked of the first mirror
// (gomod.privateModule when neither it nor the checksum database knows the module and no private
// pattern covers it) and, for modules fetched from their origin, whether that origin answers
// (direct.unreachable). Bounded concurrency; the whole check ends within one probe timeout.
import type { Finding } from '../findings';
import { parseGoproxy } from '../go/goproxy';
import { parseGosumdb } from '../go/gosumdb';
import { mapBounded } from '../modules/bounded';
import { moduleRoute } from '../modules/moduleRoute';
import { workspaceRequires } from '../modules/workspaceRequires';
import { readGoSum, workspaceGoSums } from '../modules/goSum';
import { goNetwork } from '../net/goNetwork';
import type { Platform } from '../platform';
import { sumdbStateDir } from '../stateDir';
import { directUnreachableFindings, probeOrigin, type DirectModule } from './directOriginCheck';
import { privateModuleFindings, type PrivateCandidate } from './privateModuleCheck';

const REQUESTS_AT_ONCE = 8;

export interface ModuleRoutesInput {
  goModFiles: readonly string[];
  /** The effective go env (values only). */
  env: Readonly<Record<string, string | undefined>>;
  platform: Platform;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export async function moduleRouteFindings(input: ModuleRoutesInput): Promise<Finding[]> {
  const requires = await workspaceRequires(input.goModFiles);
  if (requires.length === 0) return [];
  const env = input.env;
  const entries = parseGoproxy(env['GOPROXY'] ?? '');
  const net = goNetwork(input.platform);
  const deadline = AbortSignal.timeout(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, deadline]) : deadline;
  // The deadline ends a probe without a verdict; the user's cancellation ends the check.
  const bounded = <T>(p: Promise<T>): Promise<T | undefined> =>
    p.catch((err: unknown) => {
      if (input.signal?.aborted || !deadline.aborted) throw err;
      return undefined;
    });
  try {
    const routed = await mapBounded(requires, REQUESTS_AT_ONCE, async (req) => ({
      req,
      route: await bounded(
        moduleRoute(req.module, req.version, {
          entries,
          noProxy: env['GONOPROXY'] || env['GOPRIVATE'] || '',
          get: net.sumdbGet,
          timeoutMs: input.timeoutMs,
          signal,
        }),
      ),
    }));
    const known = routed.filter((r): r is PrivateCandidate => r.route !== undefined);
    const direct = known.filter((r): r is DirectModule => r.route.direct !== undefined);
    const sumdb = parseGosumdb(env['GOSUMDB']);
    const sums = await Promise.all((await workspaceGoSums(input.goModFiles)).map(readGoSum));
    const recorded = new Set(sums.flat().flatMap((l) => (l.goMod ? [] : [`${l.module}@${l.version}`])));
    const [privates, origins] = await Promise.all([
      sumdb.kind === 'db'
        ? bounded(
            privateModuleFindings(known, {
              env,
              db: sumdb.db,
              entries,
              sumdbStateDir: sumdbStateDir(input.platform),
              get: net.sumdbGet,
              timeoutMs: input.timeoutMs,
              signal,
              recorded: (m, v) => recorded.has(`${m}@${v}`),
            }),
          )
        : [],
      mapBounded(direct, REQUESTS_AT_ONCE, async (mod) => ({
        mod,
        verdict: await probeOrigin(mod.req.module, net.fetch, input.timeoutMs, signal),
      })),
    ]);
    input.signal?.throwIfAborted();
    const failed = origins.flatMap((o) => (o.verdict.ok === false ? [{ mod: o.mod, verdict: o.verdict }] : []));
    return [...(privates ?? []), ...directUnreachableFindings(failed, env)];
  } finally {
    await net.close();
  }
}
