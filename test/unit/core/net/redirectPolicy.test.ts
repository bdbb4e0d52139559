// The redirect and credential rules of every HTTP request, against local HTTPS/HTTP servers: a
// trust-carrying request (release index, checksum database) never follows a redirect down to
// http, a loop ends in an error, the final URL is what is reported, and URL credentials reach
// only their own origin, over https only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import type * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { DoctorError } from '../../../../src/core/errors';
import { parseGoproxy } from '../../../../src/core/go/goproxy';
import { createDispatcher } from '../../../../src/core/net/dispatcher';
import { undiciGet } from '../../../../src/core/net/httpGet';
import { fetchReleaseIndex } from '../../../../src/core/toolchain/release/officialIndex';
import { downloadModuleZip } from '../../../../src/core/toolchain/module/download';
import { DEFAULT_TIMEOUTS } from '../../../../src/core/toolchain/timeouts';
import { testCerts } from '../../../support/certs';
import { startHttpServer, startHttpsServer, type StartedServer } from '../../../support/servers';
import { releaseIndex } from '../../../support/toolchainArchive';

const INDEX = JSON.stringify(
  releaseIndex([
    {
      version: 'go1.22.5',
      files: [
        {
          filename: 'go1.22.5.linux-amd64.tar.gz',
          os: 'linux',
          arch: 'amd64',
          sha256: 'a'.repeat(64),
          size: 1000,
          kind: 'archive',
        },
      ],
    },
  ]),
);
const FORGED = INDEX.replace(/a{64}/, 'b'.repeat(64));
const timeouts = { ...DEFAULT_TIMEOUTS, connectMs: 3000, headersMs: 3000, stallMs: 3000, indexMs: 5000 };

interface Seen {
  path: string;
  authorization: string | undefined;
}

describe('net redirect policy and URL credentials', () => {
  const servers: StartedServer[] = [];
  let secureContext: tls.SecureContext;
  let cert: { cert: string; key: string };

  before(async () => {
    const certs = await testCerts();
    secureContext = tls.createSecureContext({ ca: certs.ca.cert });
    cert = certs.valid;
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  /** A server answering from `routes` (path -> [status, body or Location]) and recording requests. */
  async function server(kind: 'http' | 'https', routes: (base: string) => Record<string, [number, string]>) {
    const seen: Seen[] = [];
    let base = '';
    const handler: http.RequestListener = (req, res) => {
      const p = (req.url ?? '/').split('?')[0]!;
      seen.push({ path: p, authorization: req.headers.authorization });
      const route = routes(base)[p];
      if (!route) return void res.writeHead(404).end();
      const [status, text] = route;
      if (status >= 300 && status < 400) res.writeHead(status, { location: text }).end();
      else res.writeHead(status, { 'content-type': 'application/json' }).end(text);
    };
    const s = kind === 'https' ? await startHttpsServer(handler, cert) : await startHttpServer(handler);
    base = s.url;
    servers.push(s);
    return { url: s.url, seen };
  }

  function dispatcher() {
    return createDispatcher({ env: {} }, timeouts, { secureContext });
  }

  async function indexFailure(dlBase: string): Promise<string> {
    try {
      await fetchReleaseIndex({ dlBases: [dlBase], dispatcher: dispatcher(), timeouts });
    } catch (err) {
      assert.ok(err instanceof DoctorError, String(err));
      assert.equal(err.code, 'toolchain.indexUnavailable');
      return err.message;
    }
    assert.fail('the index was accepted');
  }

  it('refuses a release index that redirects from https to http, without requesting the http URL', async () => {
    const plain = await server('http', () => ({ '/dl/': [200, FORGED] }));
    const tls = await server('https', () => ({ '/dl/': [302, `${plain.url}/dl/?mode=json&include=all`] }));
    const message = await indexFailure(`${tls.url}/dl/`);
    assert.match(message, /redirected to http:\/\/127\.0\.0\.1:\d+\/dl\/\?mode=json&include=all, which is not https/);
    assert.equal(plain.seen.length, 0, 'the http URL is never requested');
  });

  it('ends a redirect loop with an error naming it', async () => {
    const loop = await server('https', (b) => ({
      '/dl/': [302, `${b}/a`],
      '/a': [302, `${b}/dl/?mode=json&include=all`],
    }));
    const message = await indexFailure(`${loop.url}/dl/`);
    assert.match(
      message,
      /redirected back to https:\/\/127\.0\.0\.1:\d+\/dl\/\?mode=json&include=all: a redirect loop/,
    );
  });

  it('follows a cross-origin https redirect and reports the URL that served the index', async () => {
    const cdn = await server('https', () => ({ '/index.json': [200, INDEX] }));
    const dl = await server('https', () => ({ '/dl/': [302, `${cdn.url}/index.json`] }));
    const index = await fetchReleaseIndex({ dlBases: [`${dl.url}/dl/`], dispatcher: dispatcher(), timeouts });
    assert.equal(index.url, `${cdn.url}/index.json`);
    assert.equal(index.base, `${dl.url}/dl/`);
  });

  it('makes the checksum-database client refuse an https -> http redirect (installer dispatcher)', async () => {
    const plain = await server('http', () => ({ '/lookup/m@v1': [200, 'forged'] }));
    const db = await server('https', () => ({ '/lookup/m@v1': [302, `${plain.url}/lookup/m@v1`] }));
    const get = undiciGet(dispatcher());
    await assert.rejects(
      get(new URL(`${db.url}/lookup/m@v1`), { timeoutMs: 5000, maxBytes: 1000 }),
      /which is not https/,
    );
    assert.equal(plain.seen.length, 0);
  });

  it('reports the final URL of a followed redirect from httpGet', async () => {
    const db = await server('https', (b) => ({ '/old': [301, `${b}/new`], '/new': [200, 'tile'] }));
    const r = await undiciGet(dispatcher())(new URL(`${db.url}/old`), { timeoutMs: 5000, maxBytes: 1000 });
    assert.equal(r.url.href, `${db.url}/new`);
    assert.equal(r.body.toString(), 'tile');
  });

  describe('GOPROXY credentials on the module-zip route (install --via-proxy)', () => {
    let tmp: string;
    const ZIP = Buffer.from('PK zip bytes');
    const RESOURCE = '/golang.org/toolchain/@v/v0.0.1-go1.22.5.linux-amd64.zip';
    const AUTH = `Basic ${Buffer.from('user:s3cret').toString('base64')}`;

    beforeEach(async () => {
      tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-netcreds-'));
    });
    afterEach(async () => {
      await fs.rm(tmp, { recursive: true, force: true });
    });

    function download(goproxy: string) {
      return downloadModuleZip({
        modulePath: 'golang.org/toolchain',
        version: 'v0.0.1-go1.22.5.linux-amd64',
        proxies: parseGoproxy(goproxy),
        partialPath: path.join(tmp, 'zip.partial'),
        dispatcher: dispatcher(),
        timeouts: { ...timeouts, retryBaseMs: 10, retryMaxMs: 20 },
      });
    }

    /** A private module proxy: 401 without the right basic credentials. */
    async function privateProxy(redirectTo?: string) {
      const seen: Seen[] = [];
      const s = await startHttpsServer((req, res) => {
        seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
        if (req.headers.authorization !== AUTH) return void res.writeHead(401).end();
        if (redirectTo) return void res.writeHead(302, { location: `${redirectTo}${req.url ?? ''}` }).end();
        res.writeHead(200, { 'content-length': String(ZIP.length) }).end(ZIP);
      }, cert);
      servers.push(s);
      return { url: s.url, seen };
    }

    it('sends the userinfo of an https GOPROXY entry as basic auth', async () => {
      const proxy = await privateProxy();
      const out = await download(`https://user:s3cret@${proxy.url.slice('https://'.length)}`);
      assert.deepEqual(await fs.readFile(out.file), ZIP);
      assert.equal(proxy.seen[0]!.authorization, AUTH);
      assert.doesNotMatch(out.source, /s3cret/);
    });

    it('drops the credentials on a redirect to another origin', async () => {
      const cdn = await server('https', () => ({ [RESOURCE]: [200, ZIP.toString()] }));
      const proxy = await privateProxy(cdn.url);
      await download(`https://user:s3cret@${proxy.url.slice('https://'.length)}`);
      assert.equal(proxy.seen[0]!.authorization, AUTH);
      assert.equal(cdn.seen.length, 1);
      assert.equal(cdn.seen[0]!.authorization, undefined, 'the other origin never sees the credentials');
    });

    it('refuses to send credentials over plain http, loopback included, as the go command does', async () => {
      const plain = await server('http', () => ({ [RESOURCE]: [200, ZIP.toString()] }));
      await assert.rejects(
        download(`http://user:s3cret@${plain.url.slice('http://'.length)}`),
        /refusing to pass credentials to insecure URL http:\/\/\*\*\*@127\.0\.0\.1/,
      );
      assert.equal(plain.seen.length, 0, 'nothing is sent');
    });
  });
});
