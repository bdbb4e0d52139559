// A report judged by the repository's policy: `policy.*` findings for each rule the environment
// breaks (pointing at the rule's line), then the policy's promotions and acceptances. A policy from a
// workspace the user does not trust can only warn: its violations are warnings and it cannot
// promote or accept anything.
import type { Finding, Fix, Severity } from '../findings';
import type { Report } from '../report/model';
import { compareGoVersions, goName, parseGoVersion, releaseFor } from '../goVersion';
import { parseGoproxy } from '../go/goproxy';
import { matchPrefixPatterns } from '../sumdb/prefixPatterns';
import type { LoadedPolicy } from './model';

export interface PolicyOptions {
  /** False for a policy an untrusted workspace brings. */
  trusted: boolean;
}

const normalizeUrl = (u: string): string => u.trim().replace(/\/+$/, '').toLowerCase();

const goEnvWrite = (name: string, value: string, title: string): Fix => ({
  command: `go env -w ${name}=${value}`,
  title,
  action: { kind: 'setGoEnv', name, value },
});

export function applyPolicy(report: Report, loaded: LoadedPolicy, o: PolicyOptions): Report {
  const { policy, file, lines } = loaded;
  const severity: Severity = o.trusted ? 'error' : 'warning';
  const at = (key: string) => ({ file, line: lines.get(key) ?? 1 });
  const env = (name: string): string => report.env[name]?.value ?? '';
  const out: Finding[] = [];
  const violation = (id: string, key: string, title: string, detail: string, fixes: Fix[] = []): void => {
    out.push({ id, severity, title, detail: `${detail} (${file}, line ${at(key).line}.)`, location: at(key), fixes });
  };

  const local = report.go.version ? parseGoVersion(report.go.version) : undefined;
  for (const kind of ['exact', 'min'] as const) {
    const given = policy.go?.[kind] ? parseGoVersion(policy.go[kind]) : undefined;
    // `1.22` names the language; the release that provides it is go1.22.0.
    const want = given ? releaseFor(given) : undefined;
    if (!want) continue;
    const cmp = local ? compareGoVersions(local, want) : -1;
    if ((kind === 'exact' && cmp === 0) || (kind === 'min' && cmp >= 0)) continue;
    const version = goName(want).replace(/^go/, '');
    violation(
      'policy.goVersion',
      `go.${kind}`,
      kind === 'exact' ? `This repository requires ${goName(want)}` : `This repository requires Go ${version} or newer`,
      `The policy asks for ${kind === 'exact' ? 'exactly' : 'at least'} ${goName(want)}; ${report.go.version ? `this machine runs ${report.go.version}` : 'no go was found'}.`,
      [
        {
          command: `go-env-doctor install ${version}`,
          title: `Install Go ${version} (verified)`,
          action: { kind: 'installToolchain', version },
        },
      ],
    );
    break;
  }

  const proxyEntries = parseGoproxy(env('GOPROXY')).map((e) => (e.kind === 'url' ? normalizeUrl(e.url.href) : e.kind));
  const raw = env('GOPROXY')
    .split(/[,|]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const missing = (policy.goproxy?.include ?? []).filter((u) => !proxyEntries.includes(normalizeUrl(u)));
  const forbidden = (policy.goproxy?.exclude ?? []).filter((u) => proxyEntries.includes(normalizeUrl(u)));
  if (missing.length || forbidden.length) {
    const excluded = new Set(forbidden.map(normalizeUrl));
    const kept = raw.filter((e) => !excluded.has(normalizeUrl(e)));
    const value = [...missing, ...kept].join(',');
    violation(
      'policy.goproxy',
      missing.length ? 'goproxy.include' : 'goproxy.exclude',
      'GOPROXY does not follow the repository policy',
      [
        missing.length ? `GOPROXY must include ${missing.join(', ')}.` : '',
        forbidden.length ? `GOPROXY must not include ${forbidden.join(', ')}.` : '',
        `It is "${env('GOPROXY')}".`,
      ]
        .filter(Boolean)
        .join(' '),
      [goEnvWrite('GOPROXY', value, 'Set GOPROXY as the policy asks')],
    );
  }

  const uncovered = (policy.goprivate?.cover ?? []).filter((p) => !matchPrefixPatterns(env('GOPRIVATE'), p));
  if (uncovered.length) {
    const value = [env('GOPRIVATE'), ...uncovered].filter(Boolean).join(',');
    violation(
      'policy.goprivate',
      'goprivate.cover',
      'GOPRIVATE does not cover the private modules the policy names',
      `GOPRIVATE must cover ${uncovered.join(', ')}, so the go command neither asks the public proxy for them nor sends their paths to the checksum database.`,
      [goEnvWrite('GOPRIVATE', value, `Add ${uncovered.join(', ')} to GOPRIVATE`)],
    );
  }

  if (policy.gosumdb?.notOff && env('GOSUMDB') === 'off')
    violation(
      'policy.gosumdbOff',
      'gosumdb.notOff',
      'The policy forbids GOSUMDB=off',
      'With GOSUMDB=off the go command accepts any module content a proxy serves. Remove the setting so the default checksum database verifies downloads.',
      [
        {
          command: 'go env -u GOSUMDB',
          title: 'Turn the checksum database back on',
          action: { kind: 'unsetGoEnv', name: 'GOSUMDB' },
        },
      ],
    );

  const flags = env('GOFLAGS').split(/\s+/).filter(Boolean);
  const bad = flags.filter((f) => (policy.goflags?.forbid ?? []).some((x) => f === x || f.split('=')[0] === x));
  if (bad.length) {
    const value = flags.filter((f) => !bad.includes(f)).join(' ');
    violation(
      'policy.goflags',
      'goflags.forbid',
      'GOFLAGS holds flags the policy forbids',
      `GOFLAGS must not contain ${bad.join(', ')}.`,
      [
        value
          ? goEnvWrite('GOFLAGS', value, `Remove ${bad.join(', ')} from GOFLAGS`)
          : { command: 'go env -u GOFLAGS', title: 'Clear GOFLAGS', action: { kind: 'unsetGoEnv', name: 'GOFLAGS' } },
      ],
    );
  }

  const tc = policy.gotoolchain?.require;
  if (tc !== undefined && env('GOTOOLCHAIN') !== tc)
    violation(
      'policy.gotoolchain',
      'gotoolchain.require',
      `The policy requires GOTOOLCHAIN=${tc}`,
      `GOTOOLCHAIN is "${env('GOTOOLCHAIN') || '(unset)'}".`,
      [goEnvWrite('GOTOOLCHAIN', tc, `Set GOTOOLCHAIN=${tc}`)],
    );

  const judged = report.findings.map((f) => (o.trusted ? rejudge(f, loaded) : f));
  return { ...report, findings: [...judged, ...out] };
}

/** Promotions and acceptances of a trusted policy. */
function rejudge(f: Finding, { policy, file, lines }: LoadedPolicy): Finding {
  const line = (key: string, i: number): number => lines.get(`${key}.${i}`) ?? lines.get(key) ?? 1;
  const promoted = (policy.promote ?? []).indexOf(f.id);
  if (promoted >= 0 && f.severity === 'warning')
    return {
      ...f,
      severity: 'error',
      detail: `${f.detail} (An error here: ${file}, line ${line('promote', promoted)}, promotes it.)`,
    };
  const accepted = (policy.accept ?? []).findIndex((a) => a.id === f.id);
  if (accepted >= 0 && (f.severity === 'warning' || f.severity === 'error'))
    return {
      ...f,
      severity: 'info',
      detail: `Accepted by ${file}, line ${line('accept', accepted)}: ${policy.accept![accepted]!.reason} — ${f.detail}`,
    };
  return f;
}
