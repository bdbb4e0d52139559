// go-env-doctor: the CLI over the same core as the VS Code extension.
import * as v8 from 'node:v8';
import { hostPlatform } from './core/platform';
import type { CliIO } from './cli/io';
import type { UsageError } from './cli/args';
import { loadCommand } from './cli/loadCommand';
import { takeLangFlag, withLang } from './cli/lang';
import { msg } from './core/i18n/message';
import { render } from './core/i18n/render';
import { selfInvocation } from './cli/invocation';
import { TOOL_VERSION } from './core/toolInfo';
import { redact } from './core/redact';

export async function main(argv: readonly string[], baseIo: CliIO, signal: AbortSignal): Promise<number> {
  let io = withLang(baseIo, undefined);
  const t = (key: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) => render(msg(key, params), io.lang!);
  let name = 'diagnose';
  try {
    const taken = takeLangFlag(argv);
    io = withLang(baseIo, taken.flag);
    const [first, ...rest] = taken.argv;
    if (first === '--help' || first === '-h' || first === 'help') {
      io.stdout(t('cli.usage'));
      return 0;
    }
    if (first === '--version') {
      io.stdout(`${TOOL_VERSION}\n`);
      return 0;
    }
    name = first === undefined || first.startsWith('-') ? 'diagnose' : first;
    const args = name === first ? rest : taken.argv;
    const run = loadCommand(name);
    if (!run) {
      io.stderr(`${t('cli.unknownCommand', { name })}\n\n${t('cli.usage')}`);
      return 2;
    }
    return await run(args, io, signal);
  } catch (err) {
    // By name: each bundled command has its own copy of the UsageError class (args.ts).
    if (err instanceof Error && err.name === 'UsageError') {
      const message = (err as UsageError).in(io.lang!);
      io.stderr(`${redact(t('cli.usageError', { command: name, message }))}\n${t('cli.seeHelp')}\n`);
      return 2;
    }
    const error = redact(err instanceof Error ? (err.stack ?? err.message) : String(err));
    io.stderr(`${t('cli.internalError', { error })}\n`);
    return 2;
  }
}

if (require.main === module) {
  // undici parses HTTP with WebAssembly, which V8 recompiles with TurboFan in the background, and
  // the process waits for that before it exits (~0.7 s after a diagnosis, measured by
  // test/bench/cli.bench.ts). A short-lived CLI gains nothing from the optimized code.
  v8.setFlagsFromString('--liftoff-only');
  const controller = new AbortController();
  // First Ctrl+C cancels cleanly (downloads stop, staging is removed); a second one exits at once.
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    controller.abort();
  });
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    ...(process.stdout.columns ? { stdoutColumns: process.stdout.columns } : {}),
    // Node's default locale on Windows follows the user's language settings.
    ...(process.platform === 'win32' ? { uiLanguage: Intl.DateTimeFormat().resolvedOptions().locale } : {}),
    cwd: process.cwd(),
    platform: hostPlatform(),
    invocation: selfInvocation(process.argv[1]),
  };
  main(process.argv.slice(2), io, controller.signal).then(
    (code) => {
      process.exitCode = interrupted && code === 0 ? 130 : code;
    },
    (err) => {
      process.stderr.write(`go-env-doctor: ${redact(String(err))}\n`);
      process.exitCode = 2;
    },
  );
}
