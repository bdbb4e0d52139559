// Probe step: the TLS handshake with Go's CA set, and certificate failures ordered as Go reports them.
import * as net from 'node:net';
import * as tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { displayName, type GoTrust } from './trust';
import { ProbeFailure, probeError, type StepContext, type TlsFailureInfo } from './probeTypes';
import { msg } from '../i18n/message';

export function handshake(
  raw: net.Socket,
  host: string,
  trust: GoTrust,
  ctx: StepContext,
): Promise<{ socket: tls.TLSSocket; chain: X509Certificate[] }> {
  return new Promise((resolve, reject) => {
    if (ctx.signal.aborted) return reject(ctx.signal.reason);
    const options: tls.ConnectionOptions = {
      socket: raw,
      host, // what Node checks the certificate's names against
      secureContext: trust.secureContext,
      rejectUnauthorized: true,
      ALPNProtocols: ['http/1.1'],
    };
    if (net.isIP(host) === 0) options.servername = host; // SNI carries names only
    const socket = tls.connect(options);
    ctx.sockets.push(socket);
    let chain: X509Certificate[] = [];
    let peer: tls.DetailedPeerCertificate | undefined;
    // Runs before Node's own verification, which destroys an untrusted socket: keep the chain.
    socket.prependListener('secure', () => {
      peer = socket.getPeerCertificate(true);
      chain = chainOf(peer);
    });
    const onAbort = (): void => {
      socket.destroy();
      reject(ctx.signal.reason);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    const onError = (err: NodeJS.ErrnoException): void => {
      ctx.signal.removeEventListener('abort', onAbort);
      reject(tlsFailure(err, host, chain, peer));
    };
    socket.once('secureConnect', () => {
      ctx.signal.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      socket.on('error', () => undefined); // later errors surface in the HTTP step
      resolve({ socket, chain });
    });
    socket.on('error', onError);
  });
}

function chainOf(peer: tls.DetailedPeerCertificate | undefined): X509Certificate[] {
  const out: X509Certificate[] = [];
  const seen = new Set<string>();
  let cur: tls.DetailedPeerCertificate | undefined = peer;
  while (cur && cur.raw && !seen.has(cur.fingerprint256)) {
    seen.add(cur.fingerprint256);
    try {
      out.push(new X509Certificate(cur.raw));
    } catch {
      break;
    }
    cur = cur.issuerCertificate;
  }
  return out;
}

/** Verification codes that mean "the issuer is not one Go trusts" (vs expired, wrong host...). */
export const UNTRUSTED_CERT_CODES: ReadonlySet<string> = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
  'INVALID_CA',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
]);

const CERT_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  ...UNTRUSTED_CERT_CODES,
]);

function tlsFailure(
  err: NodeJS.ErrnoException,
  host: string,
  chain: X509Certificate[],
  peer: tls.DetailedPeerCertificate | undefined,
): unknown {
  const code = err.code ?? 'ETLS';
  if (!CERT_CODES.has(code)) {
    if (code === 'ECONNRESET' || /socket disconnected/i.test(err.message)) {
      return new ProbeFailure(
        probeError({ kind: 'reset', step: 'tls', code: 'ECONNRESET' }, msg('probe.tls.closed', { host })),
      );
    }
    return new ProbeFailure(
      probeError({ kind: 'tls', step: 'tls', code }, msg('probe.tls.failed', { host, error: err.message })),
    );
  }
  const leaf = chain[0];
  // Go checks the leaf's dates first, then the host name, then builds the chain; OpenSSL reports
  // an unknown issuer before either. Reorder so the verdict is the one the go command prints.
  let goCode = code;
  if (leaf) {
    const now = Date.now();
    if (now > Date.parse(leaf.validTo)) goCode = 'CERT_HAS_EXPIRED';
    else if (now < Date.parse(leaf.validFrom)) goCode = 'CERT_NOT_YET_VALID';
    else if (peer && tls.checkServerIdentity(host, peer) !== undefined) goCode = 'ERR_TLS_CERT_ALTNAME_INVALID';
  }
  const top = chain[chain.length - 1];
  const untrusted = !['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID'].includes(goCode);
  const info: TlsFailureInfo = {
    code: goCode,
    issuer: displayName((untrusted ? top?.issuer : leaf?.issuer) ?? ''),
    subject: displayName(leaf?.subject ?? ''),
    validFrom: leaf ? new Date(leaf.validFrom).toISOString() : '',
    validTo: leaf ? new Date(leaf.validTo).toISOString() : '',
  };
  if (leaf?.subjectAltName) info.altNames = leaf.subjectAltName;
  return new ProbeFailure(
    probeError(
      { kind: 'tls', step: 'tls', code: goCode, tls: info },
      msg('probe.tls.verify', { host, error: goCode === code ? err.message : goCode }),
    ),
    chain,
  );
}
