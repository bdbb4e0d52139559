// The certificate authorities the go command trusts, so TLS verdicts are about Go, not about Node.
//
// On Linux (and the BSDs) Go's crypto/x509 reads SSL_CERT_FILE (which replaces the list of bundle
// files) and SSL_CERT_DIR (colon-separated, replaces the list of directories); otherwise the first
// readable bundle of a distribution list, plus every file of a few directories, skipping symlinks
// that point inside the same directory (the OpenSSL hash links). On macOS and Windows Go asks the
// OS verifier, which Node cannot; there Node's default roots stand in and verdicts are approximate.
import * as tls from 'node:tls';
import * as path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { readFile, readdir, readlink } from 'node:fs/promises';
import type { Platform } from '../platform';
import { verbatim } from '../i18n/findingText';
import { alternatives } from '../i18n/join';
import { msg, type Message, type Param } from '../i18n/message';
import { render } from '../i18n/render';

/** crypto/x509/root_linux.go */
export const LINUX_CERT_FILES = [
  '/etc/ssl/certs/ca-certificates.crt', // Debian/Ubuntu/Gentoo etc.
  '/etc/pki/tls/certs/ca-bundle.crt', // Fedora/RHEL 6
  '/etc/ssl/ca-bundle.pem', // OpenSUSE
  '/etc/pki/tls/cacert.pem', // OpenELEC
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem', // CentOS/RHEL 7
  '/etc/ssl/cert.pem', // Alpine Linux
];
export const LINUX_CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];

/** crypto/x509/root_bsd.go */
const BSD_CERT_FILES = [
  '/usr/local/etc/ssl/cert.pem',
  '/etc/ssl/cert.pem',
  '/usr/local/share/certs/ca-root-nss.crt',
  '/etc/openssl/certs/ca-certificates.crt',
];
const BSD_CERT_DIRS = ['/etc/ssl/certs', '/usr/local/share/certs', '/etc/openssl/certs'];

export interface GoTrust {
  /** Where the go command's CAs come from, in words, for findings. */
  source: string;
  /** `source` as a catalog Message. */
  sourceText: Message;
  /** macOS/Windows: the OS verifier Go asks (`source` without the note on the approximation). */
  verifierText?: Message;
  /** SSL_CERT_FILE or SSL_CERT_DIR decided (part of) the set. */
  fromEnv: boolean;
  /** macOS/Windows: Go uses the OS verifier; Node's defaults stand in, so verdicts are approximate. */
  approximate: boolean;
  /** Distinct certificates loaded (0 on macOS/Windows, where Node's defaults are used). */
  certCount: number;
  /** Files actually read. */
  files: string[];
  /** Things a user should know about the set: a missing SSL_CERT_FILE, an empty result... */
  problems: string[];
  /** `problems` as catalog Messages. */
  problemsText: Message[];
  /** The one TLS context every probe of a diagnosis uses. */
  secureContext: tls.SecureContext;
  /** DER (base64) of every loaded certificate, to tell whether a captured chain ends in Go's set. */
  derSet: ReadonlySet<string>;
}

export interface TrustOptions {
  /** Override the distribution lists (tests point them at temp dirs). */
  certFiles?: readonly string[];
  certDirs?: readonly string[];
}

/** Loads the CA set the go command would use; never throws (problems are reported in `problems`). */
export async function loadGoTrust(
  platform: Pick<Platform, 'env' | 'os'>,
  options: TrustOptions = {},
): Promise<GoTrust> {
  if (platform.os === 'darwin' || platform.os === 'win32') {
    const verifierText = msg(platform.os === 'darwin' ? 'probe.trust.darwin' : 'probe.trust.win32');
    const sourceText = msg('probe.trust.approximated', { verifier: verifierText });
    return {
      source: render(sourceText, 'en'),
      sourceText,
      verifierText,
      fromEnv: false,
      approximate: true,
      certCount: 0,
      files: [],
      problems: [],
      problemsText: [],
      secureContext: tls.createSecureContext({}),
      derSet: new Set(),
    };
  }
  const bsd = ['freebsd', 'openbsd', 'netbsd'].includes(platform.os);
  const envFile = platform.env.SSL_CERT_FILE ?? '';
  const envDir = platform.env.SSL_CERT_DIR ?? '';
  const files = envFile !== '' ? [envFile] : [...(options.certFiles ?? (bsd ? BSD_CERT_FILES : LINUX_CERT_FILES))];
  const dirs = envDir !== '' ? envDir.split(':') : [...(options.certDirs ?? (bsd ? BSD_CERT_DIRS : LINUX_CERT_DIRS))];

  const problems: Message[] = [];
  const read: string[] = [];
  const blocks: string[] = [];

  // First readable bundle wins, as in Go.
  let bundle: string | undefined;
  for (const file of files) {
    try {
      const text = await readFile(file, 'latin1');
      bundle = file;
      read.push(file);
      blocks.push(...pemCertificates(text));
      break;
    } catch (err) {
      if (envFile !== '')
        problems.push(
          msg('probe.trust.fileUnreadable', { file, code: (err as NodeJS.ErrnoException).code ?? 'error' }),
        );
    }
  }
  const dirsRead: string[] = [];
  const perDir = await Promise.all(dirs.map((d) => readCertDir(d)));
  perDir.forEach((r, i) => {
    if (r.error) {
      if (envDir !== '') problems.push(msg('probe.trust.dirUnreadable', { dir: dirs[i]!, code: r.error }));
      return;
    }
    dirsRead.push(dirs[i]!);
    read.push(...r.files);
    blocks.push(...r.blocks);
  });

  // Go appends duplicates harmlessly; OpenSSL's cost is per certificate, so dedupe first.
  const derSet = new Set<string>();
  const unique: string[] = [];
  for (const b of blocks) {
    const der = pemBody(b);
    if (der !== '' && !derSet.has(der)) {
      derSet.add(der);
      unique.push(b);
    }
  }
  if (unique.length === 0) {
    problems.push(msg('probe.trust.empty'));
  }
  const parts: Param[] = [];
  parts.push(envFile !== '' ? `SSL_CERT_FILE=${envFile}` : (bundle ?? msg('probe.trust.noBundle')));
  if (envDir !== '') parts.push(`SSL_CERT_DIR=${envDir}`);
  else if (dirsRead.length > 0) parts.push(dirsRead.join(', '));
  const sourceText = verbatim(alternatives(parts, 'and'));
  return {
    source: render(sourceText, 'en'),
    sourceText,
    fromEnv: envFile !== '' || envDir !== '',
    approximate: false,
    certCount: unique.length,
    files: read,
    problems: problems.map((p) => render(p, 'en')),
    problemsText: problems,
    // An explicit `ca` replaces Node's roots (and NODE_EXTRA_CA_CERTS), as Go's pool replaces them.
    secureContext: tls.createSecureContext({ ca: unique }),
    derSet,
  };
}

async function readCertDir(dir: string): Promise<{ files: string[]; blocks: string[]; error?: string }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    return { files: [], blocks: [], error: (err as NodeJS.ErrnoException).code ?? 'error' };
  }
  const results = await Promise.all(
    entries.map(async (e) => {
      const full = path.join(dir, e.name);
      if (e.isSymbolicLink()) {
        // Go skips links whose target has no slash: hash links to a file already in this dir.
        try {
          if (!(await readlink(full)).includes('/')) return undefined;
        } catch {
          return undefined;
        }
      }
      try {
        return { file: full, blocks: pemCertificates(await readFile(full, 'latin1')) };
      } catch {
        return undefined; // directories, dangling links, unreadable files: Go ignores them too
      }
    }),
  );
  const files: string[] = [];
  const blocks: string[] = [];
  for (const r of results) {
    if (!r) continue;
    files.push(r.file);
    blocks.push(...r.blocks);
  }
  return { files, blocks };
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;

/** The CERTIFICATE blocks of a PEM text (Go's AppendCertsFromPEM ignores every other block). */
export function pemCertificates(text: string): string[] {
  return text.match(PEM_CERT) ?? [];
}

function pemBody(pem: string): string {
  return pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
}

// ---------------------------------------------------------------------------------------------
// Node's default view, judged offline on a chain captured during the handshake.

interface RootIndex {
  der: Set<string>;
  bySubject: Map<string, X509Certificate[]>;
}

/** Node's roots never change within a process: parse them once, on first need (~50 ms). */
let nodeRootsParsed: X509Certificate[] | undefined;
const extraCache = new Map<string, Promise<string[]>>();

async function nodeRootIndex(env: NodeJS.ProcessEnv): Promise<RootIndex> {
  nodeRootsParsed ??= tls.rootCertificates.map((p) => new X509Certificate(p));
  const extraFile = env.NODE_EXTRA_CA_CERTS ?? '';
  let extra: string[] = [];
  if (extraFile !== '') {
    if (!extraCache.has(extraFile)) {
      extraCache.set(
        extraFile,
        readFile(extraFile, 'latin1').then(pemCertificates, () => []),
      );
    }
    extra = await extraCache.get(extraFile)!;
  }
  const certs = [...nodeRootsParsed];
  for (const p of extra) {
    try {
      certs.push(new X509Certificate(p));
    } catch {
      // Node skips what it cannot parse
    }
  }
  return indexRoots(certs);
}

function indexRoots(certs: readonly X509Certificate[]): RootIndex {
  const der = new Set<string>();
  const bySubject = new Map<string, X509Certificate[]>();
  for (const c of certs) {
    der.add(c.raw.toString('base64'));
    const list = bySubject.get(c.subject) ?? [];
    list.push(c);
    bySubject.set(c.subject, list);
  }
  return { der, bySubject };
}

/**
 * Whether `chain` (leaf first, as the server presented it) leads to one of `roots`: each link
 * checked by name and signature. Dates and host names are not considered (same for Go and Node).
 */
export function chainLeadsTo(chain: readonly X509Certificate[], roots: RootIndex): boolean {
  let cur = chain[0];
  const pool = chain.slice(1);
  for (let depth = 0; cur && depth < 10; depth++) {
    if (roots.der.has(cur.raw.toString('base64'))) return true;
    const c: X509Certificate = cur;
    for (const r of roots.bySubject.get(c.issuer) ?? []) {
      if (c.checkIssued(r) && safeVerify(c, r)) return true;
    }
    const next = pool.find((p) => p !== c && c.checkIssued(p) && safeVerify(c, p));
    if (!next) return false;
    cur = next;
  }
  return false;
}

function safeVerify(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Whether Node's default CA list (tls.rootCertificates + NODE_EXTRA_CA_CERTS) accepts the chain. */
export async function nodeTrustsChain(chain: readonly X509Certificate[], env: NodeJS.ProcessEnv): Promise<boolean> {
  if (chain.length === 0) return false;
  // Fast path without parsing Node's roots: a chain that contains one of them.
  const fast = nodeRootDerSet();
  if (chain.some((c) => fast.has(c.raw.toString('base64')))) return true;
  return chainLeadsTo(chain, await nodeRootIndex(env));
}

let nodeDer: Set<string> | undefined;
function nodeRootDerSet(): Set<string> {
  nodeDer ??= new Set(tls.rootCertificates.map(pemBody));
  return nodeDer;
}

/**
 * How Node's default view differs from Go's verdict on a chain, as a sentence for a finding, or
 * undefined when they agree (or when the comparison means nothing: macOS/Windows).
 */
export async function trustDifference(
  chain: readonly X509Certificate[],
  goTrusts: boolean,
  trust: GoTrust,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const text = await trustDifferenceText(chain, goTrusts, trust, env);
  return text && render(text, 'en');
}

/** trustDifference as a catalog Message. */
export async function trustDifferenceText(
  chain: readonly X509Certificate[],
  goTrusts: boolean,
  trust: GoTrust,
  env: NodeJS.ProcessEnv,
): Promise<Message | undefined> {
  if (trust.approximate || chain.length === 0) return undefined;
  const node = await nodeTrustsChain(chain, env);
  if (node === goTrusts) return undefined;
  return msg(node ? 'net.trustDiff.nodeOnly' : 'net.trustDiff.goOnly', { source: trust.source });
}

/** `CN=Corp CA\nO=Example` → `Corp CA (Example)`: a distinguished name as people say it. */
export function displayName(dn: string): string {
  const parts = new Map<string, string>();
  for (const line of dn.split(/\n|,\s*(?=[A-Z]+=)/)) {
    const eq = line.indexOf('=');
    if (eq > 0)
      parts.set(
        line.slice(0, eq).trim(),
        line
          .slice(eq + 1)
          .trim()
          .replace(/\\,/g, ','),
      );
  }
  const cn = parts.get('CN');
  const o = parts.get('O');
  if (cn && o && o !== cn) return `${cn} (${o})`;
  return cn ?? o ?? dn.replace(/\n/g, ', ');
}
