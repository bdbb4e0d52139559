// The real go command as referee for what a project needs: go.sum, the module cache and private
// modules. A local module world (mirror + checksum database) and a project the real go built from
// it; each scenario breaks one thing, runs go (`go mod download` in a throwaway GOMODCACHE, or
// `go mod verify` on the project's cache) and the doctor's module checks with the same
// environment. The doctor must report an error exactly when go fails, naming the same cause.
//
// Private modules fetched from a real origin would need a git server (smart HTTP) on loopback;
// instead the private module is served by the mirror with GONOSUMDB (a company mirror), and the
// GOPRIVATE case whose origin cannot be reached fails in go and the doctor alike.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { modulesFindings } from '../../../src/core/checks/modulesCheck';
import { moduleRouteFindings } from '../../../src/core/checks/moduleRoutesCheck';
import type { Finding } from '../../../src/core/findings';
import { runProcess } from '../../../src/core/process/run';
import { tempDir } from '../../support/fakeGo';
import { makeGoProject, makeWritable, pkg, REAL_GO, type GoProject } from '../../support/goProject';
import { startModuleWorld, type ModuleWorld } from '../../support/moduleWorld';
import { refusedPort } from '../../support/servers';
import { assertAgreement, type Expected } from '../../support/goReferee';

const A = pkg('example.test/a', 'v1.0.0');
const B = pkg('example.test/b', 'v1.1.0', { 'data/x.txt': 'x\n' });
const PRIVATE = pkg('git.corp.test/team/lib', 'v1.2.0');

interface Ctx {
  project: GoProject;
  world: ModuleWorld;
  /** A proxy that refuses: origins are never resolved or contacted. */
  noRoute: string;
}

interface ProjectScenario extends Expected {
  name: string;
  /** Breaks one thing; returns environment to add for both go and the doctor. */
  setup: (c: Ctx) => Promise<Record<string, string>>;
  /** `download`: go mod download with a fresh module cache; `verify`: go mod verify on the project's cache. */
  go: 'download' | 'verify';
}

const requirePrivate = async (c: Ctx) => {
  const text = await fs.readFile(c.project.goMod, 'utf8');
  await fs.writeFile(c.project.goMod, text.replace('require (\n', `require (\n\t${PRIVATE.path} ${PRIVATE.version}\n`));
};

export const PROJECT_SCENARIOS: ProjectScenario[] = [
  { name: 'a clean project (download)', setup: async () => ({}), go: 'download', fails: null },
  { name: 'a clean module cache (go mod verify)', setup: async () => ({}), go: 'verify', fails: null },
  {
    name: 'a go.sum line the checksum database disagrees with',
    setup: async ({ project, world }) => {
      const good = world.goSumLines(A.path, A.version)[0]!.split(' ')[2]!;
      const text = await fs.readFile(project.goSum, 'utf8');
      await fs.writeFile(project.goSum, text.replace(good, 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='));
      return {};
    },
    go: 'download',
    fails: { go: /checksum mismatch|SECURITY ERROR/, doctor: 'gosum.mismatch' },
  },
  {
    name: 'a file changed in the module cache',
    setup: async ({ project }) => {
      const file = path.join(project.gomodcache, `${B.path}@${B.version}`, 'data', 'x.txt');
      await makeWritable(path.dirname(file));
      await fs.writeFile(file, 'changed\n');
      return {};
    },
    go: 'verify',
    fails: { go: /dir has been modified/, doctor: 'modcache.corrupt' },
  },
  {
    name: 'a file deleted from the module cache',
    setup: async ({ project }) => {
      const dir = path.join(project.gomodcache, `${B.path}@${B.version}`, 'data');
      await makeWritable(dir);
      await fs.rm(path.join(dir, 'x.txt'));
      return {};
    },
    go: 'verify',
    fails: { go: /dir has been modified/, doctor: 'modcache.corrupt' },
  },
  {
    name: 'a private module without GOPRIVATE (the mirror and the database do not know it)',
    setup: async (c) => (await requirePrivate(c), {}),
    go: 'download',
    fails: { go: /404 Not Found|not found/, doctor: 'gomod.privateModule' },
  },
  {
    name: 'a private module with GOPRIVATE whose origin cannot be reached',
    setup: async (c) => (await requirePrivate(c), { GOPRIVATE: 'git.corp.test', HTTPS_PROXY: c.noRoute }),
    go: 'download',
    fails: { go: /git\.corp\.test/, doctor: 'direct.unreachable' },
  },
  {
    name: 'a private module served by a company mirror, with GONOSUMDB',
    setup: async (c) => {
      c.world.lie(PRIVATE); // served, never recorded in the checksum database
      await requirePrivate(c);
      return { GONOSUMDB: 'git.corp.test' };
    },
    go: 'download',
    fails: null,
  },
];

describe('differential: the doctor agrees with the real go command on go.sum, the cache and private modules', function () {
  this.timeout(180_000);
  let world: ModuleWorld;
  let noRoute: string;

  before(async () => {
    world = await startModuleWorld([A, B]);
    noRoute = `http://127.0.0.1:${await refusedPort()}`;
  });
  after(async () => {
    await world?.close();
  });

  async function goRun(project: GoProject, env: NodeJS.ProcessEnv, kind: ProjectScenario['go']) {
    const fresh = kind === 'download' ? await tempDir('ged-referee-cache-') : undefined;
    try {
      const r = await runProcess(REAL_GO, {
        args: kind === 'download' ? ['mod', 'download'] : ['mod', 'verify'],
        cwd: project.dir,
        env: { ...env, ...(fresh ? { GOMODCACHE: fresh, GOFLAGS: '-modcacherw' } : {}), GIT_TERMINAL_PROMPT: '0' },
        timeoutMs: 60_000,
      });
      if (r.kind !== 'exited') return { ok: false, output: `go did not exit: ${r.kind}` };
      return { ok: r.code === 0, output: `${r.stdout}\n${r.stderr}` };
    } finally {
      if (fresh) await makeWritable(fresh).then(() => fs.rm(fresh, { recursive: true, force: true }));
    }
  }

  async function doctor(project: GoProject, env: NodeJS.ProcessEnv): Promise<Finding[]> {
    const platform = { env, homeDir: env['HOME']!, os: process.platform, arch: process.arch, now: () => Date.now() };
    const values = { GOPRIVATE: '', GONOPROXY: '', GONOSUMDB: '', ...env } as Record<string, string>;
    const input = { goModFiles: [project.goMod], env: values, platform, timeoutMs: 5000 };
    const [modules, routes] = await Promise.all([modulesFindings({ ...input, all: true }), moduleRouteFindings(input)]);
    return [...modules, ...routes];
  }

  for (const s of PROJECT_SCENARIOS) {
    it(s.name, async () => {
      const project = await makeGoProject(world, [A, B]);
      try {
        const extra = await s.setup({ project, world, noRoute });
        const env = { ...project.env, PATH: '/usr/bin:/bin', ...extra };
        const [go, findings] = await Promise.all([goRun(project, env, s.go), doctor(project, env)]);
        assertAgreement(s, go, findings);
      } finally {
        await project.cleanup();
      }
    });
  }
});
