// Module path patterns and lists that do not mean what they seem: a GOPRIVATE-style glob that
// covers far more than the user's own code (verification silently off for public modules), and
// look-alike characters (a full-width comma typed with a Chinese input method, a zero-width space
// pasted from a web page) that the go command reads as part of a name.
import type { Finding } from '../findings';
import type { EnvEntry } from '../report/model';
import { redact } from '../redact';
import { pathMatch } from '../sumdb/prefixPatterns';
import { setGoEnvFix, unsetGoEnvFix } from './fixes';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';
import { findingWords } from '../i18n/words';
import { joined } from '../i18n/join';

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
const LOOKALIKES: Record<string, { name: Message; meant: string }> = {
  '\uff0c': { name: msg('check.env.lookalike.fullwidthComma'), meant: ',' },
  '\u3001': { name: msg('check.env.lookalike.ideographicComma'), meant: ',' },
  '\uff5c': { name: msg('check.env.lookalike.fullwidthBar'), meant: '|' },
  '\u3000': { name: msg('check.env.lookalike.ideographicSpace'), meant: '' },
  '\u00a0': { name: msg('check.env.lookalike.noBreakSpace'), meant: '' },
  '\u200b': { name: msg('check.env.lookalike.zeroWidthSpace'), meant: '' },
  '\u200c': { name: msg('check.env.lookalike.zeroWidthNonJoiner'), meant: '' },
  '\u200d': { name: msg('check.env.lookalike.zeroWidthJoiner'), meant: '' },
  '\ufeff': { name: msg('check.env.lookalike.byteOrderMark'), meant: '' },
  '\u2018': { name: msg('check.env.lookalike.curlyQuote', { char: '‘' }), meant: '' },
  '\u2019': { name: msg('check.env.lookalike.curlyQuote', { char: '’' }), meant: '' },
  '\u201c': { name: msg('check.env.lookalike.curlyQuote', { char: '“' }), meant: '' },
  '\u201d': { name: msg('check.env.lookalike.curlyQuote', { char: '”' }), meant: '' },
  '\uff1a': { name: msg('check.env.lookalike.fullwidthColon'), meant: ':' },
  '\uff0f': { name: msg('check.env.lookalike.fullwidthSlash'), meant: '/' },
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
  const where = joined(hits.map((h) => msg('check.env.lookalike.at', { char: LOOKALIKES[h.c]!.name, at: h.at })));
  const effect = msg(name === 'GOPROXY' ? 'check.env.lookalike.effect.proxy' : 'check.env.lookalike.effect.pattern');
  const fix = setGoEnvFix(name, cleaned, msg('check.env.fix.retype', { name }));
  return {
    id: 'env.lookalikeChar',
    severity: name === 'GOPROXY' ? 'error' : 'warning',
    ...findingWords(
      msg(hits.length === 1 ? 'check.env.lookalike.title.one' : 'check.env.lookalike.title.many', { name }),
      msg('check.env.lookalike.detail', { name, value: redact(value), where, effect, cleaned: redact(cleaned) }),
    ),
    subject: name,
    fixes: [fix],
  };
}

/** Why a pattern covers far more than one organisation's code, or undefined when it does not. */
export function tooBroad(pattern: string): string | undefined {
  const why = tooBroadWords(pattern);
  return why && render(why, 'en');
}

function tooBroadWords(pattern: string): Message | undefined {
  const p = pattern.trim().replace(/\/+$/, '');
  if (p === '') return undefined;
  // A glob that matches made-up hosts matches every module path.
  if (pathMatch(p, 'unrelated-host.example') || pathMatch(p, 'example.org'))
    return msg('check.env.broad.everything', { pattern: p });
  if (SHARED_PUBLIC_HOSTS.includes(p.toLowerCase())) return msg('check.env.broad.sharedHost', { pattern: p });
  return undefined;
}

function broadPatternFindings(name: string, value: string): Finding[] {
  const patterns = value.split(',');
  const broad = patterns.flatMap((p) => {
    const why = tooBroadWords(p);
    return why ? [{ p: p.trim(), why }] : [];
  });
  return broad.map(({ p, why }) => {
    const rest = patterns
      .map((x) => x.trim())
      .filter((x) => x !== '' && x !== p)
      .join(',');
    const effect = msg(
      name === 'GONOSUMDB' || name === 'GOPRIVATE'
        ? 'check.env.broad.effect.nosumdb'
        : name === 'GONOPROXY'
          ? 'check.env.broad.effect.noproxy'
          : 'check.env.broad.effect.insecure',
    );
    const fix = rest
      ? setGoEnvFix(name, rest, msg('check.env.fix.removePattern', { pattern: p, name }))
      : unsetGoEnvFix(name, msg('check.fix.unset', { name }));
    return {
      id: 'env.patternTooBroad',
      severity: 'warning',
      ...findingWords(
        msg('check.env.broad.title', { name, pattern: p }),
        msg('check.env.broad.detail', { name, value: redact(value), why, effect }),
      ),
      subject: name,
      fixes: [fix],
    };
  });
}
