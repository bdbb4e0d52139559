// The core's probes run inside the extension host, where VS Code patches Node's http/https
// (its proxy support) and net/tls (system certificates). They must still see the network as
// the go command does: a working loopback GOPROXY is reported as working.
import * as assert from 'node:assert/strict';
import { goproxyHandler, startHttpServer, type StartedServer } from '../support/servers';
import { diagnoseUntil, setGoPath } from './helpers';

describe('network checks inside VS Code', () => {
  let server: StartedServer;
  const saved = { GOPROXY: process.env['GOPROXY'], GOSUMDB: process.env['GOSUMDB'] };

  before(async () => {
    server = await startHttpServer(goproxyHandler());
    // The diagnosis reads the extension host's environment on every run.
    process.env['GOPROXY'] = server.url;
    process.env['GOSUMDB'] = `sum.golang.org ${server.url}`;
    await setGoPath(undefined); // the real go on PATH
  });

  after(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await server.close();
  });

  it('reports a working loopback GOPROXY and checksum database as working', async () => {
    const report = await diagnoseUntil((r) => r.env['GOPROXY']?.value === server.url, `GOPROXY is ${server.url}`);
    const proxy = report.findings.filter((f) => f.id.startsWith('proxy.'));
    assert.deepEqual(
      proxy.map((f) => `${f.id} ${f.severity}`),
      ['proxy.ok ok'],
      proxy.map((f) => `${f.id}: ${f.title} — ${f.detail}`).join('\n'),
    );
    const sumdb = report.findings.filter((f) => f.id.startsWith('sumdb.'));
    assert.deepEqual(
      sumdb.map((f) => `${f.id} ${f.severity}`),
      ['sumdb.ok ok'],
      sumdb.map((f) => `${f.id}: ${f.title} — ${f.detail}`).join('\n'),
    );
  });
});
