// A test hook: the crash tests kill the installer at each checkpoint to prove that a crash or a
// closed window leaves either the old state or the complete new toolchain. esbuild defines
// TEST_HOOKS_DEFINE as false in the production bundle, so the hook and its variable name are
// compiled out of what users run; the dev bundle and the unbundled tests keep it.
import type { InstallCheckpoint } from '../core/toolchain/release/install';

declare const TEST_HOOKS_DEFINE: boolean | undefined;

const TEST_HOOKS = typeof TEST_HOOKS_DEFINE !== 'boolean' || TEST_HOOKS_DEFINE;

/**
 * With GO_ENV_DOCTOR_TEST_CRASH_AT set to a checkpoint name (locked, downloading, populated, marked,
 * committed), a checkpoint callback that kills the process with SIGKILL there.
 */
export function crashHook(env: Readonly<Record<string, string | undefined>>): {
  checkpoint?: (name: InstallCheckpoint) => void;
} {
  if (!TEST_HOOKS) return {};
  const crashAt = env['GO_ENV_DOCTOR_TEST_CRASH_AT'];
  if (!crashAt) return {};
  return {
    checkpoint: (name) => {
      if (name === crashAt) process.kill(process.pid, 'SIGKILL');
    },
  };
}
