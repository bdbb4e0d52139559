import * as assert from 'node:assert/strict';
import { parseGoproxy } from '../../../../src/core/go/goproxy';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseLatest, runProxyCheck } from '../../../../src/core/checks/proxyCheck';
import { ids, only, serverPool } from '../../../support/findingAsserts';
import { testCerts, type TestCerts, type KeyPair } from '../../../support/certs';
import { testNet, removeNetTestFiles } from '../../../support/netEnv';
import {
  goproxyHandler,
  refusedPort,
  startConnectProxy,
  startCutBodyServer,
  startDelayedProxy,
  startHttpServer,
  startHttpsServer,
  startSilentServer,
  type GoproxyOptions,
} from '../../../support/servers';

// Root-level: runs once after every suite of the run (idempotent), so temp files do not pile up.
after(removeNetTestFiles);

describe('checks/proxy (GOPROXY entries)', () => {
  let certs: TestCerts;
  const keep = serverPool();
  const https = async (cert: KeyPair, o: GoproxyOptions = {}): Promise<string> => {
    const s = keep(await startHttpsServer(goproxyHandler(o), cert));
    return `https://localhost:${s.port}`;
  };
  const http = async (o: GoproxyOptions = {}): Promise<string> => keep(await startHttpServer(goproxyHandler(o))).url;
  const run = async (
    goproxy: string,
    o: { timeoutMs?: number; env?: NodeJS.ProcessEnv; extraMirrors?: string[]; slowMs?: number } = {},
  ) =>
    (
      await runProxyCheck({
        goproxy: parseGoproxy(goproxy),
        extraMirrors: o.extraMirrors ?? [],
        net: await testNet(o),
        ...(o.slowMs ? { slowMs: o.slowMs } : {}),
      })
    ).findings;

  before(async () => {
    certs = await testCerts();
  });

  it('proxy.ok: a working HTTPS proxy, with per-step timings', async () => {
    const url = await https(certs.valid);
    const fs = await run(`${url},direct`);
    const f = only(fs, 'proxy.ok');
    assert.equal(f.severity, 'ok');
    assert.equal(f.subject, url);
    assert.match(f.detail, /golang\.org\/x\/text@latest is v0\.21\.0/);
    assert.match(f.detail, /DNS \d+ ms, connect \d+ ms, TLS \d+ ms, HTTP \d+ ms/);
    assert.equal(typeof f.durationMs, 'number');
    assert.deepEqual(ids(fs), ['proxy.ok']);
  });

  it('proxy.dns: a host that does not resolve; `,direct` does not save it', async () => {
    const fs = await run('https://goproxy.example.invalid,direct');
    const f = only(fs, 'proxy.dns');
    assert.equal(f.severity, 'error');
    assert.match(f.detail, /goproxy\.example\.invalid does not resolve/);
    assert.match(f.detail, /only when this proxy answers 404 or 410/);
    // `|direct` is not offered: nothing shows that the origins answer from here.
    assert.ok(!f.fixes?.some((x) => x.command.includes('|direct')), JSON.stringify(f.fixes));
    assert.ok(f.fixes?.some((x) => x.action?.kind === 'setProxyAuto'));
  });

  it('proxy.dns is only a warning when `|` falls through to a working entry, and absent when fixed', async () => {
    const good = await http();
    const fs = await run(`https://goproxy.example.invalid|${good}`);
    assert.equal(only(fs, 'proxy.dns').severity, 'warning');
    assert.match(only(fs, 'proxy.dns').detail, /falls through to the next entry/);
    const fixed = await run(`${good},direct`);
    assert.deepEqual(ids(fixed), ['proxy.ok']);
  });

  it('proxy.refused, and proxy.ok once something listens', async () => {
    const port = await refusedPort();
    const fs = await run(`http://127.0.0.1:${port}`);
    const f = only(fs, 'proxy.refused');
    assert.equal(f.severity, 'error');
    assert.match(f.detail, /ECONNREFUSED/);
    assert.match(f.detail, /last entry of GOPROXY/);
    assert.ok(!ids(await run(await http())).includes('proxy.refused'));
  });

  it('proxy.timeout: a server that accepts and never answers, within the timeout', async () => {
    const silent = keep(await startSilentServer());
    const t = Date.now();
    const fs = await run(`${silent.url},direct`, { timeoutMs: 300 });
    assert.ok(Date.now() - t < 900, `took ${Date.now() - t} ms`);
    const f = only(fs, 'proxy.timeout');
    assert.equal(f.severity, 'error');
    assert.match(f.detail, /did not answer within 300 ms/);
    assert.ok(!ids(await run(`${await http()},direct`, { timeoutMs: 300 })).includes('proxy.timeout'));
  });

  it('proxy.httpStatus: 503 is an error; 404 falls through even after `,`', async () => {
    const down = await http({ status: 503 });
    const f = only(await run(`${down},direct`), 'proxy.httpStatus');
    assert.equal(f.severity, 'error');
    assert.match(f.detail, /answered HTTP 503/);
    const missing = await http({ status: 404 });
    const g = only(await run(`${missing},direct`), 'proxy.httpStatus');
    assert.equal(g.severity, 'warning');
    assert.match(g.detail, /does not serve golang\.org\/x\/text/);
    assert.ok(!ids(await run(`${await http()},direct`)).includes('proxy.httpStatus'));
  });

  it('proxy.badResponse: a captive portal answering 200 with HTML is not a success', async () => {
    const portal = await http({ captivePortal: true });
    const f = only(await run(`${portal},direct`), 'proxy.badResponse');
    assert.equal(f.severity, 'error');
    assert.match(f.detail, /HTML page \("Hotel WiFi - Sign in"\)/);
    assert.match(f.detail, /captive portal/);
    assert.ok(!ids(await run(`${await http()},direct`)).includes('proxy.badResponse'));
  });

  it('proxy.badResponse: a body cut midway', async () => {
    const cut = keep(await startCutBodyServer());
    const f = only(await run(cut.url), 'proxy.badResponse');
    assert.match(f.detail, /cut after \d+ bytes/);
  });

  it('proxy.slow: correct but over the threshold is a warning; fast is ok', async () => {
    const slow = keep(await startDelayedProxy(350));
    const f = only(await run(slow.url, { slowMs: 250 }), 'proxy.slow');
    assert.equal(f.severity, 'warning');
    assert.match(f.detail, /slowly \(over 250 ms\)/);
    // The same threshold rule with room to spare, so a loaded machine cannot turn "fast" slow.
    const fast = keep(await startDelayedProxy(0));
    assert.deepEqual(ids(await run(fast.url, { slowMs: 1500 })), ['proxy.ok']);
  });

  const tlsCases: [string, keyof TestCerts, RegExp][] = [
    ['tls.expired', 'expired', /expired on .*this computer's clock says/],
    ['tls.notYetValid', 'notYetValid', /valid only from .*clock is most likely behind/],
    [
      'tls.untrusted',
      'intercepted',
      /issued by "Corp Intercept CA \(Example Corp Security\)", which the go command does not trust.*SSL_CERT_FILE=.*test-ca\.pem/,
    ],
    [
      'tls.hostnameMismatch',
      'wrongHost',
      /certificate for wrong\.test \(issued by Go Env Doctor Test CA\), not for localhost\./,
    ],
  ];
  for (const [id, kind, detail] of tlsCases) {
    it(`${id}: named, explained, and gone with a valid certificate`, async () => {
      const url = await https(certs[kind] as KeyPair);
      const fs = await run(`${url},direct`);
      const f = only(fs, id);
      assert.equal(f.severity, 'error');
      assert.equal(f.subject, url);
      assert.match(f.detail, detail);
      assert.doesNotMatch(JSON.stringify(f), /rejectUnauthorized|GOINSECURE|GOSUMDB=off|-insecure/);
      const fixed = await run(`${await https(certs.valid)},direct`);
      assert.deepEqual(ids(fixed), ['proxy.ok']);
    });
  }

  it('tls.handshake: https:// pointing at a plain HTTP port', async () => {
    const plain = keep(await startHttpServer(goproxyHandler()));
    const f = only(await run(`https://localhost:${plain.port}`), 'tls.handshake');
    assert.equal(f.severity, 'error');
    assert.match(f.detail, /the URL should start with http:\/\//);
    assert.deepEqual(ids(await run(`http://localhost:${plain.port}`)), ['proxy.ok']);
  });

  it('tls.untrusted offers to save the CA to check its fingerprint, never disabling verification', async () => {
    const f = only(await run(`${await https(certs.intercepted)},direct`), 'tls.untrusted');
    assert.match(f.detail, /Do not turn certificate verification off/);
    assert.ok(
      f.fixes?.some((x) => x.action?.kind === 'saveCertificate' && /^go-env-doctor save-cert /.test(x.command)),
    );
  });

  it('tls.untrusted says when Node trusts the CA but Go does not', async () => {
    const url = await https(certs.intercepted);
    const f = only(await run(url, { env: { NODE_EXTRA_CA_CERTS: certs.interceptCa.file } }), 'tls.untrusted');
    assert.match(
      f.detail,
      /Node's built-in CA list \(and so VS Code's own requests\) trusts this certificate, but the go command does not/,
    );
  });

  it('a self-signed certificate is explained as a captive portal', async () => {
    const f = only(await run(await https(certs.selfSigned)), 'tls.untrusted');
    assert.match(f.detail, /self-signed certificate \("Captive Portal Login"\).*captive portal/);
  });

  it('severity follows , and |: an entry behind a working one is a warning', async () => {
    const good = await http();
    const port = await refusedPort();
    const bad = `http://127.0.0.1:${port}`;
    assert.equal(only(await run(`${bad},${good}`), 'proxy.refused').severity, 'error');
    assert.equal(only(await run(`${bad}|${good}`), 'proxy.refused').severity, 'warning');
    const behind = only(await run(`${good},${bad}`), 'proxy.refused');
    assert.equal(behind.severity, 'warning');
    assert.match(behind.detail, /reaches this one only when that entry cannot serve a module/);
    assert.ok(
      behind.fixes?.some(
        (x) => x.command === `go-env-doctor set-proxy --value ${good}` && x.action?.kind === 'setProxy',
      ),
    );
  });

  it('goes through HTTPS_PROXY like the go command, and redacts every credential', async () => {
    const target = keep(await startHttpsServer(goproxyHandler(), certs.valid));
    const proxy = keep(await startConnectProxy({ auth: { user: 'u', pass: 'secret' } }));
    const mirror = `https://u2:secret@mirror.test:${target.port}`;
    const fs = await run(`${mirror},direct`, { env: { HTTPS_PROXY: `http://u:secret@127.0.0.1:${proxy.port}` } });
    const f = only(fs, 'proxy.ok');
    assert.match(f.detail, new RegExp(`through http://\\*\\*\\*@127\\.0\\.0\\.1:${proxy.port} \\(HTTPS_PROXY\\)`));
    assert.equal(f.subject, `https://***@mirror.test:${target.port}`);
    assert.doesNotMatch(JSON.stringify(fs), /secret|u2:/);
    assert.deepEqual(proxy.requests, [`mirror.test:${target.port}`]);
  });

  it('extra mirrors are info findings, and a working one is offered as the fix', async () => {
    const port = await refusedPort();
    const good = await http();
    const fs = await run(`http://127.0.0.1:${port},direct`, { extraMirrors: [good, 'https://mirror.example.invalid'] });
    const refused = only(fs, 'proxy.refused');
    assert.equal(refused.severity, 'error');
    assert.ok(
      refused.fixes?.some(
        (x) => x.command === `go-env-doctor set-proxy --value ${good},direct` && x.action?.kind === 'setProxy',
      ),
      JSON.stringify(refused.fixes),
    );
    const mirrorOk = fs.find((f) => f.subject === good)!;
    assert.equal(mirrorOk.id, 'proxy.ok');
    assert.equal(mirrorOk.severity, 'info');
    assert.match(mirrorOk.title, /not in GOPROXY/);
    const mirrorBad = fs.find((f) => f.subject === 'https://mirror.example.invalid')!;
    assert.equal(mirrorBad.id, 'proxy.dns');
    assert.equal(mirrorBad.severity, 'info');
  });

  it('file:// entries are checked on disk, without the network', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ged-modcache-'));
    try {
      const ok = only(await run(`${pathToFileURL(dir).href},direct`), 'proxy.ok');
      assert.match(ok.detail, /read directly \(no network\)/);
      const missing = await run(`${pathToFileURL(path.join(dir, 'nope')).href},direct`);
      const f = only(missing, 'proxy.fileUnavailable');
      assert.equal(f.severity, 'warning', 'a missing directory reads as "not found": go moves on to direct');
      assert.match(f.detail, /no such directory/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('parseLatest accepts only the proxy protocol JSON', () => {
    assert.deepEqual(parseLatest('{"Version":"v0.3.0","Time":"2024-01-02T03:04:05Z"}'), {
      Version: 'v0.3.0',
      Time: '2024-01-02T03:04:05Z',
    });
    assert.equal(parseLatest('{"Version":"0.3.0","Time":"2024-01-02T03:04:05Z"}'), undefined);
    assert.equal(parseLatest('{"Version":"v0.3.0","Time":"yesterday"}'), undefined);
    assert.equal(parseLatest('<html></html>'), undefined);
  });
});
