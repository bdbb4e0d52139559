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
import { msg } from '../i18n/message';
import { findingWords } from '../i18n/words';
import { verbatim } from '../i18n/findingText';
import { sentences } from '../i18n/join';

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
      const what =
        t.role === 'index'
          ? msg('check.dl.what.index')
          : msg('check.dl.what.archive', { platform: `${input.goos}/${input.goarch}`, file });
      const answeredBy = hostOf(r.url) === hostOf(t.url) ? '' : msg('check.dl.answeredBy', { host: hostOf(r.url) });
      if (ok(r))
        return {
          id: 'dl.ok',
          severity: 'ok',
          ...findingWords(
            msg('check.dl.ok.title', { host: hostOf(t.url), what, answeredBy }),
            msg('check.dl.ok.detail', {
              url: t.url,
              status: r.status ?? '',
              ms: formatMs(r.totalMs),
              steps: stepTimings(r),
            }),
          ),
          subject: t.url,
          durationMs: Math.round(r.totalMs),
        };
      const view = await describeFailure(r, {
        trust: input.net.trust,
        platform: input.net.platform,
        timeoutMs: input.net.timeoutMs,
        notFoundHint: msg('check.dl.notFoundHint', { what }),
      });
      // Fatal only when no other host can stand in for this one.
      const severity = anyOk(t.role) ? 'warning' : 'error';
      const consequence = msg(t.role === 'index' ? 'check.dl.after.index' : 'check.dl.after.archive');
      return {
        id: view.id.startsWith('tls.') ? view.id : 'dl.unreachable',
        severity,
        ...findingWords(
          msg('check.dl.failed.title', {
            host: hostOf(t.url),
            role: msg(t.role === 'index' ? 'check.dl.role.index' : 'check.dl.role.archive'),
            short: view.shortText,
          }),
          verbatim(sentences([view.causeText, consequence])),
        ),
        subject: t.url,
        durationMs: Math.round(r.totalMs),
        ...(view.fixes.length ? { fixes: view.fixes } : {}),
      };
    }),
  );
  return { findings, probes: results };
}
