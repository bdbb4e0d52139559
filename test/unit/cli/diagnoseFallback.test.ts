// When the configured GOPROXY fails, the CLI ranks the built-in mirrors (GO_ENV_DOCTOR_MIRRORS
// replaces them: here loopback mirrors) and offers first the verified value set-proxy --auto writes.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { proxyCandidatesFor } from '../../../src/cli/diagnose';
import { builtinMirrors, fallbackCandidates, MIRRORS_ENV } from '../../../src/core/proxyRewrite/builtinMirrors';
import { DEFAULT_MIRRORS } from '../../../src/core/proxyRewrite/defaults';
import { buildCli, runCli } from '../../support/cli';
import { tempDir } from '../../support/fakeGo';
import { RSC_QUOTE, startMirror, type Mirror } from '../../support/mirrors';
import { refusedPort } from '../../support/servers';

const X_TEXT = { path: 'golang.org/x/text', version: 'v0.21.0', mod: 'module golang.org/x/text\n' };

interface Doc {
  findings: { id: string; severity: string; detail: string; fixes?: { command: string; title: string }[] }[];
}

describe('go-env-doctor diagnose: verified mirrors when GOPROXY fails', function () {
  this.timeout(90_000);
  let a: Mirror, b: Mirror;
  let home: string;
  before(async () => {
    await buildCli();
    [a, b] = await Promise.all([
      startMirror({ modules: [RSC_QUOTE, X_TEXT] }),
      startMirror({ modules: [RSC_QUOTE, X_TEXT], delayMs: 100 }),
    ]);
    home = await tempDir('ged-cli-fallback-');
  });
  after(async () => {
    await Promise.all([a, b].map((m) => m?.close()));
    await fs.rm(home, { recursive: true, force: true });
  });

  const diagnose = async (mirrors: string | undefined): Promise<Doc> => {
    const refused = `http://127.0.0.1:${await refusedPort()}`;
    const env: NodeJS.ProcessEnv = {
      PATH: '/usr/bin:/bin',
      HOME: home,
      GOENV: path.join(home, 'goenv'),
      GOPROXY: refused,
      // No database answers: the ranking checks the reference module against the shipped go.sum line.
      GOSUMDB: `sum.golang.org http://127.0.0.1:${await refusedPort()}`,
      GOFLAGS: '',
      ...(mirrors === undefined ? {} : { [MIRRORS_ENV]: mirrors }),
    };
    const r = await runCli(['--json', '--timeout', '3000'], { env, cwd: home });
    return JSON.parse(r.stdout) as Doc;
  };

  it('offers the exact set-proxy --auto value first, labelled verified, from the injected mirrors', async () => {
    const doc = await diagnose(`${b.url},${a.url}`);
    const f = doc.findings.find((x) => x.id === 'proxy.refused');
    assert.ok(f, JSON.stringify(doc.findings.map((x) => x.id)));
    assert.equal(f.fixes?.[0]?.command, `go-env-doctor set-proxy --value '${a.url}|${b.url},direct'`);
    assert.match(f.fixes[0]!.title, /^Use verified mirrors/);
    assert.match(f.detail, /filtered network/);
    assert.ok(a.hits.length > 0 && b.hits.length > 0, 'both mirrors were probed');
  });

  it('offers no verified value when the mirrors are set to none', async () => {
    const doc = await diagnose('');
    const f = doc.findings.find((x) => x.id === 'proxy.refused');
    assert.ok(f);
    assert.ok(!f.fixes?.some((x) => /verified/.test(x.title)), JSON.stringify(f.fixes));
  });

  it('plans the built-in public mirrors when nothing is injected (the plan only: nothing is contacted)', () => {
    assert.deepEqual(proxyCandidatesFor({}, { kind: 'none' }), [...DEFAULT_MIRRORS]);
    assert.deepEqual(builtinMirrors({}), DEFAULT_MIRRORS);
    assert.deepEqual(fallbackCandidates({ [MIRRORS_ENV]: 'https://m.corp.example, https://n.corp.example/' }), [
      'https://m.corp.example',
      'https://n.corp.example/',
    ]);
    assert.deepEqual(fallbackCandidates({ [MIRRORS_ENV]: '' }, ['https://p.example']), ['https://p.example']);
    assert.deepEqual(fallbackCandidates({}, ['https://goproxy.cn/']), [...DEFAULT_MIRRORS], 'each mirror once');
  });
});
