// When the configured GOPROXY fails, the fix that works: the candidate mirrors are ranked exactly
// as `set-proxy --auto` ranks them (reachable, the protocol, the checksum database's bytes), and
// the value it would write becomes the first fix of every failing proxy finding, marked verified.
// Configured proxies failing at the network level while other mirrors answer is what a filtered
// network looks like: say so.
import type { Finding } from '../findings';
import { parseGosumdb } from '../go/gosumdb';
import type { Platform } from '../platform';
import { redact } from '../redact';
import type { ReferenceModule } from '../proxyRewrite/defaults';
import { autoGoproxyValue } from '../proxyRewrite/plan';
import { rankMirrors } from '../proxyRewrite/rank';
import { setProxyFix } from './fixes';
import { msg } from '../i18n/message';
import { reworded } from '../i18n/findingText';
import { joined, sentences } from '../i18n/join';

/** Finding ids that mean a GOPROXY entry will not serve modules. */
const PROXY_FAILURES = /^(proxy\.(dns|refused|timeout|httpStatus|badResponse|wrongContent)|tls\.)/;
const NETWORK_FAILURES = /^(proxy\.(dns|refused|timeout)|tls\.)/;

export interface FallbackInput {
  findings: Finding[];
  gosumdb: string;
  candidates: readonly string[];
  platform: Platform;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  reference?: ReferenceModule | undefined;
}

export async function withVerifiedFallback(input: FallbackInput): Promise<Finding[]> {
  const failing = input.findings.filter((f) => f.severity === 'error' && PROXY_FAILURES.test(f.id));
  if (failing.length === 0 || input.candidates.length === 0) return input.findings;
  const ranking = await rankMirrors({
    candidates: input.candidates,
    platform: input.platform,
    gosumdb: parseGosumdb(input.gosumdb),
    reference: input.reference,
    rounds: 1,
    timeoutMs: input.timeoutMs,
    signal: input.signal,
  });
  const healthy = ranking.rows.filter((r) => r.healthy);
  if (healthy.length === 0) return input.findings;
  const value = autoGoproxyValue(healthy.map((r) => r.url));
  const names = joined(healthy.map((r) => r.display));
  const safe = redact(value);
  const fix = setProxyFix(value, msg('check.mirror.fix', { mirrors: safe }));
  const filtered = failing.every((f) => NETWORK_FAILURES.test(f.id) || f.id === 'proxy.httpStatus');
  const one = healthy.length === 1;
  const note = filtered
    ? msg(one ? 'check.mirror.filtered.one' : 'check.mirror.filtered.many', { names })
    : msg(one ? 'check.mirror.serves.one' : 'check.mirror.serves.many', { names });
  return input.findings.map((f) =>
    failing.includes(f)
      ? reworded({ ...f, fixes: [fix, ...(f.fixes ?? [])] }, { detail: (detail) => sentences([detail, note]) })
      : f,
  );
}
