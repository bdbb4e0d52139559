import * as assert from 'node:assert/strict';
import { removeNetTestFiles } from '../../../support/netEnv';
import * as tls from 'node:tls';
import * as path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { rm, symlink, mkdir, writeFile } from 'node:fs/promises';
import { displayName, loadGoTrust, nodeTrustsChain, trustDifference } from '../../../../src/core/net/trust';
import { testCerts, writeCertDir, type TestCerts } from '../../../support/certs';

// Root-level: runs once after every suite of the run (idempotent), so temp files do not pile up.
after(removeNetTestFiles);

describe('net/trust (the CA set the go command trusts)', () => {
  let certs: TestCerts;
  const dirs: string[] = [];
  before(async () => {
    certs = await testCerts();
  });
  after(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  /** A TLS handshake against a throwaway server: does this context accept `cert`? */
  async function accepts(ctx: tls.SecureContext, cert: { cert: string; key: string }): Promise<boolean> {
    const server = tls.createServer({ cert: cert.cert, key: cert.key }, (s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      return await new Promise<boolean>((resolve) => {
        const s = tls.connect({ host: 'localhost', port, servername: 'localhost', secureContext: ctx });
        s.once('secureConnect', () => {
          s.destroy();
          resolve(true);
        });
        s.once('error', () => resolve(false));
      });
    } finally {
      server.close();
    }
  }

  it('SSL_CERT_FILE replaces the bundle list and is the only file read', async () => {
    const t = await loadGoTrust({
      os: 'linux',
      env: { SSL_CERT_FILE: certs.ca.file, SSL_CERT_DIR: '/nonexistent-ged' },
    });
    assert.equal(t.certCount, 1);
    assert.deepEqual(t.files, [certs.ca.file]);
    assert.match(t.source, /SSL_CERT_FILE=/);
    assert.equal(t.fromEnv, true);
    assert.equal(await accepts(t.secureContext, certs.valid), true);
    assert.equal(await accepts(t.secureContext, certs.intercepted), false);
  });

  it("does not mix in Node's own roots or NODE_EXTRA_CA_CERTS", async () => {
    const t = await loadGoTrust({
      os: 'linux',
      env: { SSL_CERT_FILE: certs.interceptCa.file, SSL_CERT_DIR: '/nonexistent-ged' },
    });
    assert.equal(await accepts(t.secureContext, certs.valid), false);
  });

  it('reports a missing SSL_CERT_FILE and an empty set', async () => {
    const t = await loadGoTrust({
      os: 'linux',
      env: { SSL_CERT_FILE: '/nonexistent-ged/ca.pem', SSL_CERT_DIR: '/nonexistent-ged' },
    });
    assert.equal(t.certCount, 0);
    assert.match(t.problems.join('\n'), /SSL_CERT_FILE=\/nonexistent-ged\/ca\.pem cannot be read \(ENOENT\)/);
    assert.match(t.problems.join('\n'), /no CA certificates/);
  });

  it('without the variables: first readable bundle of the list, plus every file of the dirs', async () => {
    const d = await writeCertDir({
      'one.pem': certs.ca.cert,
      'two.pem': certs.interceptCa.cert,
      'junk.txt': 'not a cert',
    });
    dirs.push(d);
    const t = await loadGoTrust(
      { os: 'linux', env: {} },
      { certFiles: [path.join(d, 'missing.pem'), path.join(d, 'one.pem'), path.join(d, 'two.pem')], certDirs: [] },
    );
    assert.deepEqual(t.files, [path.join(d, 'one.pem')]);
    assert.equal(t.certCount, 1);
    assert.equal(t.fromEnv, false);

    const sub = path.join(d, 'certs');
    const other = path.join(d, 'elsewhere');
    await mkdir(sub);
    await mkdir(other);
    await writeFile(path.join(sub, 'a.pem'), certs.ca.cert);
    await symlink('a.pem', path.join(sub, 'abcd1234.0')); // same-dir hash link: Go skips it
    await writeFile(path.join(other, 'corp.pem'), certs.interceptCa.cert);
    await symlink(path.join(other, 'corp.pem'), path.join(sub, 'corp.pem')); // link out of the dir: read
    const t2 = await loadGoTrust({ os: 'linux', env: {} }, { certFiles: [], certDirs: [sub] });
    assert.deepEqual(t2.files.map((f) => path.basename(f)).sort(), ['a.pem', 'corp.pem']);
    assert.equal(t2.certCount, 2);
    assert.equal(await accepts(t2.secureContext, certs.intercepted), true);
  });

  it('SSL_CERT_DIR is colon-separated and replaces the dir list; the bundle list still applies', async () => {
    const a = await writeCertDir({ 'a.pem': certs.ca.cert });
    const b = await writeCertDir({ 'b.pem': certs.interceptCa.cert });
    const bundleDir = await writeCertDir({ 'bundle.pem': certs.ca.cert });
    dirs.push(a, b, bundleDir);
    const t = await loadGoTrust(
      { os: 'linux', env: { SSL_CERT_DIR: `${a}:${b}` } },
      { certFiles: [path.join(bundleDir, 'bundle.pem')], certDirs: ['/should-not-be-read'] },
    );
    assert.deepEqual(
      t.files.map((f) => path.basename(f)),
      ['bundle.pem', 'a.pem', 'b.pem'],
    );
    assert.equal(t.certCount, 2, 'duplicates counted once');
    assert.match(t.source, new RegExp(`SSL_CERT_DIR=${a}:${b}`));
  });

  it("on macOS and Windows stands in with Node's defaults and says the verdict is approximate", async () => {
    for (const os of ['darwin', 'win32'] as const) {
      const t = await loadGoTrust({ os, env: { SSL_CERT_FILE: certs.ca.file } });
      assert.equal(t.approximate, true);
      assert.match(t.source, /approximated/);
    }
  });

  it("judges a captured chain with Node's default view, offline", async () => {
    const chain = [new X509Certificate(certs.valid.cert), new X509Certificate(certs.ca.cert)];
    assert.equal(await nodeTrustsChain(chain.slice(0, 1), {}), false);
    assert.equal(await nodeTrustsChain(chain.slice(0, 1), { NODE_EXTRA_CA_CERTS: certs.ca.file }), true);
    assert.equal(await nodeTrustsChain([new X509Certificate(tls.rootCertificates[0]!)], {}), true);
    const goTrust = await loadGoTrust({ os: 'linux', env: { SSL_CERT_FILE: certs.ca.file } });
    assert.match(
      (await trustDifference(chain, true, goTrust, {})) ?? '',
      /go command trusts this certificate .* Node's built-in CA list does not/,
    );
    assert.match(
      (await trustDifference(chain.slice(0, 1), false, goTrust, { NODE_EXTRA_CA_CERTS: certs.ca.file })) ?? '',
      /Node's built-in CA list \(and so VS Code's own requests\) trusts this certificate, but the go command does not/,
    );
    assert.equal(await trustDifference(chain, true, goTrust, { NODE_EXTRA_CA_CERTS: certs.ca.file }), undefined);
  });

  it('names a CA the way people say it', () => {
    assert.equal(displayName('C=US\nO=Example Corp\nCN=Corp Root'), 'Corp Root (Example Corp)');
    assert.equal(displayName('CN=Only'), 'Only');
    assert.equal(displayName('C=US\nO=Entrust\\, Inc.'), 'Entrust, Inc.');
  });
});
