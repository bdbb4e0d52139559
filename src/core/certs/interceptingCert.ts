// The certificate a TLS-intercepting proxy signs with, saved where the user can inspect it and
// point go at it. Nothing is trusted here: the user compares the SHA-256 fingerprint with the one
// their IT department publishes, then opts in with SSL_CERT_DIR. The file goes to an absolute
// path under the tool's state directory, never to a directory a workspace controls.
import type { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { doctorError } from '../errors';
import { msg, type Message } from '../i18n/message';
import { render } from '../i18n/render';
import { probe } from '../net/probe';
import { netProxyConfigFromEnv } from '../net/netproxy';
import { displayName, loadGoTrust } from '../net/trust';
import type { Platform } from '../platform';
import { stateDir } from '../stateDir';
import { clip, flat } from '../untrustedText';

export interface SavedCertificate {
  file: string;
  dir: string;
  /** The certificate's subject, as shown (inert, bounded). */
  name: string;
  /** `AB:CD:…`, as browsers and `openssl x509 -fingerprint -sha256` print it. */
  sha256: string;
}

/** The top of the chain the server presented: the intercepting CA when the proxy sends it. */
export function interceptingCertificate(chain: readonly X509Certificate[]): X509Certificate | undefined {
  return chain[chain.length - 1];
}

/** A certificate's name for titles and sentences: server-chosen, so made inert and bounded. */
export function certificateName(cert: X509Certificate): string {
  return clip(flat(displayName(cert.subject)), 80) || 'an unnamed certificate';
}

/** `<state dir>/certs`: the directory to add to SSL_CERT_DIR. */
export function savedCertsDir(p: Pick<Platform, 'env' | 'homeDir' | 'os'>): string {
  return (p.os === 'win32' ? path.win32 : path.posix).join(stateDir(p), 'certs');
}

/**
 * Connects to `url` as go would (Go's CA set, HTTP(S)_PROXY), and saves the certificate an
 * untrusted chain ends in. With `sha256`, refuses unless it is the one the diagnosis showed.
 */
export async function saveInterceptingCertificate(o: {
  url: string;
  sha256?: string | undefined;
  platform: Platform;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}): Promise<SavedCertificate> {
  const url = new URL(o.url);
  if (url.protocol !== 'https:')
    throw doctorError(
      'cert.notHttps',
      msg('certs.notHttps.message', { origin: url.origin }),
      msg('certs.notHttps.remedy'),
    );
  url.username = url.password = '';
  const r = await probe({
    url,
    timeoutMs: o.timeoutMs,
    signal: o.signal,
    trust: () => loadGoTrust(o.platform),
    netproxy: netProxyConfigFromEnv(o.platform.env),
  });
  const cert = r.error?.kind === 'tls' && r.peerChain ? interceptingCertificate(r.peerChain) : undefined;
  if (!cert) {
    const why = r.error ? r.error.message : msg('certs.alreadyTrusted');
    throw doctorError(
      'cert.notIntercepted',
      msg('certs.notIntercepted.message', { origin: url.origin, why }),
      msg('certs.notIntercepted.remedy'),
    );
  }
  if (o.sha256 && normalize(o.sha256) !== normalize(cert.fingerprint256))
    throw doctorError(
      'cert.changed',
      msg('certs.changed.message', { origin: url.origin, now: cert.fingerprint256, shown: o.sha256 }),
      msg('certs.changed.remedy'),
    );
  const dir = savedCertsDir(o.platform);
  const file = path.join(dir, `${normalize(cert.fingerprint256).slice(0, 16)}.pem`);
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o755 });
    await fs.writeFile(file, cert.toString(), { mode: 0o644 });
  } catch (err) {
    throw doctorError(
      'cert.unwritable',
      msg('certs.unwritable.message', { file, error: (err as Error).message }),
      msg('certs.unwritable.remedy'),
      err,
    );
  }
  return { file, dir, name: certificateName(cert), sha256: cert.fingerprint256 };
}

/** What to tell the user after saving: check the fingerprint first, then trust it for this user only. */
export function savedCertificateAdvice(s: SavedCertificate, p: Pick<Platform, 'os'>): string {
  return render(savedCertificateAdviceText(s, p), 'en');
}

/** savedCertificateAdvice as a catalog Message. */
export function savedCertificateAdviceText(s: SavedCertificate, p: Pick<Platform, 'os'>): Message {
  const trust =
    p.os === 'win32'
      ? msg('certs.trust.win32', { file: s.file })
      : p.os === 'darwin'
        ? msg('certs.trust.darwin', { file: s.file })
        : msg('certs.trust.other', { dir: s.dir });
  return msg('certs.saved', { name: s.name, file: s.file, sha256: s.sha256, trust });
}

function normalize(fp: string): string {
  return fp.replace(/[^0-9a-f]/gi, '').toUpperCase();
}
