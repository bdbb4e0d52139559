// `go-env-doctor [diagnose] [--json] [--cwd DIR] [--go PATH] [--timeout MS] [--modules]`
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs, intFlag, UsageError } from './args';
import type { Subcommand } from './io';
import { diagnose, DEFAULT_TIMEOUT_MS } from '../core/diagnose';
import { renderText } from '../core/report/text';

export const diagnoseCommand: Subcommand = async (argv, io, signal) => {
  const { flags, positionals } = parseArgs(argv, {
    json: 'boolean',
    cwd: 'string',
    go: 'string',
    timeout: 'string',
    verbose: 'boolean',
    modules: 'boolean',
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const cwd = path.resolve(io.cwd, (flags['cwd'] as string | undefined) ?? '.');
  const st = await fs.stat(cwd).catch(() => undefined);
  if (!st?.isDirectory()) throw new UsageError(`--cwd ${cwd} is not a directory`);
  const report = await diagnose({
    cwd,
    goPath: flags['go'] as string | undefined,
    timeoutMs: intFlag(flags['timeout'], 'timeout', DEFAULT_TIMEOUT_MS),
    platform: io.platform,
    modules: Boolean(flags['modules']),
    signal,
  });
  if (flags['json']) io.stdout(JSON.stringify(report, null, 2) + '\n');
  else
    io.stdout(
      renderText(report, { color: io.stdoutIsTTY && !io.platform.env['NO_COLOR'], verbose: Boolean(flags['verbose']) }),
    );
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
};
