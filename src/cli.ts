// go-env-doctor: the CLI over the same core as the VS Code extension.
import * as v8 from 'node:v8';
import { hostPlatform } from './core/platform';
import type { CliIO } from './cli/io';
import { loadCommand } from './cli/loadCommand';
import { USAGE } from './cli/usage';
import { selfInvocation } from './cli/invocation';
import { TOOL_VERSION } from './core/toolInfo';
import { redact } from './core/redact';

export async function main(argv: readonly string[], io: CliIO, signal: AbortSignal): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (first === '--version') {
    io.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  const name = first === undefined || first.startsWith('-') ? 'diagnose' : first;
  const args = name === first ? rest : argv;
  const run = loadCommand(name);
  if (!run) {
    io.stderr(`go-env-doctor: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(args, io, signal);
  } catch (err) {
    // By name: each bundled command has its own copy of the UsageError class (args.ts).
    if (err instanceof Error && err.name === 'UsageError') {
      io.stderr(`go-env-doctor ${name}: ${redact(err.message)}\nRun "go-env-doctor --help" for usage.\n`);
      return 2;
    }
    io.stderr(
      `go-env-doctor: internal error: ${redact(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`,
    );
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
