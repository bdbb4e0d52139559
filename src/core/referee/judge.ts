// What go did, against what we found: referee.ok, referee.failed (go's own words), and
// referee.disagrees where go contradicts one of our findings.
import type { Finding } from '../findings';
import type { GoRun } from './goRuns';
import { alternatives, joined, joinFailures } from '../i18n/join';
import { msg, type Param } from '../i18n/message';
import { findingWords } from '../i18n/words';

/** Findings about the route modules take: GOPROXY, checksum database, TLS, HTTP(S)_PROXY. */
const ROUTE = /^(proxy|sumdb|tls|netproxy)\./;

export interface RefereeRuns {
  canary: GoRun;
  requirement?: GoRun | undefined;
  version: GoRun;
  findings: readonly Finding[];
  plannedRuns?: string | undefined;
}

export function judge(r: RefereeRuns): Finding[] {
  const runs = [r.canary, r.requirement, r.version].filter((x): x is GoRun => x !== undefined);
  const out: Finding[] = [];
  for (const run of runs) {
    if (run.kind !== 'failed') continue;
    out.push({
      id: 'referee.failed',
      severity: 'error',
      ...findingWords(
        msg('referee.failed.title', { what: run.what }),
        msg('referee.failed.detail', { what: run.what, error: run.error }),
      ),
      subject: run.what,
    });
  }
  out.push(...disagreements(r));
  if (out.length === 0) {
    const done = joinFailures(
      runs.map((x) =>
        x.kind === 'ok'
          ? msg('referee.ran', { what: x.what, ms: x.ms })
          : x.kind === 'skipped'
            ? msg('referee.skipped', { what: x.what, why: x.why })
            : x.what,
      ),
    );
    out.push({
      id: 'referee.ok',
      severity: 'ok',
      ...findingWords(
        msg('referee.ok.title'),
        r.version.kind === 'ok'
          ? msg('referee.ok.detailVersion', { done, version: r.version.output })
          : msg('referee.ok.detail', { done }),
      ),
      subject: 'go',
    });
  }
  return out;
}

function disagreements(r: RefereeRuns): Finding[] {
  const out: Finding[] = [];
  const routeErrors = r.findings.filter((f) => ROUTE.test(f.id) && f.severity === 'error');
  const routeOk = r.findings.filter((f) => ROUTE.test(f.id) && f.severity === 'ok');
  const downloads = [r.canary, r.requirement].filter((x): x is GoRun => x !== undefined);
  const downloaded = downloads.filter((x) => x.kind === 'ok');
  const failed = downloads.filter((x) => x.kind === 'failed');
  if (downloaded.length > 0 && routeErrors.length > 0)
    out.push({
      id: 'referee.disagrees',
      severity: 'warning',
      ...findingWords(
        msg('referee.brokenButWorks.title'),
        msg('referee.brokenButWorks.detail', {
          downloaded: and(downloaded.map((x) => x.what)),
          findings: list(routeErrors),
        }),
      ),
      subject: routeErrors[0]!.subject ?? routeErrors[0]!.id,
    });
  if (failed.length > 0 && routeErrors.length === 0)
    out.push({
      id: 'referee.disagrees',
      severity: 'warning',
      ...findingWords(
        msg('referee.fineButFails.title'),
        routeOk.length
          ? msg('referee.fineButFails.detailOk', { failed: and(failed.map((x) => x.what)), findings: list(routeOk) })
          : msg('referee.fineButFails.detail', { failed: and(failed.map((x) => x.what)) }),
      ),
      subject: failed[0]!.what,
    });
  const v = r.version;
  const ran = v.kind === 'ok' ? /^go version (\S+)/.exec(v.output)?.[1] : undefined;
  if (ran && r.plannedRuns && ran !== r.plannedRuns)
    out.push({
      id: 'referee.disagrees',
      severity: 'warning',
      ...findingWords(
        msg('referee.otherGo.title', { ran, planned: r.plannedRuns }),
        msg('referee.otherGo.detail', { output: v.kind === 'ok' ? v.output : '', planned: r.plannedRuns }),
      ),
      subject: 'toolchain.plan',
    });
  return out;
}

function list(fs: readonly Finding[]): Param {
  return joined(fs.map((f) => msg('referee.listed', { id: f.id, subject: f.subject ?? f.text?.title ?? f.title })));
}

function and(items: readonly string[]): Param {
  return alternatives(items, 'and');
}
