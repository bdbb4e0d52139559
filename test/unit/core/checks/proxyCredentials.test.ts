// GOPROXY credentials over plain http: the go command refuses to send them (and so makes no request
// at all), loopback included; the doctor does the same and says so. Over https they are sent.
import * as assert from 'node:assert/strict';
import { parseGoproxy } from '../../../../src/core/go/goproxy';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { runProxyCheck } from '../../../../src/core/checks/proxyCheck';
import { ids, only, serverPool } from '../../../support/findingAsserts';
import { testCerts } from '../../../support/certs';
import { testNet, removeNetTestFiles } from '../../../support/netEnv';
import { goproxyHandler, startHttpServer, startHttpsServer } from '../../../support/servers';

after(removeNetTestFiles);

describe('checks/proxy: credentials in a GOPROXY URL', () => {
  const keep = serverPool();
  const AUTH = `Basic ${Buffer.from('user:s3cret').toString('base64')}`;

  /** The GOPROXY handler, recording the Authorization header of every request. */
  function recording(): { handler: http.RequestListener; seen: (string | undefined)[] } {
    const seen: (string | undefined)[] = [];
    const inner = goproxyHandler();
    return {
      seen,
      handler: (req, res) => {
        seen.push(req.headers.authorization);
        inner(req, res);
      },
    };
  }

  const run = async (goproxy: string) =>
    (await runProxyCheck({ goproxy: parseGoproxy(goproxy), extraMirrors: [], net: await testNet() })).findings;

  it('proxy.insecureCredentials: an http:// entry with user:password is not contacted, and the finding says why', async () => {
    const r = recording();
    const s = keep(await startHttpServer(r.handler));
    const fs = await run(`http://user:s3cret@127.0.0.1:${s.port}`);
    const f = only(fs, 'proxy.insecureCredentials');
    assert.match(f.detail, /refusing to pass credentials to insecure URL http:\/\/\*\*\*@127\.0\.0\.1/);
    assert.match(f.detail, /the doctor did not send them either/);
    assert.match(f.detail, /Use the proxy's https:\/\/ URL/);
    assert.doesNotMatch(JSON.stringify(fs), /s3cret/);
    assert.deepEqual(r.seen, [], 'no request reached the server, so no credentials did');
  });

  it('agrees with the real go command, which refuses before sending anything', async function () {
    this.timeout(60_000);
    const r = recording();
    const s = keep(await startHttpServer(r.handler));
    const home = await mkdtemp(path.join(os.tmpdir(), 'ged-gocreds-'));
    try {
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: home,
        GOPATH: path.join(home, 'gopath'),
        GOCACHE: path.join(home, 'cache'),
        GOFLAGS: '-modcacherw',
        GOPROXY: `http://user:s3cret@127.0.0.1:${s.port}`,
        GONOSUMDB: '*',
        GOTOOLCHAIN: 'local',
      };
      const out = await promisify(execFile)('/usr/bin/go', ['list', '-m', 'golang.org/x/text@latest'], {
        env,
        cwd: home,
      }).then(
        () => '',
        (err: { stderr?: string }) => err.stderr ?? '',
      );
      assert.match(out, /refusing to pass credentials to insecure URL/);
      assert.deepEqual(r.seen, []);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it('sends them over https, and the finding is gone', async () => {
    const certs = await testCerts();
    const r = recording();
    const s = keep(await startHttpsServer(r.handler, certs.valid));
    const fs = await run(`https://user:s3cret@localhost:${s.port}`);
    assert.deepEqual(ids(fs), ['proxy.ok']);
    assert.ok(r.seen.length > 0 && r.seen.every((a) => a === AUTH), JSON.stringify(r.seen));
  });
});
