// Verification of a golang.org/toolchain module zip against the Go checksum database, as cmd/go
// does before it runs a downloaded toolchain: the zip's `h1:` must equal the hash in a record
// the database proves (signed tree note, inclusion proof, consistency with the tree head we saw
// before). Toolchain downloads always need the database: GOSUMDB=off is refused, and
// GONOSUMDB/GOPRIVATE do not exempt golang.org/toolchain (cmd/go modfetch.useSumDB).
import { parseGoproxy } from '../../go/goproxy';
import { redact } from '../../redact';
import { lookupSumdb, zipHashesFromLines, type SumdbLookup } from '../../sumdb/client';
import { SumdbError, type SumdbFailure } from '../../sumdb/sumdbError';
import { hashZip } from '../../sumdb/dirhash';
import { parseGosumdb, type SumDatabase } from '../../go/gosumdb';
import { undiciGet, type HttpGet } from '../../net/httpGet';
import { matchPrefixPatterns } from '../../sumdb/prefixPatterns';
import { toolchainError } from '../errors';

export const TOOLCHAIN_MODULE = 'golang.org/toolchain';

/** `v0.0.1-go1.22.5.linux-amd64` for Go `1.22.5` (or `go1.22.5`) on linux/amd64. */
export function toolchainModuleVersion(goVersion: string, goos: string, goarch: string): string {
  return `v0.0.1-go${goVersion.replace(/^go/, '')}.${goos}-${goarch}`;
}

/** `golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/`: the prefix of every entry in the zip. */
export function toolchainZipPrefix(moduleVersion: string): string {
  return `${TOOLCHAIN_MODULE}@${moduleVersion}/`;
}

/** The Go settings that decide where and whether the checksum database is consulted. */
export interface ChecksumDbSettings {
  /** GOSUMDB; empty or undefined means sum.golang.org. */
  gosumdb?: string | undefined;
  gonosumdb?: string | undefined;
  goprivate?: string | undefined;
  /** GOPROXY: its mirrors are asked whether they forward the database (`/sumdb/<name>/supported`). */
  goproxy?: string | undefined;
}

export interface ChecksumDbOptions extends ChecksumDbSettings {
  /** Where the newest verified tree head is kept between runs. */
  stateDir: string;
  get?: HttpGet;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
}

export interface ChecksumDbPlan {
  db: SumDatabase;
  /** Things worth telling the user (e.g. GONOSUMDB matched but was not honoured). */
  notes: string[];
}

/** Chooses the database, refusing GOSUMDB=off or an invalid GOSUMDB with a DoctorError. */
export function planChecksumDb(settings: ChecksumDbSettings, modulePath = TOOLCHAIN_MODULE): ChecksumDbPlan {
  const parsed = parseGosumdb(settings.gosumdb);
  if (parsed.kind === 'off') {
    throw toolchainError(
      'toolchain.sumdbUnavailable',
      'GOSUMDB=off turns the Go checksum database off, but a toolchain downloaded through a module proxy is trusted only after the checksum database vouches for its hash; the go command refuses such a download too.',
      'Turn the checksum database back on: go env -w GOSUMDB=sum.golang.org (or sum.golang.google.cn where sum.golang.org is blocked), or only for this command: GOSUMDB=sum.golang.org go-env-doctor install <version> --via-proxy. (An empty GOSUMDB does not help when the go env file says off.) Installing from the go.dev release archives does not need the database.',
    );
  }
  if (parsed.kind === 'invalid') {
    throw toolchainError(
      'toolchain.sumdbUnavailable',
      `GOSUMDB="${redact(parsed.setting)}" is not usable: ${parsed.reason}.`,
      'Set GOSUMDB to sum.golang.org (the default), sum.golang.google.cn, or a database verifier key of the form name+hash+key, optionally followed by its URL.',
    );
  }
  const notes: string[] = [];
  for (const [name, globs] of [
    ['GONOSUMDB', settings.gonosumdb],
    ['GOPRIVATE', settings.goprivate],
  ] as const) {
    if (globs && matchPrefixPatterns(globs, modulePath)) {
      notes.push(
        `${name}=${globs} matches ${modulePath}, but like the go command we still verify toolchains with the checksum database: a toolchain cannot be listed in go.sum, so the database is the only check.`,
      );
      break;
    }
  }
  return { db: parsed.db, notes };
}

export interface ToolchainHashLookup {
  plan: ChecksumDbPlan;
  lookup: SumdbLookup;
  /** The zip hashes the database's record lists (normally one `h1:`). */
  expected: string[];
}

/** Looks the module version up in the checksum database and verifies the answer; DoctorError on failure. */
export async function lookupToolchainHash(
  modulePath: string,
  version: string,
  opts: ChecksumDbOptions,
): Promise<ToolchainHashLookup> {
  const plan = planChecksumDb(opts, modulePath);
  let lookup: SumdbLookup;
  try {
    lookup = await lookupSumdb(
      {
        db: plan.db,
        proxies: parseGoproxy(opts.goproxy ?? ''),
        stateDir: opts.stateDir,
        get: opts.get ?? undiciGet(),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      },
      modulePath,
      version,
    );
  } catch (err) {
    throw sumdbDoctorError(err, plan.db, `${modulePath}@${version}`);
  }
  const expected = zipHashesFromLines(lookup.lines, modulePath, version);
  if (expected.length === 0) {
    throw toolchainError(
      'toolchain.sumdbVerifyFailed',
      `The checksum database ${plan.db.name} proved a record for ${modulePath}@${version}, but the record has no h1: hash for the module zip.`,
      'This database is not behaving like a Go checksum database; check GOSUMDB and do not install this toolchain.',
    );
  }
  return { plan, lookup, expected };
}

/** Throws toolchain.checksumMismatch unless `actual` is one of the database's hashes. */
export function requireHashMatch(
  actual: string,
  expected: readonly string[],
  what: string,
  from: string,
  dbName: string,
): void {
  if (expected.includes(actual)) return;
  throw toolchainError(
    'toolchain.checksumMismatch',
    `The ${what} downloaded from ${redact(from)} has hash ${actual}, but the checksum database ${dbName} records ${expected.join(' or ')}: the file was changed or corrupted on the way. Nothing was installed.`,
    'Try again, or use another GOPROXY mirror (the mirror or something between you and it served different bytes). Never install a toolchain that does not match the checksum database.',
  );
}

export interface VerifiedToolchainZip {
  h1: string;
  database: string;
  via: 'proxy' | 'direct';
  treeSize: number;
  recordId: number;
  notes: string[];
}

/**
 * Verifies a downloaded module zip (file on disk) without unpacking it: hashes its entries and
 * looks its version up in the checksum database concurrently, then compares.
 */
export async function verifyToolchainZip(
  zipPath: string,
  opts: ChecksumDbOptions & { module?: string; version: string; source?: string },
): Promise<VerifiedToolchainZip> {
  const modulePath = opts.module ?? TOOLCHAIN_MODULE;
  const [h1, found] = await Promise.all([
    hashZipOrMismatch(zipPath, opts.signal),
    lookupToolchainHash(modulePath, opts.version, opts),
  ]);
  requireHashMatch(h1, found.expected, `${modulePath}@${opts.version} zip`, opts.source ?? zipPath, found.plan.db.name);
  return {
    h1,
    database: found.plan.db.name,
    via: found.lookup.via,
    treeSize: found.lookup.tree.n,
    recordId: found.lookup.recordId,
    notes: found.plan.notes,
  };
}

async function hashZipOrMismatch(zipPath: string, signal: AbortSignal | undefined): Promise<string> {
  try {
    return await hashZip(zipPath, signal ? { signal } : {});
  } catch (err) {
    if (signal?.aborted) throw err;
    throw toolchainError(
      'toolchain.checksumMismatch',
      `${zipPath} is not a readable zip file, so it cannot match the checksum database (${(err as Error).message}).`,
      'Download it again, or from another GOPROXY mirror.',
      err,
    );
  }
}

/** Which check failed, for a DoctorError made from a checksum-database failure. */
export function sumdbFailureOf(err: unknown): SumdbFailure | undefined {
  const cause = (err as { cause?: unknown } | undefined)?.cause;
  return cause instanceof SumdbError ? cause.kind : undefined;
}

/** Maps a checksum-database failure to a toolchain error (toolchain.sumdbUnavailable, .sumdbVerifyFailed, ...). */
export function sumdbDoctorError(err: unknown, db: SumDatabase, what: string): unknown {
  if (!(err instanceof SumdbError)) return err;
  const name = db.name;
  switch (err.kind) {
    case 'unavailable':
      return toolchainError(
        'toolchain.sumdbUnavailable',
        `The checksum database ${name} could not be consulted for ${what}: ${err.message}`,
        name === 'sum.golang.org'
          ? 'Check that this machine can reach sum.golang.org, or a GOPROXY mirror that forwards it (most do, through /sumdb/sum.golang.org/). Where sum.golang.org is blocked, set GOSUMDB=sum.golang.google.cn. Do not turn the checksum database off: a toolchain is never installed unverified.'
          : `Check that this machine can reach the checksum database named by GOSUMDB (${redact(db.url.href)}), or a GOPROXY mirror that forwards it.`,
        err,
      );
    case 'notFound':
      return toolchainError(
        'toolchain.sumdbVerifyFailed',
        `The checksum database ${name} has no record of ${what}, so it cannot be verified: it is not a published Go toolchain. ${err.message}`,
        'Check the version (go-env-doctor install <version>): only released Go versions for your OS and architecture exist as golang.org/toolchain modules.',
        err,
      );
    case 'badSignature':
      return toolchainError(
        'toolchain.sumdbVerifyFailed',
        `Bad signature: ${err.message}`,
        `The answer did not come from ${name}: a mirror or a network device altered it, or GOSUMDB names the wrong key. Check GOSUMDB (go env GOSUMDB), try another mirror, and do not install this toolchain.`,
        err,
      );
    case 'badProof':
    case 'malformed':
      return toolchainError(
        'toolchain.sumdbVerifyFailed',
        `Bad proof: ${err.message}`,
        `The checksum database's proof that ${what} is in its signed log does not hold, so the record cannot be trusted. Try again later or through another mirror; do not install this toolchain.`,
        err,
      );
    case 'inconsistent':
      return toolchainError(
        'toolchain.sumdbVerifyFailed',
        err.message,
        `Do not install anything through this database or mirror until this is explained: the log it serves contradicts the one it served before (a fork). Try from another network or mirror, and report both tree notes above to the operators of ${name}. Only if you deliberately pointed GOSUMDB at a different database with the same name, delete the saved tree head in the state directory.`,
        err,
      );
  }
}
