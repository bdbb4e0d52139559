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
import { orList, toolchainError } from '../errors';
import { msg } from '../../i18n/message';

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
      msg('toolchain.sumdbOff.message'),
      msg('toolchain.sumdbOff.remedy'),
    );
  }
  if (parsed.kind === 'invalid') {
    throw toolchainError(
      'toolchain.sumdbUnavailable',
      msg('toolchain.sumdbInvalid.message', { setting: redact(parsed.setting), reason: parsed.reasonText }),
      msg('toolchain.sumdbInvalid.remedy'),
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
      msg('toolchain.noH1.message', { db: plan.db.name, what: `${modulePath}@${version}` }),
      msg('toolchain.noH1.remedy'),
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
    msg('toolchain.hashMismatch.message', {
      what,
      source: redact(from),
      actual,
      db: dbName,
      expected: orList(expected),
    }),
    msg('toolchain.hashMismatch.remedy'),
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
      msg('toolchain.notAZip.message', { path: zipPath, reason: (err as Error).message }),
      msg('toolchain.notAZip.remedy'),
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
        msg('toolchain.sumdb.unavailable.message', { db: name, what, reason: err.text }),
        name === 'sum.golang.org'
          ? msg('toolchain.sumdb.unavailable.remedyDefault')
          : msg('toolchain.sumdb.unavailable.remedy', { url: redact(db.url.href) }),
        err,
      );
    case 'notFound':
      return toolchainError(
        'toolchain.sumdbVerifyFailed',
        msg('toolchain.sumdb.notFound.message', { db: name, what, reason: err.text }),
        msg('toolchain.sumdb.notFound.remedy'),
        err,
      );
    case 'badSignature':
      return toolchainError(
        'toolchain.sumdbVerifyFailed',
        msg('toolchain.sumdb.badSignature.message', { reason: err.text }),
        msg('toolchain.sumdb.badSignature.remedy', { db: name }),
        err,
      );
    case 'badProof':
    case 'malformed':
      return toolchainError(
        'toolchain.sumdbVerifyFailed',
        msg('toolchain.sumdb.badProof.message', { reason: err.text }),
        msg('toolchain.sumdb.badProof.remedy', { what }),
        err,
      );
    case 'inconsistent':
      return toolchainError(
        'toolchain.sumdbVerifyFailed',
        err.text,
        msg('toolchain.sumdb.inconsistent.remedy', { db: name }),
        err,
      );
  }
}
