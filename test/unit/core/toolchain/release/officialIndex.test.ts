// The release index: strict parsing, archive choice per platform, `latest`, fallback between
// official bases (served by local servers), and the errors users see.
import * as assert from 'node:assert/strict';
import { DoctorError } from '../../../../../src/core/errors';
import { listReleases } from '../../../../../src/core/toolchain/catalog';
import { createDispatcher } from '../../../../../src/core/net/dispatcher';
import {
  fetchReleaseIndex,
  IndexFormatError,
  parseReleaseIndex,
  resolveRelease,
} from '../../../../../src/core/toolchain/release/officialIndex';
import { DEFAULT_TIMEOUTS } from '../../../../../src/core/toolchain/timeouts';
import { DownloadServer } from '../../../../support/downloadServer';
import { releaseIndex } from '../../../../support/toolchainArchive';

const HEX = (c: string) => c.repeat(64);
const file = (version: string, os: string, arch: string, ext: string, kind = 'archive') => ({
  filename: `${version}.${os}-${arch}.${ext}`,
  os,
  arch,
  sha256: HEX('a'),
  size: 1000,
  kind,
});
const INDEX = releaseIndex([
  { version: 'go1.23rc1', stable: false, files: [file('go1.23rc1', 'linux', 'amd64', 'tar.gz')] },
  {
    version: 'go1.22.5',
    files: [
      file('go1.22.5', 'linux', 'amd64', 'tar.gz'),
      file('go1.22.5', 'windows', 'amd64', 'zip'),
      file('go1.22.5', 'windows', 'amd64', 'msi', 'installer'),
      file('go1.22.5', 'darwin', 'arm64', 'tar.gz'),
      file('go1.22.5', 'darwin', 'arm64', 'pkg', 'installer'),
    ],
  },
  { version: 'go1.22.12', files: [file('go1.22.12', 'linux', 'amd64', 'tar.gz')] },
  {
    version: 'go1.21.0',
    files: [
      file('go1.21.0', 'linux', 'amd64', 'tar.gz'),
      { ...file('go1.21.0', 'linux', 'arm64', 'tar.gz'), sha256: '' },
    ],
  },
  { version: 'go1.22.13', files: [file('go1.22.13', 'darwin', 'arm64', 'tar.gz')] },
]);
const linux = { os: 'linux' as NodeJS.Platform, arch: 'x64' };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof DoctorError ? err.code : `not a DoctorError: ${String(err)}`;
  }
  return undefined;
}

describe('toolchain release index', () => {
  it('parses the go.dev/dl format and orders releases newest first', () => {
    const rs = parseReleaseIndex(JSON.stringify(INDEX));
    assert.deepEqual(
      rs.map((r) => r.name),
      ['go1.23rc1', 'go1.22.13', 'go1.22.12', 'go1.22.5', 'go1.21.0'],
    );
  });

  it('refuses documents that are not the index, naming the problem', () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ not: 'an array' }, /not a JSON array/],
      [[], /empty/],
      [[{ version: 'go1.22.5', stable: 'yes', files: [] }], /"stable" is not a boolean/],
      [
        [{ version: 'go1.22.5', stable: true, files: [{ ...INDEX[1]!, size: '12' }] }],
        /"filename" is not a string|"size"/,
      ],
      [
        [
          {
            version: 'go1.22.5',
            stable: true,
            files: [
              {
                filename: '../x',
                os: 'linux',
                arch: 'amd64',
                version: 'go1.22.5',
                sha256: HEX('a'),
                size: 1,
                kind: 'archive',
              },
            ],
          },
        ],
        /plain file name/,
      ],
      [
        [
          {
            version: 'go1.22.5',
            stable: true,
            files: [
              {
                filename: 'f.tar.gz',
                os: 'linux',
                arch: 'amd64',
                version: 'go1.22.5',
                sha256: 'XYZ',
                size: 1,
                kind: 'archive',
              },
            ],
          },
        ],
        /hex SHA-256/,
      ],
      [
        [
          {
            version: 'go1.22.5',
            stable: true,
            files: [
              {
                filename: 'f.tar.gz',
                os: 'linux',
                arch: 'amd64',
                version: 'go1.22.6',
                sha256: HEX('b'),
                size: 1,
                kind: 'archive',
              },
            ],
          },
        ],
        /differs from its release/,
      ],
    ];
    for (const [doc, re] of bad)
      assert.throws(
        () => parseReleaseIndex(JSON.stringify(doc)),
        (e: Error) => e instanceof IndexFormatError && re.test(e.message),
        JSON.stringify(doc),
      );
    assert.throws(() => parseReleaseIndex('<html>captive portal</html>'), /not JSON/);
  });

  it('picks the archive for the platform: tar.gz on Linux/macOS, zip on Windows, never installers', () => {
    const index = { base: 'https://dl.test/', releases: parseReleaseIndex(JSON.stringify(INDEX)) };
    assert.equal(resolveRelease(index, '1.22.5', linux).file.filename, 'go1.22.5.linux-amd64.tar.gz');
    assert.equal(
      resolveRelease(index, 'go1.22.5', { os: 'win32', arch: 'x64' }).file.filename,
      'go1.22.5.windows-amd64.zip',
    );
    assert.equal(
      resolveRelease(index, '1.22.5', { os: 'darwin', arch: 'arm64' }).file.filename,
      'go1.22.5.darwin-arm64.tar.gz',
    );
  });

  it('resolves latest to the newest stable release with an archive for this platform', () => {
    const index = { base: 'https://dl.test/', releases: parseReleaseIndex(JSON.stringify(INDEX)) };
    assert.equal(resolveRelease(index, 'latest', linux).release.name, 'go1.22.12'); // rc skipped, 1.22.13 has no linux file
    assert.equal(resolveRelease(index, 'latest', { os: 'darwin', arch: 'arm64' }).release.name, 'go1.22.13');
    assert.equal(
      codeOf(() => resolveRelease(index, 'latest', { os: 'aix', arch: 'ppc64' })),
      'toolchain.notFound',
    );
  });

  it('reports unknown versions, missing platforms and unverifiable files as toolchain.notFound', () => {
    const index = { base: 'https://dl.test/', releases: parseReleaseIndex(JSON.stringify(INDEX)) };
    assert.equal(
      codeOf(() => resolveRelease(index, '1.22.99', linux)),
      'toolchain.notFound',
    );
    assert.equal(
      codeOf(() => resolveRelease(index, '1.22.13', linux)),
      'toolchain.notFound',
    );
    assert.equal(
      codeOf(() => resolveRelease(index, '1.21.0', { os: 'linux', arch: 'arm64' })),
      'toolchain.notFound',
    );
    try {
      resolveRelease(index, '1.22', linux);
      assert.fail('1.22 is a language version, not a release');
    } catch (err) {
      assert.match((err as Error).message, /Releases of go1\.22: go1\.22\.12, go1\.22\.5/);
    }
  });

  describe('fetching', () => {
    let bad: DownloadServer;
    let good: DownloadServer;
    before(async () => {
      bad = await DownloadServer.start();
      good = await DownloadServer.start();
      bad.setIndex('/dl/', '<html>blocked</html>');
      good.setIndex('/dl/', INDEX);
    });
    after(async () => {
      await bad.close();
      await good.close();
    });
    const timeouts = { ...DEFAULT_TIMEOUTS, connectMs: 2000, headersMs: 2000, stallMs: 2000, indexMs: 3000 };
    const dispatcher = createDispatcher({ env: {} }, timeouts);

    it('asks for ?mode=json&include=all and falls back to the next official base', async () => {
      const index = await fetchReleaseIndex({ dlBases: [`${bad.url}/dl/`, `${good.url}/dl`], dispatcher, timeouts });
      assert.equal(index.base, `${good.url}/dl/`);
      assert.equal(bad.requests[0]!.query, '?mode=json&include=all');
      assert.equal(good.requests.at(-1)!.query, '?mode=json&include=all');
    });

    it('fails with toolchain.indexUnavailable listing every base and its reason', async () => {
      await assert.rejects(
        fetchReleaseIndex({ dlBases: [`${bad.url}/dl/`, `${good.url}/missing/`], dispatcher, timeouts }),
        (err: unknown) => {
          assert.ok(err instanceof DoctorError);
          assert.equal(err.code, 'toolchain.indexUnavailable');
          assert.match(err.message, /not a Go release index: not JSON/);
          assert.match(err.message, /HTTP 404/);
          return true;
        },
      );
    });

    it('lists installable stable releases for the quick pick', async () => {
      const { releases } = await listReleases({
        platform: { env: {}, homeDir: '/nonexistent', os: 'linux', arch: 'x64', now: Date.now },
        dlBases: [`${good.url}/dl/`],
        timeouts,
      });
      assert.deepEqual(
        releases.map((r) => r.name),
        ['go1.22.12', 'go1.22.5', 'go1.21.0'],
      );
      assert.equal(releases[0]!.archive.sha256, HEX('a'));
    });
  });
});
