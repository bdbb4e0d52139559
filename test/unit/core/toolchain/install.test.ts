import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DoctorError } from '../../../../src/core/errors';
import { installToolchain } from '../../../../src/core/toolchain/install';
import { startHttpServer } from '../../../support/servers';
import { tempDir } from '../../../support/fakeGo';

describe('installToolchain fallback', () => {
  it('names both failures when neither the index nor GOPROXY has the toolchain, and leaves no empty partial file', async () => {
    const seen: string[] = [];
    const server = await startHttpServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(req.url?.startsWith('/dl/') ? 503 : 404);
      res.end();
    });
    const dir = await tempDir('ged-any-');
    try {
      const err = await installToolchain({
        version: '1.30.0',
        dir,
        dlBases: [`${server.url}/dl/`],
        platform: {
          env: { GOPROXY: server.url, GOSUMDB: `sum.golang.org ${server.url}`, HOME: dir },
          homeDir: dir,
          os: 'linux',
          arch: 'x64',
          now: Date.now,
        },
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(err instanceof DoctorError, String(err));
      assert.equal(err.code, 'toolchain.notFound');
      assert.match(
        err.message,
        /HTTP 503\).*Fetching it through GOPROXY \(http:\/\/127\.0\.0\.1:\d+\) instead failed too: No GOPROXY entry has golang\.org\/toolchain@v0\.0\.1-go1\.30\.0\.linux-amd64/,
      );
      assert.ok(
        seen.some((u) => u.startsWith('/dl/')) && seen.some((u) => u.startsWith('/golang.org/toolchain/@v/')),
        seen.join(' '),
      );
      assert.deepEqual(await fs.readdir(path.join(dir, '.downloads')), []);
      assert.ok(!(await fs.readdir(dir)).includes('go1.30.0'));
    } finally {
      await server.close();
    }
  });
});
