// Module path patterns and lists that do not mean what they seem: a GOPRIVATE-style glob that
// covers far more than the user's own code (verification silently off for public modules), and
// look-alike characters (a full-width comma typed with a Chinese input method, a zero-width space
// pasted from a web page) that the go command reads as part of a name.
import type { Finding } from '../findings';
import type { EnvEntry } from '../report/model';
import { redact } from '../redact';
import { pathMatch } from '../sumdb/prefixPatterns';
import { setGoEnvFix, unsetGoEnvFix } from './fixes';

const PATTERN_SETTINGS = ['GOPRIVATE', 'GONOSUMDB', 'GONOPROXY', 'GOINSECURE'] as const;
const LIST_SETTINGS = ['GOPROXY', 'GOPRIVATE', 'GONOSUMDB', 'GONOPROXY'] as const;

/** Hosts that serve the public modules of many owners: as a whole pattern, they cover other people's code. */
const SHARED_PUBLIC_HOSTS = [
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'golang.org',
  'google.golang.org',
  'gopkg.in',
  'go.googlesource.com',
  'cloud.google.com',
  'k8s.io',
  'sigs.k8s.io',
  'go.uber.org',
];

/** Characters that look like list syntax or nothing at all, with what was probably meant. */
const LOOKALIKES: Record<string, { name: string; meant: string }> = {
  '\uff0c': { name: 'a full-width comma (，)', meant: ',' },
  '\u3001': { name: 'an ideographic comma (、)', meant: ',' },
  '\uff5c': { name: 'a full-width vertical bar (｜)', meant: '|' },
  '\u3000': { name: 'an ideographic space (U+3000)', meant: '' },
  '\u00a0': { name: 'a no-break space (U+00A0)', meant: '' },
  '\u200b': { name: 'a zero-width space (U+200B)', meant: '' },
  '\u200c': { name: 'a zero-width non-joiner (U+200C)', meant: '' },
  '\u200d': { name: 'a zero-width joiner (U+200D)', meant: '' },
  '\ufeff': { name: 'a byte order mark (U+FEFF)', meant: '' },
  '\u2018': { name: 'a curly quote (‘)', meant: '' },
  '\u2019': { name: 'a curly quote (’)', meant: '' },
  '\u201c': { name: 'a curly quote (“)', meant: '' },
  '\u201d': { name: 'a curly quote (”)', meant: '' },
  '\uff1a': { name: 'a full-width colon (：)', meant: ':' },
  '\uff0f': { name: 'a full-width slash (／)', meant: '/' },
};

export function envPatternFindings(env: Record<string, EnvEntry>): Finding[] {
  const out: Finding[] = [];
  for (const name of LIST_SETTINGS) {
    const f = lookalikeFinding(name, env[name]?.value ?? '');
    if (f) out.push(f);
  }
  for (const name of PATTERN_SETTINGS) out.push(...broadPatternFindings(name, env[name]?.value ?? ''));
  return out;
}

function lookalikeFinding(name: string, value: string): Finding | undefined {
  const chars = Array.from(value);
  const hits = chars.flatMap((c, i) => (LOOKALIKES[c] ? [{ c, at: i + 1 }] : []));
  if (hits.length === 0) return undefined;
  const cleaned = chars.map((c) => LOOKALIKES[c]?.meant ?? c).join('');
  const where = hits.map((h) => `${LOOKALIKES[h.c]!.name} at character ${h.at}`).join(', ');
  const effect =
    name === 'GOPROXY'
      ? 'The go command does not treat it as a separator or as white space, so the entry around it is not the URL you meant and downloads through it fail.'
      : 'The go command does not treat it as a separator or as white space, so the pattern around it matches no module path and those modules are not treated as private.';
  const safe = redact(cleaned);
  const fix = setGoEnvFix(name, cleaned, `Retype ${name} with plain ASCII characters`);
  return {
    id: 'env.lookalikeChar',
    severity: name === 'GOPROXY' ? 'error' : 'warning',
    title: `${name} contains ${hits.length === 1 ? 'a character that looks like' : 'characters that look like'} punctuation or white space`,
    detail: `${name} is "${redact(value)}": it contains ${where} (often typed with an input method or pasted from a web page or chat). ${effect} Set it again with plain characters: "${safe}".`,
    subject: name,
    fixes: [fix],
  };
}

/** Why a pattern covers far more than one organisation's code, or undefined when it does not. */
export function tooBroad(pattern: string): string | undefined {
  const p = pattern.trim().replace(/\/+$/, '');
  if (p === '') return undefined;
  // A glob that matches made-up hosts matches every module path.
  if (pathMatch(p, 'unrelated-host.example') || pathMatch(p, 'example.org')) return `"${p}" matches every module path`;
  if (SHARED_PUBLIC_HOSTS.includes(p.toLowerCase()))
    return `"${p}" is a public host serving the modules of many owners, so it matches all of them`;
  return undefined;
}

function broadPatternFindings(name: string, value: string): Finding[] {
  const patterns = value.split(',');
  const broad = patterns.map((p) => ({ p: p.trim(), why: tooBroad(p) })).filter((x) => x.why !== undefined);
  return broad.map(({ p, why }) => {
    const rest = patterns
      .map((x) => x.trim())
      .filter((x) => x !== '' && x !== p)
      .join(',');
    const effect =
      name === 'GONOSUMDB' || name === 'GOPRIVATE'
        ? 'Modules it matches are never checked against the checksum database, so a tampered proxy or origin goes unnoticed for public code too'
        : name === 'GONOPROXY'
          ? 'Modules it matches skip GOPROXY and come from their origins, which must then all be reachable'
          : 'Modules it matches may be fetched over plain HTTP or without certificate checks';
    const fix = rest ? setGoEnvFix(name, rest, `Remove "${p}" from ${name}`) : unsetGoEnvFix(name, `Unset ${name}`);
    return {
      id: 'env.patternTooBroad',
      severity: 'warning',
      title: `${name} pattern "${p}" covers much more than your own modules`,
      detail: `${name} is "${redact(value)}": ${why}. ${effect}. List only your own code: the host of your private server (git.corp.example), or host/organisation on a shared host (github.com/your-org).`,
      subject: name,
      fixes: [fix],
    };
  });
}
