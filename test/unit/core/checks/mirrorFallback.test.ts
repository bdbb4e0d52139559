// When the configured GOPROXY fails: the candidate mirrors (loopback here, the built-in public ones
// in the product) are ranked like `set-proxy --auto`, and its exact value is the first fix.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { runNetworkChecks } from '../../../../src/core/checks/networkChecks';
import type { Platform } from '../../../../src/core/platform';
import { tempDir } from '../../../support/fakeGo';
import { only } from '../../../support/findingAsserts';
import { RSC_QUOTE, startMirror, type Mirror } from '../../../support/mirrors';
import { refusedPort } from '../../../support/servers';

const ALTERED = { ...RSC_QUOTE, mod: `${RSC_QUOTE.mod}// altered\n` };
/** What the reachability probe asks every GOPROXY entry for. */
const X_TEXT = { path: 'golang.org/x/text', version: 'v0.21.0', mod: 'module golang.org/x/text\n' };

describe('checks/mirrorFallback (a verified GOPROXY when the configured one fails)', function () {
  this.timeout(60_000);
  let a: Mirror, b: Mirror, altered: Mirror;
  let refused: string, refused2: string, noDb: string;
  const dirs: string[] = [];
  before(async () => {
    [a, b, altered] = await Promise.all([
      startMirror({ modules: [RSC_QUOTE, X_TEXT] }),
      startMirror({ modules: [RSC_QUOTE, X_TEXT], delayMs: 100 }),
      startMirror({ modules: [ALTERED] }),
    ]);
    refused = `http://127.0.0.1:${await refusedPort()}`;
    refused2 = `http://127.0.0.1:${await refusedPort()}`;
    noDb = `sum.golang.org http://127.0.0.1:${await refusedPort()}`;
  });
  after(async () => {
    await Promise.all([a, b, altered].map((m) => m?.close()));
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });
  async function platform(): Promise<Platform> {
    const home = await tempDir('ged-fallback-');
    dirs.push(home);
    return {
      env: { HOME: home, GOENV: path.join(home, 'goenv') },
      homeDir: home,
      os: 'linux',
      arch: 'x64',
      now: Date.now,
    };
  }
  const run = async (goproxy: string, candidates?: string[], gosumdb = noDb) =>
    runNetworkChecks({
      goproxy,
      gosumdb,
      platform: await platform(),
      timeoutMs: 3000,
      proxyCandidates: candidates,
    });

  it('offers first the exact value set-proxy --auto writes (healthy mirrors joined with |, then ,direct), verified', async () => {
    const fs = await run(refused, [b.url, altered.url, refused2, a.url]);
    const f = only(fs, 'proxy.refused');
    assert.equal(f.severity, 'error');
    assert.equal(f.fixes?.[0]?.command, `go-env-doctor set-proxy --value '${a.url}|${b.url},direct'`);
    assert.match(f.fixes![0]!.title, /^Use verified mirrors/);
    assert.equal(f.fixes![0]!.action?.kind, 'setProxy');
    assert.match(f.detail, /the pattern of a filtered network/);
    // The altered and the unreachable candidates are not in the value.
    assert.doesNotMatch(f.fixes![0]!.command, new RegExp(`${altered.url}|${refused2}`));
  });

  it('offers nothing verified when no candidate passes, and ranks nothing when GOPROXY works', async () => {
    const none = only(await run(refused, [altered.url, refused2]), 'proxy.refused');
    assert.ok(!none.fixes?.some((x) => /verified/.test(x.title)));
    const hits = a.hits.length;
    const fine = await run(`${b.url},direct`, [a.url], 'off');
    assert.ok(!fine.some((f) => f.severity === 'error'), JSON.stringify(fine.map((f) => f.id)));
    assert.equal(a.hits.length, hits, 'the candidates are not probed when GOPROXY works');
  });

  it('offers "| instead of ," only when the entry after it answers', async () => {
    const helps = only(await run(`${refused},${a.url}`), 'proxy.refused');
    assert.ok(helps.fixes?.some((x) => x.command === `go-env-doctor set-proxy --value '${refused}|${a.url}'`));
    const useless = (await run(`${refused},${refused2}`)).filter((x) => x.id === 'proxy.refused');
    assert.ok(useless.every((x) => !x.fixes?.some((y) => /\| instead of ,/.test(y.title))));
  });
});
