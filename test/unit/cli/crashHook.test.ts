// The crash-at-checkpoint hook exists for the crash tests only: the production bundle (what the
// .vsix and the published CLI ship) must not contain it, while the dev bundle the tests run keeps it.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPO } from '../../support/cli';

const HOOK_VARIABLE = 'GO_ENV_DOCTOR_TEST_CRASH_AT';
const SELF_KILL = /process\.kill\(\s*process\.pid\s*,\s*["']SIGKILL["']\s*\)/;

async function bundle(dir: string, production: boolean): Promise<string> {
  const args = [path.join(REPO, 'esbuild.mjs'), `--outdir=${dir}`, ...(production ? ['--production'] : [])];
  await promisify(execFile)(process.execPath, args, { cwd: REPO });
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.js'));
  assert.ok(files.includes('cli-install.js'), files.join());
  return (await Promise.all(files.map((f) => fs.readFile(path.join(dir, f), 'utf8')))).join('\n');
}

describe('the crash test hook', function () {
  this.timeout(180_000);
  let tmp: string;
  before(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ged-bundle-'));
  });
  after(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('is compiled out of the production bundle', async () => {
    const text = await bundle(path.join(tmp, 'production'), true);
    assert.ok(text.includes('go-env-doctor'), 'expected the bundled CLI');
    assert.ok(!text.includes(HOOK_VARIABLE), `${HOOK_VARIABLE} is in the production bundle`);
    assert.doesNotMatch(text, SELF_KILL);
  });

  it('stays in the dev bundle the crash tests run', async () => {
    const text = await bundle(path.join(tmp, 'dev'), false);
    assert.ok(text.includes(HOOK_VARIABLE), `${HOOK_VARIABLE} is missing from the dev bundle`);
    assert.match(text, SELF_KILL);
  });
});
