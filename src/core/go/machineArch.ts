// The host's machine architecture: the pure rules of ../machineArch.ts fed with this process's
// environment, uname and (on macOS) sysctl.
import * as os from 'node:os';
import { machineArchFrom } from '../machineArch';
import { runProcess } from '../process/run';

export function hostMachineArch(env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<string> {
  return machineArchFrom({
    os: process.platform,
    env,
    processArch: process.arch,
    machine: os.machine(),
    sysctl: async (name) => {
      const r = await runProcess('/usr/sbin/sysctl', { args: ['-n', name], timeoutMs: 2000, signal });
      return r.kind === 'exited' && r.code === 0 ? r.stdout.trim() : undefined;
    },
  });
}
