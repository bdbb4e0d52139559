// `go-env-doctor repair-gosum MODULE@VERSION` and `go-env-doctor redownload-module MODULE@VERSION`:
// the fixes of gosum.mismatch and modcache.corrupt, run from a terminal.
import * as path from 'node:path';
import { parseArgs, UsageError } from './args';
import type { CliIO, Subcommand } from './io';
import { findGoMod } from '../core/gomod/find';
import { goModCache } from '../core/checks/modulesCheck';
import { DoctorError } from '../core/errors';
import { goEnvJson } from '../core/go/inspect';
import { locateGo } from '../core/go/locate';
import { repairGoSum } from '../core/modules/repairGoSum';
import { redownloadModule } from '../core/modules/redownloadModule';
import { stateDir } from '../core/stateDir';
import { errorText } from './errorText';

const GO_TIMEOUT_MS = 10 * 60_000;

interface Target {
  go: string;
  goMod: string;
  module: string;
  version: string;
}

async function target(argv: readonly string[], io: CliIO): Promise<Target> {
  const { flags, positionals } = parseArgs(argv, { cwd: 'string', go: 'string' });
  const [spec, ...rest] = positionals;
  const at = spec?.lastIndexOf('@') ?? -1;
  if (!spec || rest.length || at <= 0 || at === spec.length - 1)
    throw new UsageError('expected one MODULE@VERSION, e.g. example.com/m@v1.2.3');
  const cwd = path.resolve(io.cwd, (flags['cwd'] as string | undefined) ?? '.');
  const goMod = await findGoMod(cwd);
  if (!goMod) throw new UsageError(`no go.mod in ${cwd} or above it`);
  const located = await locateGo(io.platform, flags['go'] as string | undefined);
  if (!located.found) throw new DoctorError('go.notFound', 'No go binary was found.', 'Install Go or pass --go PATH.');
  return { go: located.go.path, goMod, module: spec.slice(0, at), version: spec.slice(at + 1) };
}

/** Runs a repair; a DoctorError becomes its message and remedy on stderr and exit 1. */
async function reported(io: CliIO, work: () => Promise<string>): Promise<number> {
  try {
    io.stdout(`${await work()}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof DoctorError)) throw err;
    io.stderr(errorText(err, io.lang));
    return 1;
  }
}

export const repairGoSumCommand: Subcommand = async (argv, io, signal) => {
  const t = await target(argv, io);
  const goSum = path.join(path.dirname(t.goMod), 'go.sum');
  return reported(io, async () => {
    const r = await repairGoSum({
      go: t.go,
      env: io.platform.env,
      timeoutMs: GO_TIMEOUT_MS,
      signal,
      goSum,
      module: t.module,
      version: t.version,
      backupDir: path.join(stateDir(io.platform), 'gosum-backup'),
    });
    return `Removed ${r.removed} line(s) of ${t.module} ${t.version} from ${goSum}; go mod tidy added verified ones.\nThe old go.sum is kept at ${r.backup} (to undo: copy it back).`;
  });
};

export const redownloadModuleCommand: Subcommand = async (argv, io, signal) => {
  const t = await target(argv, io);
  const cwd = path.dirname(t.goMod);
  return reported(io, async () => {
    const env = await goEnvJson(t.go, io.platform, GO_TIMEOUT_MS, signal);
    if (!('ok' in env))
      throw new DoctorError('go.failed', `\`go env\` failed with ${t.go}.`, 'Run `go env` to see why.');
    await redownloadModule({
      go: t.go,
      cwd,
      env: io.platform.env,
      timeoutMs: GO_TIMEOUT_MS,
      signal,
      gomodcache: goModCache(env.ok, io.platform),
      module: t.module,
      version: t.version,
      onProgress: (step) => io.stderr(`${step}…\n`),
    });
    return `${t.module}@${t.version} was downloaded again and verified against go.sum.`;
  });
};
