// Test certificates generated at run time (ECDSA P-256): a trusted test CA, leaf certificates that
// are valid / expired / not yet valid / for the wrong host / self-signed, and an "intercepting" CA
// that nobody trusts. Generated once per test run; PEMs are written to a temp dir so SSL_CERT_FILE
// and SSL_CERT_DIR can point at them.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 24 * 3600 * 1000;

/** Names every "valid" leaf covers: loopback plus the `*.test` hosts the CONNECT proxy maps. */
export const TEST_HOSTS = [
  'localhost',
  'mirror.test',
  'goproxy.test',
  'sum.test',
  'a.test',
  'b.test',
  'c.test',
  'd.test',
];
export const TEST_IPS = ['127.0.0.1', '::1'];

export interface KeyPair {
  cert: string;
  key: string;
}

export interface TestCerts {
  dir: string;
  /** The trusted test CA, PEM, and the file holding it (point SSL_CERT_FILE here). */
  ca: KeyPair & { file: string; name: string };
  /** A CA nobody trusts, as a TLS-intercepting corporate proxy would use. */
  interceptCa: KeyPair & { file: string; name: string };
  valid: KeyPair;
  expired: KeyPair & { notAfter: Date };
  /** Valid now, expiring in five days. */
  expiresSoon: KeyPair & { notAfter: Date };
  notYetValid: KeyPair & { notBefore: Date };
  wrongHost: KeyPair;
  selfSigned: KeyPair;
  /** Leaf for the TEST_HOSTS issued by the intercepting CA, chained with that CA. */
  intercepted: KeyPair;
}

let cached: Promise<TestCerts> | undefined;

/** The test certificates, generated on first use and shared by every test of the run. */
export function testCerts(): Promise<TestCerts> {
  cached ??= generate();
  return cached;
}

/** Removes the temp dir (mocha root hook or last test; harmless to skip: it lives in tmp). */
export async function removeTestCerts(): Promise<void> {
  if (!cached) return;
  const c = await cached;
  cached = undefined;
  await rm(c.dir, { recursive: true, force: true });
}

/** A temp dir holding only `files` (name → PEM), e.g. for SSL_CERT_DIR tests. */
export async function writeCertDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ged-certdir-'));
  for (const [name, pem] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), pem);
  }
  return dir;
}

async function generate(): Promise<TestCerts> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const now = Date.now();
  const ca = await makeCa('Go Env Doctor Test CA');
  const intercept = await makeCa('Corp Intercept CA', 'Example Corp Security');
  const sanAll = [
    ...TEST_HOSTS.map((value) => ({ type: 'dns' as const, value })),
    ...TEST_IPS.map((value) => ({ type: 'ip' as const, value })),
  ];

  const valid = await makeLeaf(ca, 'localhost', sanAll, new Date(now - DAY), new Date(now + 30 * DAY));
  const expiredAfter = new Date(now - 10 * 60 * 1000);
  const expired = await makeLeaf(ca, 'localhost', sanAll, new Date(now - 30 * DAY), expiredAfter);
  const soonAfter = new Date(now + 5 * DAY + 3600 * 1000);
  const expiresSoon = await makeLeaf(ca, 'localhost', sanAll, new Date(now - DAY), soonAfter);
  const futureBefore = new Date(now + 10 * 60 * 1000);
  const notYetValid = await makeLeaf(ca, 'localhost', sanAll, futureBefore, new Date(now + 30 * DAY));
  const wrongHost = await makeLeaf(
    ca,
    'wrong.test',
    [{ type: 'dns', value: 'wrong.test' }],
    new Date(now - DAY),
    new Date(now + 30 * DAY),
  );
  const intercepted = await makeLeaf(intercept, 'localhost', sanAll, new Date(now - DAY), new Date(now + 30 * DAY));
  const selfSigned = await makeSelfSignedLeaf(sanAll, new Date(now - DAY), new Date(now + 30 * DAY));

  const dir = await mkdtemp(path.join(os.tmpdir(), 'ged-certs-'));
  const caFile = path.join(dir, 'test-ca.pem');
  const interceptFile = path.join(dir, 'intercept-ca.pem');
  await writeFile(caFile, ca.cert);
  await writeFile(interceptFile, intercept.cert);
  return {
    dir,
    ca: { cert: ca.cert, key: ca.key, file: caFile, name: 'Go Env Doctor Test CA' },
    interceptCa: { cert: intercept.cert, key: intercept.key, file: interceptFile, name: 'Corp Intercept CA' },
    valid,
    expired: { ...expired, notAfter: expiredAfter },
    expiresSoon: { ...expiresSoon, notAfter: soonAfter },
    notYetValid: { ...notYetValid, notBefore: futureBefore },
    wrongHost,
    selfSigned,
    // Intercepting proxies usually send their CA along with the forged leaf.
    intercepted: { cert: `${intercepted.cert.trim()}\n${intercept.cert.trim()}\n`, key: intercepted.key },
  };
}

interface Ca extends KeyPair {
  x: x509.X509Certificate;
  keys: webcrypto.CryptoKeyPair;
}

let serial = 1;
function nextSerial(): string {
  serial += 1;
  return serial.toString(16).padStart(4, '0');
}

async function makeCa(cn: string, org?: string): Promise<Ca> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const now = Date.now();
  const x = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: org ? `CN=${cn}, O=${org}` : `CN=${cn}`,
    notBefore: new Date(now - 2 * DAY),
    notAfter: new Date(now + 365 * DAY),
    signingAlgorithm: ALG,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { x, keys, cert: x.toString('pem'), key: await pemKey(keys.privateKey) };
}

async function makeLeaf(
  ca: Ca,
  cn: string,
  san: { type: 'dns' | 'ip'; value: string }[],
  notBefore: Date,
  notAfter: Date,
): Promise<KeyPair> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const x = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: `CN=${cn}`,
    issuer: ca.x.subject,
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions: [
      new x509.SubjectAlternativeNameExtension(san),
      new x509.BasicConstraintsExtension(false),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
    ],
  });
  return { cert: x.toString('pem'), key: await pemKey(keys.privateKey) };
}

async function makeSelfSignedLeaf(
  san: { type: 'dns' | 'ip'; value: string }[],
  notBefore: Date,
  notAfter: Date,
): Promise<KeyPair> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const x = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: 'CN=Captive Portal Login',
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
    keys,
    extensions: [new x509.SubjectAlternativeNameExtension(san), new x509.BasicConstraintsExtension(false)],
  });
  return { cert: x.toString('pem'), key: await pemKey(keys.privateKey) };
}

async function pemKey(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN PRIVATE KEY-----\n${b64}-----END PRIVATE KEY-----\n`;
}
