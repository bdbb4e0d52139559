// What go did, against what we found: referee.ok, referee.failed (go's own words), and
// referee.disagrees where go contradicts one of our findings.
import type { Finding } from '../findings';
import type { GoRun } from './goRuns';

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
      title: `go failed: ${run.what}`,
      detail: `The go command, run with your environment and a throwaway module cache, failed on ${run.what}: ${run.error}`,
      subject: run.what,
    });
  }
  out.push(...disagreements(r));
  if (out.length === 0) {
    const done = runs.map((x) =>
      x.kind === 'ok' ? `${x.what} (${x.ms} ms)` : x.kind === 'skipped' ? `${x.what}: not run (${x.why})` : x.what,
    );
    out.push({
      id: 'referee.ok',
      severity: 'ok',
      title: 'The go command agrees',
      detail: `With your environment and a throwaway module cache, go did: ${done.join('; ')}.${
        r.version.kind === 'ok' ? ` ${r.version.output}.` : ''
      }`,
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
      title: 'go downloads modules although we reported the route broken',
      detail: `go downloaded ${downloaded.map((x) => x.what).join(' and ')}, but we reported ${list(routeErrors)}. go's success is what counts for builds; the finding may describe an entry go does not reach (it falls through to the next one) or a check that is too strict. Please report it.`,
      subject: routeErrors[0]!.subject ?? routeErrors[0]!.id,
    });
  if (failed.length > 0 && routeErrors.length === 0)
    out.push({
      id: 'referee.disagrees',
      severity: 'warning',
      title: 'go fails to download modules although our checks passed',
      detail: `go failed on ${failed.map((x) => x.what).join(' and ')} (see referee.failed), but we found nothing wrong with the route${
        routeOk.length ? `: ${list(routeOk)}` : ''
      }. Our probes ask lighter questions than a download (a proxy can answer @latest and still serve a bad or altered zip); go's error above names the real cause.`,
      subject: failed[0]!.what,
    });
  const v = r.version;
  const ran = v.kind === 'ok' ? /^go version (\S+)/.exec(v.output)?.[1] : undefined;
  if (ran && r.plannedRuns && ran !== r.plannedRuns)
    out.push({
      id: 'referee.disagrees',
      severity: 'warning',
      title: `go runs ${ran} here; toolchain.plan said ${r.plannedRuns}`,
      detail: `go version in the workspace printed "${v.kind === 'ok' ? v.output : ''}", but our toolchain.plan predicted ${r.plannedRuns}. go's answer is the one that counts; please report the difference.`,
      subject: 'toolchain.plan',
    });
  return out;
}

function list(fs: readonly Finding[]): string {
  return fs.map((f) => `${f.id} (${f.subject ?? f.title})`).join(', ');
}
