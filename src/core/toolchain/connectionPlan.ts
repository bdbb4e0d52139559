// How many connections each source gets: at most `perHost` to any one host (sources on the same
// host share that bound), spread round-robin over its sources in their order of preference. Each
// connection lists the host's other sources after its own, to move on to when its source drops.

export const DEFAULT_CONNECTIONS_PER_HOST = 2;
export const MAX_CONNECTIONS_PER_HOST = 16;

/** One entry per connection to open: the sources it uses, in turn. */
export function connectionPlan<T extends { source: { url: string } }>(sources: readonly T[], perHost: number): T[][] {
  const byHost = new Map<string, T[]>();
  for (const s of sources) {
    const host = new URL(s.source.url).host;
    byHost.set(host, [...(byHost.get(host) ?? []), s]);
  }
  const plan: T[][] = [];
  const n = Math.max(1, Math.min(MAX_CONNECTIONS_PER_HOST, Math.floor(perHost)));
  for (const list of byHost.values())
    for (let i = 0; i < n; i++) plan.push([...list.slice(i % list.length), ...list.slice(0, i % list.length)]);
  return plan;
}
