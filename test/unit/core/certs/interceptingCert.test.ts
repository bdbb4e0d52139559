import * as assert from 'node:assert/strict';
import { parseGoproxy } from '../../../../src/core/go/goproxy';
import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { runProxyCheck } from '../../../../src/core/checks/proxyCheck';
import { saveInterceptingCertificate } from '../../../../src/core/certs/interceptingCert';
import { DoctorError } from '../../../../src/core/errors';
import { redactFinding } from '../../../../src/core/findings';
import { runProcess } from '../../../../src/core/process/run';
import { buildCli, runCli } from '../../../support/cli';
import { testCerts, type TestCerts } from '../../../support/certs';
import { tempDir } from '../../../support/fakeGo';
import { ids, only, serverPool } from '../../../support/findingAsserts';
import { testEnv, testNet, testPlatform } from '../../../support/netEnv';
import { goproxyHandler, startHttpsServer } from '../../../support/servers';

describe('tls.untrusted: saving the intercepting certificate', () => {
  let certs: TestCerts;
  let url: string;
  let fingerprint: string;
  let state: string;
  const keep = serverPool();

  before(async () => {
    certs = await testCerts();
    fingerprint = new X509Certificate(certs.interceptCa.cert).fingerprint256;
  });
  beforeEach(async () => {
    url = `https://localhost:${keep(await startHttpsServer(goproxyHandler(), certs.intercepted)).port}`;
    state = await tempDir('ged-state-');
  });
  afterEach(() => fs.rm(state, { recursive: true, force: true }));

  const check = async (env: NodeJS.ProcessEnv = {}) =>
    (await runProxyCheck({ goproxy: parseGoproxy(url), extraMirrors: [], net: await testNet({ env }) })).findings.map(
      redactFinding,
    );

  it('offers to save the certificate by fingerprint, never a relative file, sudo or a system-wide change', async () => {
    const f = only(await check(), 'tls.untrusted');
    const { text, ...fix } = f.fixes![0]!;
    assert.equal(text?.title.key, 'check.fix.saveCert');
    assert.deepEqual(fix, {
      command: `go-env-doctor save-cert ${url} --sha256 ${fingerprint}`,
      title: `Save the certificate "Corp Intercept CA (Example Corp Security)" (SHA-256 ${fingerprint.slice(0, 23)}…) to check with your IT team`,
      action: { kind: 'saveCertificate', url, sha256: fingerprint },
    });
    assert.match(f.detail, /compare its SHA-256 fingerprint with the one your IT team publishes/);
    assert.doesNotMatch(JSON.stringify(f), /corporate-root-ca|sudo|update-ca-certificates|certutil|add-trusted-cert/);
  });

  it('saves it to an absolute path under the state directory; with SSL_CERT_DIR go then trusts it, as the real go agrees', async () => {
    const env = await testEnv({ XDG_STATE_HOME: state, HOME: state });
    const saved = await saveInterceptingCertificate({
      url,
      sha256: fingerprint,
      platform: testPlatform(env),
      timeoutMs: 5000,
    });
    assert.equal(saved.dir, path.join(state, 'go-env-doctor', 'certs'));
    assert.ok(path.isAbsolute(saved.file) && saved.file.startsWith(saved.dir + path.sep), saved.file);
    assert.equal(saved.sha256, fingerprint);
    assert.equal(saved.name, 'Corp Intercept CA (Example Corp Security)');
    assert.equal(new X509Certificate(await fs.readFile(saved.file)).fingerprint256, fingerprint);

    const trusted = { SSL_CERT_DIR: `${env['SSL_CERT_DIR']}:${saved.dir}` };
    assert.deepEqual(ids(await check(trusted)), ['proxy.ok'], 'tls.untrusted is gone once go trusts the saved file');

    // The real go: unknown authority before, none after.
    const go = async (extra: NodeJS.ProcessEnv) => {
      const r = await runProcess('/usr/bin/go', {
        args: ['list', '-m', 'golang.org/x/text@latest'],
        env: {
          PATH: '/usr/bin:/bin',
          HOME: state,
          GOPATH: path.join(state, 'gopath'),
          GOPROXY: url,
          GONOSUMDB: '*',
          GOFLAGS: '-modcacherw',
          GOTOOLCHAIN: 'local',
          ...env,
          ...extra,
        },
        cwd: state,
        timeoutMs: 30_000,
      });
      return r.kind === 'exited' ? r.stdout + r.stderr : JSON.stringify(r);
    };
    assert.match(await go({}), /x509: certificate signed by unknown authority/);
    assert.doesNotMatch(await go(trusted), /x509/);
  });

  it('refuses a certificate other than the one the diagnosis showed, and saves nothing', async () => {
    const env = await testEnv({ XDG_STATE_HOME: state });
    await assert.rejects(
      saveInterceptingCertificate({ url, sha256: 'AB:CD', platform: testPlatform(env), timeoutMs: 5000 }),
      (e) => e instanceof DoctorError && e.code === 'cert.changed' && e.message.includes(fingerprint),
    );
    await assert.rejects(fs.access(path.join(state, 'go-env-doctor')));
  });

  it('go-env-doctor save-cert prints the path, the fingerprint and what to compare before trusting', async () => {
    await buildCli();
    const env = await testEnv({ XDG_STATE_HOME: state, HOME: state, PATH: '/usr/bin:/bin' });
    const r = await runCli(['save-cert', url, '--sha256', fingerprint], { env, cwd: state });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const file = path.join(state, 'go-env-doctor', 'certs', `${fingerprint.replace(/:/g, '').slice(0, 16)}.pem`);
    assert.match(
      r.stdout,
      new RegExp(
        `Saved "Corp Intercept CA \\(Example Corp Security\\)" to ${file}\\nSHA-256 ${fingerprint}\\nCompare this fingerprint`,
      ),
    );
    assert.match(r.stdout, new RegExp(`export SSL_CERT_DIR=/etc/ssl/certs:${path.dirname(file)}`));
    await fs.access(file);
    const again = await runCli(['save-cert', 'https://localhost:1', '--timeout', '2000'], { env, cwd: state });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /did not present an untrusted certificate/);
  });
});
