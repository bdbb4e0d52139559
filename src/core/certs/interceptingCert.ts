// The certificate a TLS-intercepting proxy signs with, saved where the user can inspect it and
// point go at it. Nothing is trusted here: the user compares the SHA-256 fingerprint with the one
// their IT department publishes, then opts in with SSL_CERT_DIR. The file goes to an absolute
// path under the tool's state directory, never to a directory a workspace controls.
import type { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DoctorError } from '../errors';
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
    throw new DoctorError(
      'cert.notHttps',
      `${url.origin} is not an https:// URL.`,
      'Give the https:// URL of the mirror.',
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
    const why = r.error ? r.error.message : 'the go command already trusts its certificate';
    throw new DoctorError(
      'cert.notIntercepted',
      `${url.origin} did not present an untrusted certificate (${why}), so there is nothing to save.`,
      'Diagnose again: the connection may no longer be intercepted.',
    );
  }
  if (o.sha256 && normalize(o.sha256) !== normalize(cert.fingerprint256))
    throw new DoctorError(
      'cert.changed',
      `${url.origin} now presents a certificate with SHA-256 ${cert.fingerprint256}, not the ${o.sha256} the diagnosis showed.`,
      'Nothing was saved. Diagnose again and compare the new fingerprint with the one your IT department gives.',
    );
  const dir = savedCertsDir(o.platform);
  const file = path.join(dir, `${normalize(cert.fingerprint256).slice(0, 16)}.pem`);
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o755 });
    await fs.writeFile(file, cert.toString(), { mode: 0o644 });
  } catch (err) {
    throw new DoctorError(
      'cert.unwritable',
      `Cannot save the certificate to ${file}: ${(err as Error).message}.`,
      'Make the directory writable, or set XDG_STATE_HOME to a writable absolute directory.',
      { cause: err },
    );
  }
  return { file, dir, name: certificateName(cert), sha256: cert.fingerprint256 };
}

/** What to tell the user after saving: check the fingerprint first, then trust it for this user only. */
export function savedCertificateAdvice(s: SavedCertificate, p: Pick<Platform, 'os'>): string {
  const trust =
    p.os === 'win32'
      ? `certutil -user -addstore Root "${s.file}"   (your Windows account only)`
      : p.os === 'darwin'
        ? `security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db '${s.file}'   (your login keychain only)`
        : `export SSL_CERT_DIR=/etc/ssl/certs:${s.dir}   (the go command only; add it to your shell profile)`;
  return (
    `Saved "${s.name}" to ${s.file}\nSHA-256 ${s.sha256}\n` +
    'Compare this fingerprint with the one your IT department publishes before trusting it; if they differ, someone else is intercepting the connection: do not trust it.\n' +
    `Only after that check, trust it:\n  ${trust}\n`
  );
}

function normalize(fp: string): string {
  return fp.replace(/[^0-9a-f]/gi, '').toUpperCase();
}
