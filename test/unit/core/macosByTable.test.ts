// macOS by table (no Mac here): the places a go is looked for (Homebrew on Apple silicon and
// Intel, the official installer's /usr/local/go), the go env file's place, the darwin release
// archive chosen (tar.gz, never the .pkg installer) and the certificate trust command.
import * as assert from 'node:assert/strict';
import { savedCertificateAdvice } from '../../../src/core/certs/interceptingCert';
import { installDirs } from '../../../src/core/go/allGos';
import { goEnvFilePath } from '../../../src/core/go/envFile';
import { parseReleaseIndex, resolveRelease } from '../../../src/core/toolchain/release/officialIndex';
import { archiveEntry, releaseIndex } from '../../support/toolchainArchive';

const mac = { os: 'darwin' as const, arch: 'arm64', env: {}, homeDir: '/Users/u', now: () => 0 };

describe('macOS by table', () => {
  it('looks for go where Homebrew and the official installer put it', () => {
    const dirs = installDirs(mac).map((d) => d.dir);
    for (const d of ['/usr/local/go/bin', '/opt/homebrew/bin', '/usr/local/bin'])
      assert.ok(dirs.includes(d), `${d} in ${dirs.join(' ')}`);
    // The official installer's tree comes before Homebrew's links, as its PATH entry (/etc/paths.d/go) would.
    assert.ok(dirs.indexOf('/usr/local/go/bin') < dirs.indexOf('/opt/homebrew/bin'));
  });

  it('reads the go env file from ~/Library/Application Support/go/env', () => {
    assert.equal(goEnvFilePath(mac), '/Users/u/Library/Application Support/go/env');
    assert.equal(goEnvFilePath({ ...mac, env: { GOENV: '/tmp/goenv' } }), '/tmp/goenv');
  });

  it('installs the darwin tar.gz, never the .pkg installer', () => {
    const files = [
      {
        ...archiveEntry('go1.22.5', Buffer.from('pkg'), 'darwin', 'arm64'),
        filename: 'go1.22.5.darwin-arm64.pkg',
        kind: 'installer',
      },
      archiveEntry('go1.22.5', Buffer.from('tgz'), 'darwin', 'arm64'),
    ];
    const releases = parseReleaseIndex(JSON.stringify(releaseIndex([{ version: 'go1.22.5', files }])));
    const { file } = resolveRelease({ base: 'http://127.0.0.1/dl/', releases }, '1.22.5', mac);
    assert.equal(file.filename, 'go1.22.5.darwin-arm64.tar.gz');
  });

  it('trusts a saved certificate in the login keychain, per OS', () => {
    const s = {
      file: '/Users/u/Library/Application Support/go-env-doctor/certs/corp.pem',
      dir: '',
      name: 'Corp CA',
      sha256: 'AB',
    };
    const table: [NodeJS.Platform, string][] = [
      [
        'darwin',
        "security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db '/Users/u/Library/Application Support/go-env-doctor/certs/corp.pem'   (your login keychain only)",
      ],
      ['win32', `certutil -user -addstore Root "${s.file}"   (your Windows account only)`],
    ];
    for (const [os, line] of table) assert.ok(savedCertificateAdvice(s, { os }).includes(`\n  ${line}\n`), os);
  });
});
