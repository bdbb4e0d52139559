import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import { promisify } from 'node:util';
import { envFindings } from '../../../../src/core/checks/envCheck';
import { effectiveSetting, goEnvFilePath, parseGoEnvFile } from '../../../../src/core/go/envFile';
import type { EnvEntry } from '../../../../src/core/report/model';

function env(values: Record<string, string>, source: EnvEntry['source'] = 'goenv'): Record<string, EnvEntry> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, source }]));
}
const ids = (fs: { id: string }[]) => fs.map((f) => f.id).sort();

describe('go env file', () => {
  it('parses like cmd/go: raw values, only KEY=... lines starting with A-Z', () => {
    const m = parseGoEnvFile(
      'GOPROXY=https://goproxy.cn,direct\n# comment\nlower=x\nGOFLAGS=-mod=mod =x\r\nnoequals\n',
    );
    assert.deepEqual(
      [...m],
      [
        ['GOPROXY', 'https://goproxy.cn,direct'],
        ['GOFLAGS', '-mod=mod =x'],
      ],
    );
  });
  it('is found where go looks for it', () => {
    const base = { homeDir: '/home/u', arch: 'x64', now: () => 0 };
    assert.equal(goEnvFilePath({ ...base, os: 'linux', env: {} }), '/home/u/.config/go/env');
    assert.equal(goEnvFilePath({ ...base, os: 'linux', env: { XDG_CONFIG_HOME: '/x' } }), '/x/go/env');
    assert.equal(goEnvFilePath({ ...base, os: 'linux', env: { GOENV: '/tmp/e' } }), '/tmp/e');
    assert.equal(goEnvFilePath({ ...base, os: 'linux', env: { GOENV: 'off' } }), undefined);
    assert.equal(goEnvFilePath({ ...base, os: 'darwin', env: {} }), '/home/u/Library/Application Support/go/env');
    assert.equal(
      goEnvFilePath({ ...base, os: 'win32', env: { APPDATA: '/w/AppData/Roaming' } }),
      '/w/AppData/Roaming/go/env',
    );
  });
  it('resolves a setting: OS environment, then the file, then GOROOT/go.env, then built in', () => {
    const layers = {
      os: { GOPROXY: 'https://os.example' },
      file: new Map([
        ['GOPROXY', 'https://file.example'],
        ['GOSUMDB', 'sum.golang.google.cn'],
      ]),
      goroot: new Map([['GOTOOLCHAIN', 'auto']]),
    };
    assert.deepEqual(effectiveSetting('GOPROXY', layers), { value: 'https://os.example', source: 'environment' });
    assert.deepEqual(effectiveSetting('GOSUMDB', layers), { value: 'sum.golang.google.cn', source: 'goenv' });
    assert.deepEqual(effectiveSetting('GOTOOLCHAIN', layers), { value: 'auto', source: 'default' });
    assert.deepEqual(effectiveSetting('GOPROXY', { ...layers, os: { GOPROXY: '' } }), {
      value: 'https://file.example',
      source: 'goenv',
    });
  });
});

describe('env checks', () => {
  const healthy = {
    GOPROXY: 'https://proxy.golang.org,direct',
    GOSUMDB: 'sum.golang.org',
    GOINSECURE: '',
    GOFLAGS: '',
  };

  it('passes a healthy configuration', () => {
    const f = envFindings({ env: env(healthy), os: {} });
    assert.deepEqual(ids(f), ['env.ok']);
  });

  it('flags an OS variable that silently beats the go env file, and not when they agree', () => {
    const file = { path: '/home/u/.config/go/env', values: new Map([['GOPROXY', 'https://goproxy.cn,direct']]) };
    const f = envFindings({
      env: env({ ...healthy, GOPROXY: 'https://old.example' }, 'environment'),
      os: { GOPROXY: 'https://old.example' },
      file,
    });
    const o = f.find((x) => x.id === 'env.overridden');
    assert.ok(o);
    assert.match(
      o.detail,
      /"https:\/\/old\.example" in the OS environment and "https:\/\/goproxy\.cn,direct" in \/home\/u\/\.config\/go\/env/,
    );
    assert.match(o.detail, /go env -w GOPROXY=…`\) has no effect/);
    const agree = envFindings({ env: env(healthy), os: { GOPROXY: 'https://goproxy.cn,direct' }, file });
    assert.ok(!agree.some((x) => x.id === 'env.overridden'));
  });

  it('shows commands for the platform: PowerShell forms on Windows, POSIX elsewhere', () => {
    const file = {
      path: 'C:\\Users\\u\\AppData\\Roaming\\go\\env',
      values: new Map([['GOPROXY', 'https://a|direct']]),
    };
    const input = {
      env: env(
        { ...healthy, GOPROXY: 'https://old.example', GOSUMDB: 'off', GOFLAGS: '-insecure -mod=mod' },
        'environment',
      ),
      os: { GOPROXY: 'https://old.example' },
      file,
    };
    const commands = (os: NodeJS.Platform) =>
      envFindings({ ...input, platform: { os } }).flatMap((f) => (f.fixes ?? []).map((x) => x.command));
    assert.deepEqual(commands('win32'), [
      "$env:GOPROXY = $null; [Environment]::SetEnvironmentVariable('GOPROXY', $null, 'User')",
      'go env -w GOSUMDB=sum.golang.org',
      'go env -w GOSUMDB=sum.golang.google.cn',
      'go env -w GOFLAGS=-mod=mod',
    ]);
    assert.deepEqual(commands('linux'), [
      'unset GOPROXY   # then remove it from the shell profile that sets it',
      'go env -w GOSUMDB=sum.golang.org',
      'go env -w GOSUMDB=sum.golang.google.cn',
      'go env -w GOFLAGS=-mod=mod',
    ]);
    const overridden = envFindings({ ...input, platform: { os: 'win32' } }).find((f) => f.id === 'env.overridden');
    assert.match(overridden!.detail, /In cmd, `set GOPROXY=` clears it for that window only\. Do not use setx/);
  });

  it('flags GOPROXY=off and invalid entries, and explains , versus |', () => {
    assert.ok(ids(envFindings({ env: env({ ...healthy, GOPROXY: 'off' }), os: {} })).includes('env.proxyOff'));
    const bad = envFindings({ env: env({ ...healthy, GOPROXY: 'goproxy,direct' }), os: {} });
    const inv = bad.find((x) => x.id === 'env.proxyInvalid');
    assert.ok(inv && inv.severity === 'error');
    assert.match(inv.detail, /"goproxy" is invalid because it is neither a keyword/);
    const list = envFindings({
      env: env({ ...healthy, GOPROXY: 'https://goproxy.cn,https://proxy.golang.org,direct' }),
      os: {},
    });
    assert.match(
      list.find((x) => x.id === 'env.proxyList')!.detail,
      /with "," an unreachable first proxy fails the download/,
    );
    assert.ok(!ids(envFindings({ env: env(healthy), os: {} })).includes('env.proxyInvalid'));
  });

  it('flags disabled verification but never suggests disabling it', () => {
    const f = envFindings({
      env: env({ ...healthy, GOSUMDB: 'off', GOINSECURE: '*.corp.example', GOFLAGS: '-mod=mod -insecure' }),
      os: {},
    });
    assert.deepEqual(ids(f), ['env.insecure', 'env.insecure', 'env.sumdbOff']);
    const all = JSON.stringify(f);
    assert.ok(
      !/GOSUMDB=off|GOINSECURE=|-insecure"/.test(
        f
          .flatMap((x) => x.fixes ?? [])
          .map((x) => x.command)
          .join('\n'),
      ),
      all,
    );
    assert.ok(
      f
        .find((x) => x.id === 'env.sumdbOff')!
        .fixes!.some((x) => x.command === 'go env -w GOSUMDB=sum.golang.google.cn'),
    );
  });

  it('GOFLAGS=-insecure: what the finding quotes is what the real go prints', async () => {
    const f = envFindings({ env: env({ ...healthy, GOFLAGS: '-insecure' }), os: {} });
    const detail = f.find((x) => x.subject === 'GOFLAGS')!.detail;
    const quoted = /"(-insecure flag [^"]+)"/.exec(detail)?.[1];
    assert.ok(quoted, detail);
    assert.match(detail, /GOINSECURE/);
    const out = await promisify(execFile)('/usr/bin/go', ['get', 'example.com/m@v1.0.0'], {
      cwd: os.tmpdir(),
      env: { ...process.env, GOFLAGS: '-insecure', GOPROXY: 'off', GO111MODULE: 'on' },
    }).then(
      () => assert.fail('go get accepted -insecure'),
      (e: { stderr: string }) => e.stderr,
    );
    assert.ok(out.includes(quoted), out);
  });

  it('redacts credentials in GOPROXY', () => {
    const f = envFindings({ env: env({ ...healthy, GOPROXY: 'https://u:tok@proxy.corp,bad entry' }), os: {} });
    assert.ok(!JSON.stringify(f).includes('tok@'));
  });
});
