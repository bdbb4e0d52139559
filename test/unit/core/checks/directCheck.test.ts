import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { directFindings } from '../../../../src/core/checks/directCheck';
import type { EnvEntry } from '../../../../src/core/report/model';
import { tempDir } from '../../../support/fakeGo';
import { only } from '../../../support/findingAsserts';

const env = (values: Record<string, string>): Record<string, EnvEntry> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, source: 'goenv' as const }]));

describe('checks/direct (the VCS tool direct needs)', () => {
  let noGit: string;
  let withGit: string;
  before(async () => {
    noGit = await tempDir('ged-nogit-');
    withGit = await tempDir('ged-git-');
    await fs.symlink('/usr/bin/git', path.join(withGit, 'git'));
  });
  after(async () => {
    await fs.rm(noGit, { recursive: true, force: true });
    await fs.rm(withGit, { recursive: true, force: true });
  });

  it('direct.vcsMissing is an error when GOPROXY=direct and git is not on PATH, and absent once it is', async () => {
    const f = only(
      await directFindings({ env: env({ GOPROXY: 'direct' }), pathEnv: noGit, os: 'linux' }),
      'direct.vcsMissing',
    );
    assert.equal(f.severity, 'error');
    assert.match(f.detail, /exec: "git": executable file not found in \$PATH/);
    assert.deepEqual(
      await directFindings({ env: env({ GOPROXY: 'direct' }), pathEnv: `${noGit}:${withGit}`, os: 'linux' }),
      [],
    );
  });

  it('private modules need it too (error); the ,direct fallback only makes it a warning; no direct, no finding', async () => {
    const priv = await directFindings({
      env: env({ GOPROXY: 'https://proxy.golang.org', GOPRIVATE: 'git.corp.example' }),
      pathEnv: noGit,
      os: 'linux',
    });
    assert.equal(only(priv, 'direct.vcsMissing').severity, 'error');
    assert.match(priv[0]!.detail, /GOPRIVATE "git\.corp\.example"/);
    const fallback = await directFindings({
      env: env({ GOPROXY: 'https://proxy.golang.org,direct' }),
      pathEnv: noGit,
      os: 'linux',
    });
    assert.equal(only(fallback, 'direct.vcsMissing').severity, 'warning');
    assert.deepEqual(
      await directFindings({ env: env({ GOPROXY: 'https://proxy.golang.org' }), pathEnv: noGit, os: 'linux' }),
      [],
    );
  });
});
