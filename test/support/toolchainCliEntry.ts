// Runs `installCommand` the way src/cli.ts does (first SIGINT cancels, 130 after a cancel), for
// the toolchain CLI tests while `install` is not yet wired into src/cli.ts. Usage:
//   node out/test/support/toolchainCliEntry.js install <args...>
import { installCommand } from '../../src/cli/install';
import { UsageError } from '../../src/cli/args';
import type { CliIO } from '../../src/cli/io';
import { hostPlatform } from '../../src/core/platform';

const controller = new AbortController();
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
};
const [cmd, ...args] = process.argv.slice(2);
if (cmd !== 'install') {
  process.stderr.write('usage: toolchainCliEntry install ...\n');
  process.exitCode = 2;
} else {
  installCommand(args, io, controller.signal).then(
    (code) => { process.exitCode = code; },
    (err) => {
      process.stderr.write(err instanceof UsageError ? `go-env-doctor install: ${err.message}\n` : `go-env-doctor: internal error: ${String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
