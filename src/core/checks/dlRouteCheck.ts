// The route a release download takes (our installer and golang.org/dl): the release index hosts
// and the archive hosts (the dl bases redirect to the archive host; configured mirrors serve the
// file themselves). One probe each (DNS, TCP, TLS, then HTTP for the archive of this platform,
// a one-byte range so nothing is downloaded), explained like the GOPROXY probes.
import type { Finding } from '../findings';
import { probeFollowingRedirects, type ProbeResult } from '../net/probe';
import { withSlash, DEFAULT_DL_BASES } from '../toolchain/release/officialIndex';
import type { NetContext } from './netContext';
import { hostOf } from '../net/hostOf';
import { formatMs } from '../units';
import { describeFailure, stepTimings } from './probeFailure';

export interface DlRouteInput {
  /** The toolchain whose archive is probed, `go1.23.4`. */
  name: string;
  goos: string;
  goarch: string;
  /** Release index bases (the installer's dlBase option); default go.dev/dl, golang.google.cn/dl. */
  dlBases?: readonly string[] | undefined;
  /** Archive mirrors (`<mirror><file name>`). */
  mirrors?: readonly string[] | undefined;
  net: NetContext;
}

type Role = 'index' | 'archive';

export async function runDlRouteCheck(input: DlRouteInput): Promise<{ findings: Finding[]; probes: ProbeResult[] }> {
  const bases = (input.dlBases?.length ? input.dlBases : DEFAULT_DL_BASES).map(withSlash);
  const file = `${input.name}.${input.goos}-${input.goarch}.${input.goos === 'windows' ? 'zip' : 'tar.gz'}`;
  const targets: { role: Role; url: string }[] = [
    ...bases.map((b) => ({ role: 'index' as const, url: `${b}?mode=json&include=all` })),
    ...[...(input.mirrors ?? []).map(withSlash), ...bases].map((b) => ({
      role: 'archive' as const,
      url: `${b}${file}`,
    })),
  ];
  const results = await Promise.all(
    targets.map((t) =>
      probeFollowingRedirects({
        ...input.net.probeOptions(),
        url: new URL(t.url),
        bodyCap: 1024,
        ...(t.role === 'archive' ? { headers: { Range: 'bytes=0-0' } } : {}),
      }),
    ),
  );
  const ok = (r: ProbeResult) => !r.error && r.status !== undefined && r.status >= 200 && r.status < 300;
  const anyOk = (role: Role) => targets.some((t, i) => t.role === role && ok(results[i]!));
  const findings = await Promise.all(
    targets.map(async (t, i): Promise<Finding> => {
      const r = results[i]!;
      const what = t.role === 'index' ? 'the Go release index' : `the ${input.goos}/${input.goarch} archive ${file}`;
      const answeredBy = hostOf(r.url) === hostOf(t.url) ? '' : ` (answered by ${hostOf(r.url)})`;
      if (ok(r))
        return {
          id: 'dl.ok',
          severity: 'ok',
          title: `${hostOf(t.url)} serves ${what}${answeredBy}`,
          detail: `${t.url}: HTTP ${r.status} in ${formatMs(r.totalMs)} (${stepTimings(r)}).`,
          subject: t.url,
          durationMs: Math.round(r.totalMs),
        };
      const view = await describeFailure(r, {
        trust: input.net.trust,
        platform: input.net.platform,
        timeoutMs: input.net.timeoutMs,
        notFoundHint: ` It does not have ${what}: check the URL, or the version.`,
      });
      // Fatal only when no other host can stand in for this one.
      const severity = anyOk(t.role) ? 'warning' : 'error';
      const consequence =
        t.role === 'index'
          ? 'go-env-doctor install reads the SHA-256 of every archive from this index (it falls back to the golang.org/toolchain module through GOPROXY when no index can be read).'
          : 'Release downloads from here fail; the installer tries the next mirror or host.';
      return {
        id: view.id.startsWith('tls.') ? view.id : 'dl.unreachable',
        severity,
        title: `${hostOf(t.url)} (${t.role === 'index' ? 'release index' : 'release archives'}): ${view.short}`,
        detail: `${view.cause} ${consequence}`,
        subject: t.url,
        durationMs: Math.round(r.totalMs),
        ...(view.fixes.length ? { fixes: view.fixes } : {}),
      };
    }),
  );
  return { findings, probes: results };
}
