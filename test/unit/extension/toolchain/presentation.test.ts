import * as assert from 'node:assert/strict';
import type { InstalledToolchain, ReleaseChoice } from '../../../../src/core/toolchain/catalog';
import {
  editorRemedy,
  goBinaryIn,
  installTitle,
  progressMessage,
  ProgressSteps,
  releasePickEntries,
  useOfferMessage,
  usedMessage,
  withAlternateGo,
} from '../../../../src/extension/toolchain/presentation';

const release = (version: string, size = 72_300_000): ReleaseChoice => ({
  version,
  name: `go${version}`,
  stable: true,
  archive: {
    filename: `go${version}.linux-amd64.tar.gz`,
    os: 'linux',
    arch: 'amd64',
    version: `go${version}`,
    sha256: 'ab'.repeat(32),
    size,
    kind: 'archive',
  },
});
const installed = (version: string, complete = true): InstalledToolchain => ({
  name: `go${version}`,
  version,
  goroot: `/home/u/sdk/go${version}`,
  complete,
  marker: undefined,
});

describe('extension: toolchain presentation', () => {
  it('titles the fix "Install Go X.Y.Z (verified)"', () => {
    assert.equal(installTitle('1.30.0'), 'Install Go 1.30.0 (verified)');
    assert.equal(installTitle('go1.22.5'), 'Install Go 1.22.5 (verified)');
    assert.equal(installTitle('latest'), 'Install the latest Go (verified)');
  });

  it('shows percent, sizes, speed, time left and the source host (never its credentials)', () => {
    const text = progressMessage({
      phase: 'download',
      bytes: 30_500_000,
      total: 72_300_000,
      bytesPerSec: 12_300_000,
      etaSec: 4,
      source: 'https://alice:s3cret@mirror.example.com/golang/go1.30.0.linux-amd64.tar.gz',
    });
    assert.equal(text, '42% · 30.5 MB of 72.3 MB · 12.3 MB/s · 4 s left · from mirror.example.com');
    assert.doesNotMatch(text, /s3cret|alice/);
    const shared = progressMessage({
      phase: 'download',
      bytes: 40_000_000,
      total: 72_300_000,
      bytesPerSec: 16_000_000,
      etaSec: 3,
      source: 'https://go.dev/dl/x',
      sources: [
        { label: 'https://alice:s3cret@mirror.example.com/golang/x', bytes: 30_000_000, bytesPerSec: 12_000_000 },
        { label: 'https://go.dev/dl/x', bytes: 9_000_000, bytesPerSec: 4_000_000 },
        { label: 'https://stalled.example.com/x', bytes: 1_000_000, bytesPerSec: 0, dropped: true },
      ],
    });
    assert.equal(
      shared,
      '55% · 40.0 MB of 72.3 MB · 16.0 MB/s · 3 s left · from mirror.example.com 75%, go.dev 23%, stalled.example.com 3% (dropped)',
    );
    assert.equal(
      progressMessage({
        phase: 'download',
        bytes: 0,
        total: 1e6,
        bytesPerSec: 0,
        etaSec: undefined,
        source: 'http://127.0.0.1:8080/dl/x',
      }),
      '0% · 0.0 MB of 1.0 MB · waiting for data · from 127.0.0.1:8080',
    );
    assert.match(
      progressMessage({
        phase: 'download',
        bytes: 1,
        total: 1e9,
        bytesPerSec: 400_000,
        etaSec: 3725,
        source: 'http://h/x',
      }),
      /400 kB\/s · 1 h 2 min left/,
    );
    assert.match(
      progressMessage({
        phase: 'verify',
        bytes: 5e6,
        total: 1e7,
        bytesPerSec: 0,
        etaSec: undefined,
        source: '/tmp/x.partial',
      }),
      /^50% · checking the 10\.0 MB download kept/,
    );
  });

  it('turns progress into increments that add up to 100 and never go back', () => {
    const s = new ProgressSteps();
    const total = 1000;
    const steps = [100, 250, 250, 50 /* a restart from zero */, 300, 1000].map((bytes) =>
      s.increment({ bytes, total }),
    );
    assert.deepEqual(steps, [10, 15, 0, 0, 5, 70]);
    assert.equal(
      steps.reduce((a, b) => a + b, 0),
      100,
    );
  });

  it("rephrases the core's CLI remedies with the editor's settings", () => {
    assert.equal(
      editorRemedy(
        'Check the network and proxy settings ("go-env-doctor diagnose" tests them), or add a mirror you can reach with --mirror URL; its bytes are still checked against the official SHA-256. The 10 bytes received so far are kept; running the same command again resumes from there.',
      ),
      'Check the network and proxy settings ("Go Env: Diagnose" tests them), or add a mirror you can reach to the goEnv.toolchain.mirrors setting; its bytes are still checked against the official SHA-256. The 10 bytes received so far are kept; installing again resumes from there.',
    );
    assert.match(
      editorRemedy(
        'Nothing was installed. A mirror or proxy on the way is serving altered or stale bytes: drop that --mirror (or fix the proxy) and try again.',
      ),
      /remove that mirror from goEnv\.toolchain\.mirrors/,
    );
    assert.match(
      editorRemedy('Choose a directory you can write with --dir (the default is ~/sdk), or fix the ownership'),
      /a directory you can write in the goEnv\.toolchain\.sdkDir setting/,
    );
    assert.match(
      editorRemedy('…; --dl-base can point at a mirror of the official index you trust.'),
      /the goEnv\.toolchain\.dlBase setting can point at/,
    );
    assert.doesNotMatch(
      editorRemedy('Free some space on that disk or install elsewhere with --dir, then run the install again.'),
      /--/,
    );
  });

  it('lists stable releases newest first with installed ones marked, then other installed toolchains', () => {
    const entries = releasePickEntries({
      releases: [release('1.30.0'), release('1.29.4'), release('1.22.5', 68_000_000)],
      indexBase: 'http://127.0.0.1:4000/dl/',
      installed: [installed('1.29.4'), installed('1.21.0'), installed('1.18.1', false)],
      sdkDir: '/home/u/sdk',
      homeDir: '/home/u',
    });
    const rows = entries.map((e) =>
      e.kind === 'release' ? `${e.label} | ${e.description}` : `[${e.kind}] ${e.label}`,
    );
    assert.deepEqual(rows, [
      '[separator] Stable releases (127.0.0.1:4000)',
      '$(cloud-download) Go 1.30.0 | latest · 72.3 MB',
      '$(check) Go 1.29.4 | installed in ~/sdk/go1.29.4',
      '$(cloud-download) Go 1.22.5 | 68.0 MB',
      '[separator] Also installed in ~/sdk',
      '$(check) Go 1.21.0 | installed in ~/sdk/go1.21.0',
      '[separator] ',
      '[settings] $(gear) Toolchain download settings',
    ]);
  });

  it('shows the index problem with its remedy and still lists what is installed', () => {
    const entries = releasePickEntries({
      releases: undefined,
      installed: [installed('1.22.5')],
      sdkDir: '/home/u/sdk',
      homeDir: '/home/u',
      indexError: {
        message: 'The Go release index could not be read from any official source (refused).',
        remedy: 'Check the network.',
      },
    });
    assert.equal(entries[0]?.kind, 'problem');
    assert.match(entries[0]!.kind === 'problem' ? entries[0]!.detail : '', /refused\)\. Check the network\./);
    assert.ok(entries.some((e) => e.kind === 'separator' && e.label === 'Installed in ~/sdk'));
    assert.ok(entries.some((e) => e.kind === 'release' && e.version === '1.22.5' && e.installed));
  });

  it('says a toolchain found installed without a recorded hash is not ours and unverified', () => {
    const summary = {
      version: 'go1.30.0',
      goroot: '/home/u/sdk/go1.30.0',
      alreadyInstalled: true,
      source: undefined,
      bytes: undefined,
    };
    assert.match(
      useOfferMessage({ ...summary, verified: false }, '/home/u'),
      /^Go Env: Go 1\.30\.0 is already in ~\/sdk\/go1\.30\.0, but not installed by go-env-doctor, unverified: no checksum of its bytes was checked\. Use it/,
    );
    assert.doesNotMatch(useOfferMessage({ ...summary, verified: true }, '/home/u'), /unverified/);
  });

  it('asks to use the toolchain and says what was changed', () => {
    const offer = useOfferMessage(
      {
        version: 'go1.30.0',
        goroot: '/home/u/sdk/go1.30.0',
        alreadyInstalled: false,
        source: 'http://127.0.0.1:9/golang/go1.30.0.linux-amd64.tar.gz',
        bytes: 1_200_000,
      },
      '/home/u',
    );
    assert.match(
      offer,
      /^Go Env: Go 1\.30\.0 is installed in ~\/sdk\/go1\.30\.0 \(1\.2 MB from 127\.0\.0\.1:9, SHA-256 verified against the official release index\)\. Use it for this workspace\?/,
    );
    assert.match(
      useOfferMessage(
        {
          version: 'go1.30.0',
          goroot: '/opt/sdk/go1.30.0',
          alreadyInstalled: true,
          source: undefined,
          bytes: undefined,
        },
        '/home/u',
      ),
      /Go 1\.30\.0 is already installed in \/opt\/sdk\/go1\.30\.0\./,
    );

    const used = usedMessage(
      { goBinary: '/home/u/sdk/go1.30.0/bin/go', alternateTools: false, workspaceSettings: true, untrusted: false },
      '/home/u',
    );
    assert.match(used, /this workspace now uses ~\/sdk\/go1\.30\.0\/bin\/go/);
    assert.match(used, /go\.alternateTools was not set because the Go extension is not installed/);
    assert.match(
      usedMessage({ goBinary: '/x/bin/go', alternateTools: true, workspaceSettings: true, untrusted: true }, '/home/u'),
      /The Go extension runs it \(go\.alternateTools\).*not trusted/,
    );
  });

  it('replaces only go in go.alternateTools and finds the binary per OS', () => {
    assert.deepEqual(withAlternateGo({ gopls: '/opt/gopls', go: '/old/go' }, '/new/go'), {
      gopls: '/opt/gopls',
      go: '/new/go',
    });
    assert.deepEqual(withAlternateGo(undefined, '/new/go'), { go: '/new/go' });
    assert.deepEqual(withAlternateGo(['junk'], '/new/go'), { go: '/new/go' });
    assert.equal(goBinaryIn('/home/u/sdk/go1.30.0', 'linux'), '/home/u/sdk/go1.30.0/bin/go');
    assert.equal(goBinaryIn('C:\\Users\\u\\sdk\\go1.30.0', 'win32'), 'C:\\Users\\u\\sdk\\go1.30.0\\bin\\go.exe');
  });
});
