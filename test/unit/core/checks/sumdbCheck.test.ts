import * as assert from 'node:assert/strict';
import { parseGoproxy } from '../../../../src/core/go/goproxy';
import { parseGosumdb } from '../../../../src/core/go/gosumdb';
import type { Finding } from '../../../../src/core/findings';
import { isTreeNote, runSumdbCheck } from '../../../../src/core/checks/sumdbCheck';
import { testCerts, type TestCerts } from '../../../support/certs';
import { testNet, removeNetTestFiles } from '../../../support/netEnv';
import {
  goproxyHandler,
  refusedPort,
  startHttpServer,
  startHttpsServer,
  testVerifierKey,
  treeNote,
  type GoproxyOptions,
  type StartedServer,
} from '../../../support/servers';

const ids = (fs: Finding[]): string[] => fs.map((f) => f.id);
const only = (fs: Finding[], id: string, why = ''): Finding => {
  const hits = fs.filter((f) => f.id === id);
  assert.equal(hits.length, 1, `expected one ${id} in ${JSON.stringify(ids(fs))} ${why}`);
  return hits[0]!;
};

// Database names under `.invalid` resolve nowhere, so a direct attempt never leaves the machine.
const DB = 'sum.example.invalid';

// Root-level: runs once after every suite of the run (idempotent), so temp files do not pile up.
after(removeNetTestFiles);

describe('checks/sumdb (the checksum database)', () => {
  let certs: TestCerts;
  let key: string;
  const servers: StartedServer[] = [];
  const keep = <T extends StartedServer>(s: T): T => (servers.push(s), s);
  const http = async (o: GoproxyOptions = {}): Promise<string> => keep(await startHttpServer(goproxyHandler(o))).url;
  const run = async (gosumdb: string, goproxy: string, timeoutMs = 2000) =>
    runSumdbCheck({
      gosumdb: parseGosumdb(gosumdb),
      goproxy: parseGoproxy(goproxy),
      net: await testNet({ timeoutMs }),
    });

  before(async () => {
    certs = await testCerts();
    key = testVerifierKey(DB);
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('sumdb.ok through a GOPROXY entry that forwards the database; the direct probe is cancelled', async () => {
    const hits = new Map<string, number>();
    const proxy = await http({ sumdbNames: [DB], hits });
    const out = await run(key, `${proxy},direct`);
    const f = only(out.findings, 'sumdb.ok');
    assert.equal(f.severity, 'ok');
    assert.match(f.detail, new RegExp(`through the GOPROXY entry ${proxy}, which forwards it`));
    assert.equal(hits.get(`/sumdb/${DB}/supported`), 1);
    assert.equal(hits.get(`/sumdb/${DB}/latest`), 1);
    assert.deepEqual(ids(out.findings), ['sumdb.ok']);
  });

  it('sumdb.unreachable when no proxy forwards it and the direct host fails; never suggests off', async () => {
    const proxy = await http({ sumdbNames: ['other.example'] }); // 404 for our name: go moves on
    const out = await run(key, `${proxy},direct`);
    const f = only(out.findings, 'sumdb.unreachable');
    assert.equal(f.severity, 'error');
    assert.match(
      f.detail,
      /No GOPROXY entry before "direct" forwards sum\.example\.invalid, so the go command contacts it directly/,
    );
    assert.match(f.detail, /sum\.example\.invalid does not resolve/);
    assert.ok(f.fixes?.some((x) => x.action?.kind === 'setProxyAuto'));
    assert.doesNotMatch(JSON.stringify(f), /GOSUMDB=off/);
  });

  it('sum.golang.org unreachable: suggests the official sum.golang.google.cn alias', async () => {
    const port = await refusedPort();
    const out = await run(`sum.golang.org http://127.0.0.1:${port}`, 'off');
    const f = only(out.findings, 'sumdb.unreachable');
    assert.match(f.detail, /GOSUMDB names http:\/\/127\.0\.0\.1:\d+, which the go command uses directly/);
    assert.ok(f.fixes?.some((x) => x.command === 'go env -w GOSUMDB=sum.golang.google.cn'));
    assert.doesNotMatch(JSON.stringify(f), /GOSUMDB=off/);
    const db = await http();
    assert.deepEqual(ids((await run(`sum.golang.org ${db}`, 'off')).findings), ['sumdb.ok']);
  });

  it('sumdb.ok directly from a URL named in GOSUMDB (proxies are bypassed)', async () => {
    const hits = new Map<string, number>();
    const db = await http({ hits });
    const proxyHits = new Map<string, number>();
    const proxy = await http({ hits: proxyHits });
    const out = await run(`sum.golang.org ${db}`, `${proxy},direct`);
    assert.deepEqual(ids(out.findings), ['sumdb.ok']);
    assert.equal(hits.get('/latest'), 1);
    assert.equal(proxyHits.size, 0, 'a URL in GOSUMDB bypasses GOPROXY');
  });

  it('falls back to the direct URL after 404, and after any error when `|` follows', async () => {
    // A database named after its own local address, so "direct" is a local HTTPS server.
    const o: GoproxyOptions = {};
    const s = keep(await startHttpsServer(goproxyHandler(o), certs.valid));
    const name = `localhost:${s.port}`;
    o.sumdbNames = [name];
    const k = testVerifierKey(name);
    const port = await refusedPort();
    const viaPipe = await run(k, `http://127.0.0.1:${port}|direct`);
    const f = only(viaPipe.findings, 'sumdb.ok', JSON.stringify(viaPipe.findings));
    assert.match(
      f.detail,
      /No GOPROXY entry before "direct" forwards localhost:\d+, so the go command contacts it directly/,
    );
    const viaComma = await run(k, `http://127.0.0.1:${port},direct`);
    const g = only(viaComma.findings, 'sumdb.unreachable');
    assert.match(
      g.detail,
      /first asks http:\/\/127\.0\.0\.1:\d+ whether it forwards .*refused.*Because a "," follows that entry, it does not try further/,
    );
  });

  it('sumdb.unreachable when the proxy claims support but /latest is not a tree note', async () => {
    const proxy = keep(
      await startHttpServer((req, res) => {
        if (req.url?.endsWith('/supported')) return void res.end('');
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html><title>Login</title></html>');
      }),
    );
    const out = await run(key, `${proxy.url},direct`);
    const f = only(out.findings, 'sumdb.unreachable');
    assert.match(f.detail, /says it forwards sum\.example\.invalid .*uses only that proxy .*HTML page/);
  });

  it('a TLS failure on the database host is also a tls.* finding', async () => {
    const s = keep(await startHttpsServer(goproxyHandler(), certs.expired));
    const out = await run(`sum.golang.org https://localhost:${s.port}`, 'off');
    assert.deepEqual(ids(out.findings).sort(), ['sumdb.unreachable', 'tls.expired']);
    assert.match(only(out.findings, 'tls.expired').detail, /expired on/);
  });

  it('GOSUMDB=off is left to the env check; an invalid GOSUMDB is sumdb.invalid', async () => {
    assert.deepEqual((await run('off', 'https://goproxy.example.invalid')).findings, []);
    const bad = await run('sum.example.invalid+deadbeef+AAAA', 'off');
    assert.deepEqual(ids(bad.findings), ['sumdb.invalid']);
  });

  it('isTreeNote wants the exact signed tree head shape and the database name', () => {
    assert.equal(isTreeNote(treeNote('sum.golang.org'), 'sum.golang.org'), true);
    assert.equal(isTreeNote(treeNote('other.db'), 'sum.golang.org'), false);
    assert.equal(
      isTreeNote('go.sum database tree\n12\nnot-base64\n\n— sum.golang.org AAAA\n', 'sum.golang.org'),
      false,
    );
    assert.equal(isTreeNote('<html></html>', 'sum.golang.org'), false);
  });
});
