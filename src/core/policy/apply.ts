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
import { findingText, verbatim } from '../i18n/findingText';
import { joined, sentences } from '../i18n/join';
import { msg, type Message } from '../i18n/message';
import { findingWords, fixWords } from '../i18n/words';

export interface PolicyOptions {
  /** False for a policy an untrusted workspace brings. */
  trusted: boolean;
}

const normalizeUrl = (u: string): string => u.trim().replace(/\/+$/, '').toLowerCase();

const goEnvWrite = (name: string, value: string, title: Message): Fix => ({
  command: `go env -w ${name}=${value}`,
  ...fixWords(title),
  action: { kind: 'setGoEnv', name, value },
});

export function applyPolicy(report: Report, loaded: LoadedPolicy, o: PolicyOptions): Report {
  const { policy, file, lines } = loaded;
  const severity: Severity = o.trusted ? 'error' : 'warning';
  const at = (key: string) => ({ file, line: lines.get(key) ?? 1 });
  const env = (name: string): string => report.env[name]?.value ?? '';
  const out: Finding[] = [];
  const violation = (id: string, key: string, title: Message, detail: Message, fixes: Fix[] = []): void => {
    const words = findingWords(title, msg('policy.at', { detail, file, line: at(key).line }));
    out.push({ id, severity, ...words, location: at(key), fixes });
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
      kind === 'exact'
        ? msg('policy.goVersion.exact.title', { go: goName(want) })
        : msg('policy.goVersion.min.title', { version }),
      report.go.version
        ? msg(`policy.goVersion.${kind}.runs`, { go: goName(want), local: report.go.version })
        : msg(`policy.goVersion.${kind}.none`, { go: goName(want) }),
      [
        {
          command: `go-env-doctor install ${version}`,
          ...fixWords(msg('policy.fix.install', { version })),
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
      msg('policy.goproxy.title'),
      verbatim(
        sentences([
          ...(missing.length ? [msg('policy.goproxy.include', { urls: joined(missing) })] : []),
          ...(forbidden.length ? [msg('policy.goproxy.exclude', { urls: joined(forbidden) })] : []),
          msg('policy.goproxy.is', { value: env('GOPROXY') }),
        ]),
      ),
      [goEnvWrite('GOPROXY', value, msg('policy.fix.goproxy'))],
    );
  }

  const uncovered = (policy.goprivate?.cover ?? []).filter((p) => !matchPrefixPatterns(env('GOPRIVATE'), p));
  if (uncovered.length) {
    const value = [env('GOPRIVATE'), ...uncovered].filter(Boolean).join(',');
    violation(
      'policy.goprivate',
      'goprivate.cover',
      msg('policy.goprivate.title'),
      msg('policy.goprivate.detail', { patterns: joined(uncovered) }),
      [goEnvWrite('GOPRIVATE', value, msg('policy.fix.goprivate', { patterns: joined(uncovered) }))],
    );
  }

  if (policy.gosumdb?.notOff && env('GOSUMDB') === 'off')
    violation('policy.gosumdbOff', 'gosumdb.notOff', msg('policy.gosumdbOff.title'), msg('policy.gosumdbOff.detail'), [
      {
        command: 'go env -u GOSUMDB',
        ...fixWords(msg('policy.fix.gosumdb')),
        action: { kind: 'unsetGoEnv', name: 'GOSUMDB' },
      },
    ]);

  const flags = env('GOFLAGS').split(/\s+/).filter(Boolean);
  const bad = flags.filter((f) => (policy.goflags?.forbid ?? []).some((x) => f === x || f.split('=')[0] === x));
  if (bad.length) {
    const value = flags.filter((f) => !bad.includes(f)).join(' ');
    violation(
      'policy.goflags',
      'goflags.forbid',
      msg('policy.goflags.title'),
      msg('policy.goflags.detail', { flags: joined(bad) }),
      [
        value
          ? goEnvWrite('GOFLAGS', value, msg('policy.fix.goflagsRemove', { flags: joined(bad) }))
          : {
              command: 'go env -u GOFLAGS',
              ...fixWords(msg('policy.fix.goflagsClear')),
              action: { kind: 'unsetGoEnv', name: 'GOFLAGS' },
            },
      ],
    );
  }

  const tc = policy.gotoolchain?.require;
  if (tc !== undefined && env('GOTOOLCHAIN') !== tc)
    violation(
      'policy.gotoolchain',
      'gotoolchain.require',
      msg('policy.gotoolchain.title', { value: tc }),
      msg('policy.gotoolchain.detail', { value: env('GOTOOLCHAIN') || msg('policy.unset') }),
      [goEnvWrite('GOTOOLCHAIN', tc, msg('policy.fix.gotoolchain', { value: tc }))],
    );

  const judged = report.findings.map((f) => (o.trusted ? rejudge(f, loaded) : f));
  return { ...report, findings: [...judged, ...out] };
}

/** Promotions and acceptances of a trusted policy. */
function rejudge(f: Finding, { policy, file, lines }: LoadedPolicy): Finding {
  const line = (key: string, i: number): number => lines.get(`${key}.${i}`) ?? lines.get(key) ?? 1;
  const promoted = (policy.promote ?? []).indexOf(f.id);
  const text = findingText(f);
  if (promoted >= 0 && f.severity === 'warning')
    return {
      ...f,
      severity: 'error',
      ...findingWords(
        text.title,
        msg('policy.promoted', { detail: text.detail, file, line: line('promote', promoted) }),
      ),
    };
  const accepted = (policy.accept ?? []).findIndex((a) => a.id === f.id);
  if (accepted >= 0 && (f.severity === 'warning' || f.severity === 'error'))
    return {
      ...f,
      severity: 'info',
      ...findingWords(
        text.title,
        msg('policy.accepted', {
          file,
          line: line('accept', accepted),
          reason: policy.accept![accepted]!.reason,
          detail: text.detail,
        }),
      ),
    };
  return f;
}
