// The fix kinds the editor layer performs itself; toolchain and proxy fixes register theirs the same way.
import * as vscode from 'vscode';
import { DoctorError } from '../../core/errors';
import { runProcess } from '../../core/process/run';
import { redact } from '../../core/redact';
import { Commands } from '../commands';
import type { FixContext, FixRegistry } from './registry';
import { signalFor } from '../cancellation';
import { saveCertificateFix } from './saveCertificate';

const GO_ENV_WRITE_TIMEOUT_MS = 15_000;
/** cmd/go prints this when an OS variable will keep winning over what was written. */
const OVERRIDDEN = /does not override conflicting OS environment variable/;

export function registerBuiltinFixes(registry: FixRegistry): vscode.Disposable {
  return vscode.Disposable.from(
    registry.register('showReport', async () => {
      await vscode.commands.executeCommand(Commands.showReport);
      return { rediagnose: false };
    }),
    registry.register('openSettings', async (action) => {
      await vscode.commands.executeCommand('workbench.action.openSettings', action.query);
      return { rediagnose: false };
    }),
    registry.register('setGoEnv', (action, ctx) =>
      goEnvWrite(['-w', `${action.name}=${action.value}`], action.name, ctx),
    ),
    registry.register('unsetGoEnv', (action, ctx) => goEnvWrite(['-u', action.name], action.name, ctx)),
    registry.register('saveCertificate', saveCertificateFix),
  );
}

/** `go env -w` / `go env -u` with the go binary the report is about. */
async function goEnvWrite(args: string[], name: string, ctx: FixContext): Promise<void> {
  const go = ctx.report.go.path;
  if (!go) {
    throw new DoctorError(
      'go.notFound',
      vscode.l10n.t('There is no go binary to run `go env` with.'),
      vscode.l10n.t('Install Go or set goEnv.goPath, then diagnose again.'),
    );
  }
  const abort = signalFor(ctx.token);
  try {
    const shown = redact(`go env ${args.join(' ')}`);
    ctx.log.info(`running ${shown} with ${go}`);
    // GOTOOLCHAIN=local: writing a setting must not download a toolchain first.
    const r = await runProcess(go, {
      args: ['env', ...args],
      env: { ...process.env, GOTOOLCHAIN: 'local' },
      timeoutMs: GO_ENV_WRITE_TIMEOUT_MS,
      signal: abort.signal,
    });
    if (r.kind === 'aborted') return;
    if (r.kind === 'spawnError')
      throw new DoctorError(
        'go.failed',
        vscode.l10n.t('{0} could not be started: {1}', go, r.message),
        vscode.l10n.t('Check goEnv.goPath.'),
      );
    if (r.kind === 'timeout')
      throw new DoctorError(
        'go.timeout',
        vscode.l10n.t('{0} did not finish within {1} ms.', `\`${shown}\``, GO_ENV_WRITE_TIMEOUT_MS),
        vscode.l10n.t('Run it in a terminal to see where it waits.'),
      );
    const stderr = redact(r.stderr.trim());
    if (r.code !== 0) {
      throw new DoctorError(
        'go.failed',
        vscode.l10n.t('{0} failed: {1}', `\`${shown}\``, stderr || `exit status ${r.code}`),
        vscode.l10n.t('Run it in a terminal; the go env file (go env GOENV) may be unwritable.'),
      );
    }
    ctx.log.info(`${shown}: done${stderr ? `; go said: ${stderr}` : ''}`);
    if (OVERRIDDEN.test(stderr)) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Go Env: {0} was written to the go env file, but {1} is also set in the environment VS Code was started with, and that value keeps winning. Remove {1} from your shell profile or system environment, then restart VS Code.',
          shown,
          name,
        ),
      );
    } else {
      void vscode.window.showInformationMessage(vscode.l10n.t('Go Env: ran {0}.', `\`${shown}\``));
    }
  } finally {
    abort.dispose();
  }
}
