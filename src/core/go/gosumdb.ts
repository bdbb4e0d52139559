// GOSUMDB as cmd/go reads it (modfetch/sumdb.go dbDial): `off`; a known database name
// (`sum.golang.org`); the alias `sum.golang.google.cn` (sum.golang.org's key, served from a host
// reachable in mainland China); a verifier key `name+hash+key`; each optionally followed by a
// URL, which then bypasses GOPROXY entirely. Empty means sum.golang.org.
import { newVerifier, NoteError, type Verifier } from '../sumdb/note';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';

export const SUM_GOLANG_ORG_KEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';

const KNOWN_KEYS: Readonly<Record<string, string>> = { 'sum.golang.org': SUM_GOLANG_ORG_KEY };

export interface SumDatabase {
  /** The database (and key) name, e.g. `sum.golang.org`. */
  name: string;
  verifier: Verifier;
  /** `https://<name>`, or the URL GOSUMDB gives. */
  url: URL;
  /** GOSUMDB named the URL itself: go straight there, never through a GOPROXY mirror. */
  explicitUrl: boolean;
  /** The GOSUMDB text this came from. */
  setting: string;
}

export type GosumdbSetting =
  | { kind: 'off' }
  | { kind: 'db'; db: SumDatabase }
  | { kind: 'invalid'; setting: string; reason: string; reasonText: Message };

export function parseGosumdb(value: string | undefined): GosumdbSetting {
  const setting = (value ?? '').trim() === '' ? 'sum.golang.org' : (value ?? '').trim();
  const text = setting === 'sum.golang.google.cn' ? 'sum.golang.org https://sum.golang.google.cn' : setting;
  if (text === 'off') return { kind: 'off' };
  const fields = text.split(/\s+/).filter((f) => f !== '');
  if (fields.length === 0) return invalid(setting, msg('go.gosumdb.empty'));
  if (fields.length > 2) return invalid(setting, msg('go.gosumdb.tooManyFields'));
  const key = KNOWN_KEYS[fields[0]!] ?? fields[0]!;
  let verifier: Verifier;
  try {
    verifier = newVerifier(key);
  } catch (err) {
    const keyHash = err instanceof NoteError && err.kind === 'keyHashMismatch';
    return invalid(setting, msg(keyHash ? 'go.gosumdb.keyHash' : 'go.gosumdb.notKey'));
  }
  if (!isHostPath(verifier.name)) {
    return invalid(setting, msg('go.gosumdb.badName', { name: verifier.name }));
  }
  let url: URL;
  let explicitUrl = false;
  try {
    if (fields.length === 2) {
      url = new URL(fields[1]!);
      explicitUrl = true;
      if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'file:') {
        return invalid(setting, msg('go.gosumdb.scheme', { scheme: url.protocol }));
      }
    } else {
      url = new URL(`https://${verifier.name}`);
    }
  } catch {
    return invalid(setting, msg('go.gosumdb.badUrl', { url: fields[1] ?? verifier.name }));
  }
  return { kind: 'db', db: { name: verifier.name, verifier, url, explicitUrl, setting } };
}

function invalid(setting: string, reasonText: Message): GosumdbSetting {
  return { kind: 'invalid', setting, reason: render(reasonText, 'en'), reasonText };
}

/** cmd/go insists the name is a plain `host[/path]`: no scheme, query, userinfo, escapes or trailing slash. */
function isHostPath(name: string): boolean {
  return /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]+)?(?:\/[A-Za-z0-9._~-]+)*$/.test(name);
}
