// The real go command as referee: for each scenario, local servers play the mirrors and the
// checksum database (the Go sumdb fixture, golang.org/x/mod, fresh key), Debian's go runs
// `go mod download` in a throwaway GOPATH/GOMODCACHE/GOCACHE, and the doctor's checks run with the
// SAME environment. The doctor must report an error exactly when go fails, and name the cause go
// names. Adding a scenario is one entry in SCENARIOS.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { envFindings } from '../../../src/core/checks/envCheck';
import { runNetworkChecks } from '../../../src/core/checks/networkChecks';
import type { Finding } from '../../../src/core/findings';
import { runProcess } from '../../../src/core/process/run';
import type { EnvEntry } from '../../../src/core/report/model';
import { testCerts, type TestCerts } from '../../support/certs';
import { FIXTURE_TOOLCHAIN, startMirror } from '../../support/mirrors';
import { startRelayMirror } from '../../support/relayMirror';
import { refusedPort, startCutBodyServer, type StartedServer } from '../../support/servers';
import { startSumdbFixture, type SumdbFixture } from '../../support/sumdbFixture';
import { assertAgreement, type Expected } from '../../support/goReferee';

const MODULE = `${FIXTURE_TOOLCHAIN.path}@${FIXTURE_TOOLCHAIN.version}`;
const REFERENCE = { path: FIXTURE_TOOLCHAIN.path, version: FIXTURE_TOOLCHAIN.version };

/** The servers every scenario may use; started once. */
interface World {
  fx: SumdbFixture;
  certs: TestCerts;
  /** Relays to the fixture (same bytes). */
  good: string;
  /** Relays to the fixture, go.mod altered. */
  altered: string;
  goodTls: string;
  expiredTls: string;
  untrustedTls: string;
  status: (code: number) => string;
  refused: string;
  cut: string;
}

interface Scenario extends Expected {
  name: string;
  env: (w: World) => Record<string, string>;
}

const direct = (w: World) => w.fx.gosumdb; // name+key and the database's own URL
const forwarded = (w: World) => w.fx.vkey; // name+key only: go asks each GOPROXY entry for /sumdb/<name>/

export const SCENARIOS: Scenario[] = [
  { name: 'one mirror, checksum database direct', env: (w) => ({ GOPROXY: w.good, GOSUMDB: direct(w) }), fails: null },
  {
    name: 'one mirror, checksum database forwarded by it',
    env: (w) => ({ GOPROXY: w.good, GOSUMDB: forwarded(w) }),
    fails: null,
  },
  {
    name: 'altered content, database direct',
    env: (w) => ({ GOPROXY: w.altered, GOSUMDB: direct(w) }),
    fails: { go: /checksum mismatch|SECURITY ERROR/, doctor: 'proxy.wrongContent' },
  },
  {
    name: 'altered content, database forwarded by the same mirror',
    env: (w) => ({ GOPROXY: w.altered, GOSUMDB: forwarded(w) }),
    fails: { go: /checksum mismatch|SECURITY ERROR/, doctor: 'proxy.wrongContent' },
  },
  {
    name: 'altered content behind a working mirror (,)',
    env: (w) => ({ GOPROXY: `${w.good},${w.altered}`, GOSUMDB: direct(w) }),
    fails: null,
    alsoReports: ['proxy.wrongContent'],
  },
  {
    name: 'altered content with GONOSUMDB=* (not verified: go takes it)',
    env: (w) => ({ GOPROXY: w.altered, GOSUMDB: direct(w), GONOSUMDB: '*' }),
    fails: null,
    alsoReports: ['proxy.wrongContent', 'env.patternTooBroad'],
  },
  {
    name: 'refused, nothing after it',
    env: (w) => ({ GOPROXY: w.refused, GOSUMDB: direct(w) }),
    fails: { go: /connection refused/, doctor: 'proxy.refused' },
  },
  {
    name: 'refused, then | a working mirror',
    env: (w) => ({ GOPROXY: `${w.refused}|${w.good}`, GOSUMDB: direct(w) }),
    fails: null,
  },
  {
    name: 'refused, then , a working mirror (, moves on only after 404/410)',
    env: (w) => ({ GOPROXY: `${w.refused},${w.good}`, GOSUMDB: direct(w) }),
    fails: { go: /connection refused/, doctor: 'proxy.refused' },
  },
  {
    name: '404, then , a working mirror',
    env: (w) => ({ GOPROXY: `${w.status(404)},${w.good}`, GOSUMDB: direct(w) }),
    fails: null,
  },
  {
    name: '410, then , a working mirror',
    env: (w) => ({ GOPROXY: `${w.status(410)},${w.good}`, GOSUMDB: direct(w) }),
    fails: null,
  },
  {
    name: '403, then , a working mirror',
    env: (w) => ({ GOPROXY: `${w.status(403)},${w.good}`, GOSUMDB: direct(w) }),
    fails: { go: /403 Forbidden/, doctor: 'proxy.httpStatus' },
  },
  {
    name: '500, then | a working mirror',
    env: (w) => ({ GOPROXY: `${w.status(500)}|${w.good}`, GOSUMDB: direct(w) }),
    fails: null,
  },
  {
    name: '500, nothing after it',
    env: (w) => ({ GOPROXY: w.status(500), GOSUMDB: direct(w) }),
    fails: { go: /500 Internal Server Error/, doctor: 'proxy.httpStatus' },
  },
  {
    name: 'a body cut midway, then | a working mirror',
    env: (w) => ({ GOPROXY: `${w.cut}|${w.good}`, GOSUMDB: direct(w) }),
    fails: null,
  },
  {
    name: 'checksum database refused (URL in GOSUMDB)',
    env: (w) => ({ GOPROXY: w.good, GOSUMDB: `${w.fx.vkey} ${w.refused}` }),
    fails: { go: /verifying .*connection refused/s, doctor: 'sumdb.unreachable' },
  },
  {
    name: 'checksum database missing: the mirror does not forward it, its host does not resolve',
    env: (w) => ({ GOPROXY: w.status(404), GOSUMDB: forwarded(w) }),
    fails: { go: /404 Not Found|not found/, doctor: 'proxy.httpStatus' },
  },
  {
    name: 'HTTPS mirror with a certificate Go trusts',
    env: (w) => ({ GOPROXY: w.goodTls, GOSUMDB: direct(w) }),
    fails: null,
  },
  {
    name: 'HTTPS mirror with an expired certificate',
    env: (w) => ({ GOPROXY: w.expiredTls, GOSUMDB: direct(w) }),
    fails: { go: /certificate has expired|x509/, doctor: 'tls.expired' },
  },
  {
    name: 'HTTPS mirror behind an intercepting CA Go does not trust',
    env: (w) => ({ GOPROXY: w.untrustedTls, GOSUMDB: direct(w) }),
    fails: { go: /certificate signed by unknown authority|x509/, doctor: 'tls.untrusted' },
  },
  {
    name: 'untrusted certificate, then | a working mirror',
    env: (w) => ({ GOPROXY: `${w.untrustedTls}|${w.good}`, GOSUMDB: direct(w) }),
    fails: null,
  },
  {
    name: 'a full-width comma typed for "," in GOPROXY',
    env: (w) => ({ GOPROXY: `${w.refused}\uff0c${w.good}`, GOSUMDB: direct(w) }),
    fails: { go: /no such host/, doctor: 'env.lookalikeChar' },
  },
  {
    // With no database, only a shipped go.sum line could show the alteration; the fixture module has none.
    name: 'GOSUMDB=off with altered content (go does not notice; the doctor warns that nothing is verified)',
    env: (w) => ({ GOPROXY: w.altered, GOSUMDB: 'off' }),
    fails: null,
    alsoReports: ['env.sumdbOff'],
  },
];

describe('differential: the doctor agrees with the real go command (go mod download)', function () {
  this.timeout(180_000);
  let w: World;
  let work: string;
  const servers: StartedServer[] = [];

  before(async () => {
    const [fx, certs] = await Promise.all([startSumdbFixture({ versions: ['1.21.0'] }), testCerts()]);
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-referee-'));
    const relay = (o: Partial<Parameters<typeof startRelayMirror>[0]> = {}) =>
      startRelayMirror({ upstream: fx.url, ...o }).then((s) => (servers.push(s), s));
    const localhost = (s: StartedServer) => `https://localhost:${s.port}`;
    const statuses = new Map<number, string>();
    for (const code of [403, 404, 410, 500]) {
      const m = await startMirror({ status: code });
      servers.push(m);
      statuses.set(code, m.url);
    }
    const cut = await startCutBodyServer();
    servers.push(cut);
    w = {
      fx,
      certs,
      good: (await relay()).url,
      altered: (await relay({ alterMod: true })).url,
      goodTls: localhost(await relay({ cert: certs.valid })),
      expiredTls: localhost(await relay({ cert: certs.expired })),
      untrustedTls: localhost(await relay({ cert: certs.intercepted })),
      status: (code) => statuses.get(code)!,
      refused: `http://127.0.0.1:${await refusedPort()}`,
      cut: cut.url,
    };
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await w?.fx.stop();
    if (work) await fs.rm(work, { recursive: true, force: true });
  });

  /** The environment both get: only what the scenario sets, Go's CA set the test CA alone. */
  async function sandbox(extra: Record<string, string>): Promise<NodeJS.ProcessEnv> {
    const dir = await fs.mkdtemp(path.join(work, 's-'));
    const certDir = path.join(dir, 'certs');
    await fs.mkdir(certDir);
    return {
      PATH: '/usr/bin:/bin',
      HOME: dir,
      GOENV: path.join(dir, 'goenv'),
      GOPATH: path.join(dir, 'gopath'),
      GOMODCACHE: path.join(dir, 'gopath', 'mod'),
      GOCACHE: path.join(dir, 'gocache'),
      GOFLAGS: '-modcacherw',
      GOTOOLCHAIN: 'local',
      GONOSUMDB: '',
      GOPRIVATE: '',
      GONOPROXY: '',
      GOINSECURE: '',
      SSL_CERT_FILE: w.certs.ca.file,
      SSL_CERT_DIR: certDir,
      ...extra,
    };
  }

  async function goDownload(env: NodeJS.ProcessEnv): Promise<{ ok: boolean; output: string }> {
    const r = await runProcess('/usr/bin/go', {
      args: ['mod', 'download', '-json', MODULE],
      cwd: env['HOME']!,
      env,
      timeoutMs: 60_000,
    });
    if (r.kind !== 'exited') return { ok: false, output: `go did not exit: ${JSON.stringify(r)}` };
    return { ok: r.code === 0, output: `${r.stdout}\n${r.stderr}` };
  }

  async function doctor(env: NodeJS.ProcessEnv): Promise<Finding[]> {
    const platform = { env, homeDir: env['HOME']!, os: process.platform, arch: process.arch, now: () => Date.now() };
    const entries: Record<string, EnvEntry> = {};
    for (const name of ['GOPROXY', 'GOSUMDB', 'GONOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GOINSECURE', 'GOFLAGS'])
      entries[name] = { value: env[name] ?? '', source: 'environment' };
    const net = await runNetworkChecks({
      goproxy: env['GOPROXY']!,
      gosumdb: env['GOSUMDB']!,
      platform,
      timeoutMs: 3000,
      reference: REFERENCE,
    });
    return [...envFindings({ env: entries, os: env }), ...net];
  }

  it(`covers at least 20 scenarios (${SCENARIOS.length})`, () => {
    assert.ok(SCENARIOS.length >= 20);
  });

  for (const s of SCENARIOS) {
    it(s.name, async () => {
      const env = await sandbox(s.env(w));
      const [go, findings] = await Promise.all([goDownload(env), doctor(env)]);
      assertAgreement(s, go, findings);
    });
  }
});
