// go.sum against the checksum database, with go.sum and the module cache written by the real go
// from a local module world, and the real go as referee of what it will accept.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { goSumFindings, type GoSumCheckInput } from '../../../../src/core/checks/goSumCheck';
import { undiciGet } from '../../../../src/core/net/httpGet';
import { restoreGoSum, repairGoSum } from '../../../../src/core/modules/repairGoSum';
import { tempDir } from '../../../support/fakeGo';
import { ids, only } from '../../../support/findingAsserts';
import { makeGoProject, makeWritable, pkg, REAL_GO, type GoProject } from '../../../support/goProject';
import { startModuleWorld, type ModuleWorld } from '../../../support/moduleWorld';

const A = pkg('example.test/a', 'v1.0.0');
const B = pkg('example.test/Upper', 'v1.2.0');
const C = pkg('corp.example/private', 'v0.1.0');

describe('checks/goSum (go.sum against the checksum database)', function () {
  this.timeout(120_000);
  let world: ModuleWorld;
  let project: GoProject;
  let state: string;

  before(async () => {
    world = await startModuleWorld([A, B, C]);
  });
  after(async () => {
    await world?.close();
  });
  beforeEach(async () => {
    world.setSumdbDelay(0);
    project = await makeGoProject(world, [A, B, C]);
    state = await tempDir('ged-gosum-state-');
  });
  afterEach(async () => {
    await project.cleanup();
    await makeWritable(state);
    await fs.rm(state, { recursive: true, force: true });
  });

  const check = (extra: Partial<GoSumCheckInput> = {}, env: Record<string, string> = {}) =>
    goSumFindings({
      goModFiles: [project.goMod],
      env: { GOSUMDB: world.gosumdb, GOPROXY: world.url, GONOSUMDB: '', GOPRIVATE: '', ...env },
      stateDir: state,
      sumdbStateDir: path.join(state, 'sumdb'),
      get: undiciGet(),
      timeoutMs: 5000,
      ...extra,
    });

  const editLine = async (from: string, to: string): Promise<number> => {
    const text = await fs.readFile(project.goSum, 'utf8');
    assert.ok(text.includes(from), `go.sum has ${from}`);
    await fs.writeFile(project.goSum, text.replace(from, to));
    return text.split('\n').findIndex((l) => l.includes(from)) + 1;
  };

  it('verifies every line go wrote, then answers a second run from verified records without a request', async () => {
    const first = await check();
    const ok = only(first, 'gosum.ok');
    assert.match(ok.title, /All 6 of 6 go\.sum lines agree/);
    const before = world.sumdbRequests();
    const second = await check();
    assert.deepEqual(ids(second), ['gosum.ok']);
    assert.match(only(second, 'gosum.ok').detail, /6 came from records verified earlier/);
    assert.equal(world.sumdbRequests(), before, 'no checksum-database request on the second run');
  });

  it('reports an edited line as gosum.mismatch with file, line and both hashes; go refuses it too', async () => {
    const good = world.goSumLines(A.path, A.version)[0]!.split(' ')[2]!;
    const bad = 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    const line = await editLine(good, bad);
    const f = only(await check(), 'gosum.mismatch');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.location, { file: project.goSum, line });
    assert.ok(f.detail.includes(bad) && f.detail.includes(good), f.detail);
    assert.match(f.detail, /serves content matching the database, so go\.sum was edited/);
    assert.equal(f.fixes?.[0]?.action?.kind, 'repairGoSum');
    assert.match(f.fixes?.[0]?.command ?? '', /^go-env-doctor repair-gosum --cwd .* example\.test\/a@v1\.0\.0$/);
    assert.ok(!ids(await check()).includes('gosum.ok'));

    // The referee: go, downloading afresh, refuses the same line.
    await makeWritable(project.gomodcache);
    await fs.rm(project.gomodcache, { recursive: true, force: true });
    const go = await project.go('mod', 'download', `${A.path}@${A.version}`);
    assert.notEqual(go.code, 0);
    assert.match(go.out, /checksum mismatch/);
  });

  it('says the mirror is wrong when it serves what go.sum says and the database never logged', async () => {
    const lie = world.lie({ ...B, files: { ...B.files, 'evil.go': 'package upper\n' } });
    try {
      // go.sum written from the lying mirror with verification bypassed for that module.
      await makeWritable(project.gomodcache);
      await fs.rm(project.gomodcache, { recursive: true, force: true });
      await fs.rm(project.goSum);
      project.env['GONOSUMDB'] = 'example.test/Upper';
      assert.equal((await project.go('mod', 'tidy')).code, 0);
      assert.match(await fs.readFile(project.goSum, 'utf8'), new RegExp(lie.h1.replace(/[+/]/g, '\\$&')));
      const f = only(await check(), 'gosum.mismatch');
      assert.match(f.detail, /serves content matching go\.sum, not the database: the mirror is wrong/);
      assert.ok(f.detail.includes(lie.h1));
    } finally {
      world.lie(B);
      project.env['GONOSUMDB'] = '';
    }
  });

  it('does not look up lines GONOSUMDB or GOPRIVATE match', async () => {
    await editLine(
      world.goSumLines(C.path, C.version)[0]!.split(' ')[2]!,
      'h1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=',
    );
    for (const env of [{ GONOSUMDB: 'corp.example' }, { GOPRIVATE: 'corp.example/*' }]) {
      const f = only(await check({}, env), 'gosum.ok');
      assert.match(f.title, /All 4 of 4/);
      assert.match(f.detail, /2 line\(s\) matched by GONOSUMDB\/GOPRIVATE were not looked up/);
    }
  });

  it('within the budget, says how many of how many lines it verified (gosum.incomplete)', async () => {
    world.setSumdbDelay(400);
    const f = only(await check({ budgetMs: 150 }), 'gosum.incomplete');
    assert.equal(f.severity, 'info');
    assert.match(f.title, /Verified 0 of 6 go\.sum lines/);
    assert.match(f.detail, /diagnose --modules/);
  });

  it('repairs a mismatch with go mod tidy and keeps the old go.sum for undo; the finding is gone', async () => {
    const good = world.goSumLines(A.path, A.version)[0]!.split(' ')[2]!;
    const bad = 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    await editLine(good, bad);
    const edited = await fs.readFile(project.goSum, 'utf8');
    const r = await repairGoSum({
      go: REAL_GO,
      env: project.env,
      timeoutMs: 60_000,
      goSum: project.goSum,
      module: A.path,
      version: A.version,
      backupDir: path.join(state, 'gosum-backup'),
    });
    assert.equal(r.removed, 2);
    assert.equal(await fs.readFile(r.backup, 'utf8'), edited);
    const after = await check();
    assert.deepEqual(ids(after), ['gosum.ok']);
    assert.ok((await fs.readFile(project.goSum, 'utf8')).includes(good));
    await restoreGoSum(r.backup, project.goSum);
    assert.equal(await fs.readFile(project.goSum, 'utf8'), edited);
  });
});
