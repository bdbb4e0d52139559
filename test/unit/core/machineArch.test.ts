import * as assert from 'node:assert/strict';
import { machineArchFrom, type MachineArchSources } from '../../../src/core/machineArch';
import { hostMachineArch } from '../../../src/core/go/machineArch';

describe('machine architecture', () => {
  it('sees through Rosetta, WOW64 and a Node for another architecture', async () => {
    const base = (s: Partial<MachineArchSources>): MachineArchSources => ({
      os: 'linux',
      env: {},
      processArch: 'x64',
      machine: 'x86_64',
      sysctl: async () => undefined,
      ...s,
    });
    const sysctl = (values: Record<string, string>) => async (name: string) => values[name];
    const table: [string, Partial<MachineArchSources>, string][] = [
      [
        'macOS, Node under Rosetta',
        { os: 'darwin', sysctl: sysctl({ 'sysctl.proc_translated': '1', 'hw.optional.arm64': '1' }) },
        'arm64',
      ],
      [
        'macOS, native arm64 Node',
        {
          os: 'darwin',
          processArch: 'arm64',
          sysctl: sysctl({ 'sysctl.proc_translated': '0', 'hw.optional.arm64': '1' }),
        },
        'arm64',
      ],
      ['macOS on Intel', { os: 'darwin', sysctl: sysctl({ 'hw.optional.arm64': '0' }) }, 'x64'],
      ['macOS on Intel, no such sysctl', { os: 'darwin' }, 'x64'],
      [
        'Windows, 32-bit process on 64-bit',
        { os: 'win32', processArch: 'ia32', env: { PROCESSOR_ARCHITECTURE: 'x86', PROCESSOR_ARCHITEW6432: 'AMD64' } },
        'x64',
      ],
      ['Windows, native x64', { os: 'win32', env: { PROCESSOR_ARCHITECTURE: 'AMD64' } }, 'x64'],
      ['Windows on ARM', { os: 'win32', env: { PROCESSOR_ARCHITECTURE: 'ARM64' } }, 'arm64'],
      ['Linux arm64', { machine: 'aarch64', processArch: 'arm64' }, 'arm64'],
      ['Linux, unknown machine', { machine: 'mystery' }, 'x64'],
    ];
    for (const [name, s, expected] of table) assert.equal(await machineArchFrom(base(s)), expected, name);
  });

  it('reads this machine: a native Node here, so its own arch', async () => {
    assert.equal(await hostMachineArch({}), process.arch);
  });
});
