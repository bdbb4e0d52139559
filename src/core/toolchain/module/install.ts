// `go-env-doctor install <version> --via-proxy`: installs a Go toolchain from the module
// golang.org/toolchain@v0.0.1-go<version>.<goos>-<goarch> served by the GOPROXY list (so any
// mirror works), trusted only after the Go checksum database vouches for it, exactly as the go
// command does for GOTOOLCHAIN switches. The checksum-database lookup runs while the zip
// downloads; the zip is unpacked into the installer's staging directory with every entry hashed
// on the way; only when the `h1:` matches the database's proven record is the tree committed to
// `<dir>/go<version>` (stageAndCommit: lock, staging, marker, rename), like the archive path.
import * as path from 'node:path';
import { DoctorError, isAbortError } from '../../errors';
import { goName, parseGoVersion } from '../../goVersion';
import { parseGoproxy } from '../../go/goproxy';
import { goosGoarch } from '../../platform';
import { sumdbStateDir } from '../../stateDir';
import { hashZip } from '../../sumdb/dirhash';
import { undiciGet, type HttpGet } from '../../net/httpGet';
import {
  describeUnverifiedInstallText,
  isCompleteToolchain,
  readMarker,
  stageAndCommit,
  type CommitCheckpoint,
} from '../commit';
import { cancelled, orList, toolchainError, UnsafeArchiveError } from '../errors';
import { msg, type Message } from '../../i18n/message';
import { render } from '../../i18n/render';
import { createDispatcher } from '../../net/dispatcher';
import { defaultDownloadDir, defaultSdkDir, gorootFor } from '../layout';
import { withDefaults } from '../timeouts';
import type { InstallProgress } from '../progress';
import { downloadModuleZip, type ModuleDownloadOutcome } from './download';
import { extractModuleZip } from './extract';
import {
  lookupToolchainHash,
  planChecksumDb,
  requireHashMatch,
  sumdbFailureOf,
  TOOLCHAIN_MODULE,
  toolchainModuleVersion,
  toolchainZipPrefix,
  type ChecksumDbSettings,
  type ToolchainHashLookup,
} from './verify';
import { commitBasics, requiredBuild, type InstallHostOptions } from '../hostOptions';
import { installFs } from '../installFs';
import { assertFreeSpace, UNPACK_EXPANSION, type FreeBytes } from '../diskSpace';

export interface ModuleInstallOptions extends ChecksumDbSettings, InstallHostOptions {
  /** `1.22.5` or `go1.22.5` (a release; `latest` needs the release index, which this path avoids). */
  version: string;
  /** Where the newest verified checksum-database tree head is kept; default sumdbStateDir(platform). */
  stateDir?: string;
  /** What `direct` in GOPROXY fetches from; default https://go.dev/dl/mod (tests point it elsewhere). */
  directBase?: string;
  /** Checksum-database requests; default undici over `dispatcher`. */
  sumdbGet?: HttpGet;
  checkpoint?: (name: CommitCheckpoint) => void | Promise<void>;
  /** Free space on the SDK directory's file system (default: statfs). */
  freeBytes?: FreeBytes;
}

export interface ModuleVerification {
  /** The checksum database that vouched for the zip, e.g. `sum.golang.org`. */
  database: string;
  /** Whether it was reached through a GOPROXY mirror's /sumdb/ or directly. */
  via: 'proxy' | 'direct';
  /** Size of the signed tree the record was proven in, and the record's number. */
  treeSize: number;
  recordId: number;
  /** E.g. that GONOSUMDB matched golang.org/toolchain and was not honoured. */
  notes: string[];
}

export interface ModuleInstallResult {
  /** `go1.22.5` */
  version: string;
  goroot: string;
  /** `golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64` */
  module: string;
  /** The go.sum hash of the zip, as the checksum database records it. */
  h1: string | undefined;
  /** Size of the zip. */
  bytes: number | undefined;
  /** The GOPROXY entry that served the zip (redacted). */
  source: string | undefined;
  alreadyInstalled: boolean;
  /** How the zip was verified; undefined when the toolchain was already installed. */
  verification: ModuleVerification | undefined;
  events: string[];
}

/** One sentence for the CLI and the editor: where the toolchain came from and how it was verified. */
export function describeModuleInstall(r: ModuleInstallResult): string {
  return render(describeModuleInstallText(r), 'en');
}

export function describeModuleInstallText(r: ModuleInstallResult): Message {
  const { version, goroot } = r;
  if (r.alreadyInstalled && !r.h1) return describeUnverifiedInstallText(version, goroot);
  if (r.alreadyInstalled)
    return msg('toolchain.installed.moduleAlready', {
      version,
      goroot,
      source: r.source ?? msg('toolchain.installed.aModuleProxy'),
      h1: String(r.h1),
    });
  const v = r.verification;
  const how = v
    ? msg(v.via === 'proxy' ? 'toolchain.installed.provenViaMirror' : 'toolchain.installed.provenDirect', {
        h1: String(r.h1),
        db: v.database,
        records: v.treeSize.toLocaleString('en-US'),
      })
    : msg('toolchain.installed.hashIs', { h1: String(r.h1) });
  return msg('toolchain.installed.module', { version, goroot, module: r.module, source: String(r.source), how });
}

export async function installToolchainModule(opts: ModuleInstallOptions): Promise<ModuleInstallResult> {
  const { platform, signal } = opts;
  const files = installFs(platform);
  const timeouts = withDefaults(opts.timeouts);
  const dir = path.resolve(opts.dir ?? defaultSdkDir(platform));
  const v = parseGoVersion(opts.version.trim());
  if (!v || (v.patch === undefined && !v.pre && (v.major > 1 || v.minor >= 21))) {
    throw toolchainError(
      'toolchain.notFound',
      msg(v ? 'toolchain.moduleBadVersion.messageThreeNumbers' : 'toolchain.badVersion.message', {
        version: opts.version,
      }),
      msg('toolchain.moduleBadVersion.remedy'),
    );
  }
  const name = goName(v);
  const { goos, goarch } = goosGoarch(platform);
  const moduleVersion = toolchainModuleVersion(v.text, goos, goarch);
  const module = `${TOOLCHAIN_MODULE}@${moduleVersion}`;
  const goroot = gorootFor(dir, name);
  if (await isCompleteToolchain(goroot, requiredBuild(opts))) return installed(name, goroot, module, []);

  const plan = planChecksumDb(opts); // refuses GOSUMDB=off before any network traffic
  const settings: ChecksumDbSettings = {
    gosumdb: opts.gosumdb,
    gonosumdb: opts.gonosumdb,
    goprivate: opts.goprivate,
    goproxy: opts.goproxy,
  };
  const proxies = parseGoproxy(opts.goproxy ?? '');
  const stateDir = opts.stateDir ?? sumdbStateDir(platform);
  const partialPath = path.join(
    opts.downloadDir ?? defaultDownloadDir(dir),
    `${TOOLCHAIN_MODULE.replace(/\//g, '_')}@${moduleVersion}.zip.partial`,
  );
  const dispatcher = opts.dispatcher ?? createDispatcher(platform, timeouts);
  const events: string[] = [];
  let verification: ModuleVerification | undefined;

  try {
    const committed = await stageAndCommit({
      ...commitBasics(dir, name, opts, timeouts),
      builtFor: requiredBuild(opts),
      populate: async (ctx) => {
        // The lookup does not depend on the zip: run it while the zip downloads.
        const lookup = settle(
          lookupToolchainHash(TOOLCHAIN_MODULE, moduleVersion, {
            ...settings,
            stateDir,
            get: opts.sumdbGet ?? undiciGet(dispatcher),
            timeoutMs: timeouts.headersMs,
            ...(signal ? { signal } : {}),
          }),
        );
        const stopDownload = new AbortController();
        const downloadSignal = signal ? AbortSignal.any([signal, stopDownload.signal]) : stopDownload.signal;
        // A database that cannot be consulted makes the download pointless.
        void lookup.promise.catch((err) => {
          if (sumdbFailureOf(err) !== 'notFound') stopDownload.abort(err);
        });

        const fetchZip = async (fresh: boolean): Promise<ModuleDownloadOutcome> => {
          try {
            return await downloadModuleZip({
              modulePath: TOOLCHAIN_MODULE,
              version: moduleVersion,
              proxies,
              ...(opts.directBase ? { directBase: opts.directBase } : {}),
              partialPath,
              fresh,
              dispatcher,
              timeouts,
              signal: downloadSignal,
              ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
            });
          } catch (err) {
            if (signal?.aborted) throw cancelled(err);
            // The lookup's failure explains an aborted or failed download better, unless the
            // version simply does not exist (both say so; the download's message is clearer).
            if (lookup.error !== undefined && !(err instanceof DoctorError && err.code === 'toolchain.notFound'))
              throw lookup.error;
            if (stopDownload.signal.aborted)
              throw await lookup.promise.then(
                () => err,
                (e: unknown) => e,
              );
            throw err;
          }
        };

        let download: ModuleDownloadOutcome | undefined;
        const downloadAndCheck = async (fresh: boolean) => {
          download = await fetchZip(fresh);
          events.push(...download.events);
          // Kept zip on disk, tree still to unpack: room for the unpacked tree first.
          await assertFreeSpace(dir, download.bytes * UNPACK_EXPANSION, name, opts.freeBytes);
          const h1 = await unpack(download, ctx.root, lookup, moduleVersion, goos, signal, opts.onProgress);
          const found = await lookup.promise;
          requireHashMatch(h1, found.expected, `${module} zip`, download.source, found.plan.db.name);
          return { download, h1, found };
        };
        const isMismatch = (err: unknown) => err instanceof DoctorError && err.code === 'toolchain.checksumMismatch';
        let checked: Awaited<ReturnType<typeof downloadAndCheck>>;
        try {
          try {
            checked = await downloadAndCheck(false);
          } catch (err) {
            if (!isMismatch(err) || !download?.resumed) throw err;
            // Bytes kept from an earlier run or attempt may be the culprit: fetch the whole zip once more.
            events.push(
              `the resumed download did not verify (${(err as Error).message}); downloading it again from byte 0`,
            );
            await files.emptyDir(ctx.root);
            checked = await downloadAndCheck(true);
          }
        } catch (err) {
          if (isMismatch(err)) await files.remove(partialPath).catch(() => undefined); // never resume from these bytes
          throw err;
        }
        const { h1, found } = checked;
        verification = {
          database: found.plan.db.name,
          via: found.lookup.via,
          treeSize: found.lookup.tree.n,
          recordId: found.lookup.recordId,
          notes: found.plan.notes,
        };
        return { h1, bytes: checked.download.bytes, source: checked.download.source };
      },
    });
    if (committed.alreadyInstalled) return installed(name, committed.goroot, module, events, committed.marker);
    await files.removePartial(partialPath);
    const m = committed.marker;
    return {
      version: name,
      goroot: committed.goroot,
      module,
      h1: m?.h1,
      bytes: m?.bytes,
      source: m?.source,
      alreadyInstalled: false,
      verification,
      events: [...plan.notes, ...events],
    };
  } catch (err) {
    if (isAbortError(err) || signal?.aborted) throw cancelled(err);
    throw err;
  } finally {
    if (!opts.dispatcher) await dispatcher.close().catch(() => undefined);
  }
}

/**
 * Unpacks and hashes the zip. An entry the archive rules refuse is a checksum mismatch when the
 * zip's hash differs from the database's (a tampered download), and an unsafe archive only if
 * the database really vouches for those bytes.
 */
async function unpack(
  download: ModuleDownloadOutcome,
  root: string,
  lookup: Settled<ToolchainHashLookup>,
  moduleVersion: string,
  goos: string,
  signal: AbortSignal | undefined,
  onProgress: ((p: InstallProgress) => void) | undefined,
): Promise<string> {
  onProgress?.({
    phase: 'extract',
    bytes: download.bytes,
    total: download.bytes,
    bytesPerSec: 0,
    etaSec: undefined,
    source: download.source,
  });
  try {
    const r = await extractModuleZip(download.file, root, {
      prefix: toolchainZipPrefix(moduleVersion),
      goos,
      hash: true,
      ...(signal ? { signal } : {}),
    });
    return r.h1!;
  } catch (err) {
    if (!(err instanceof UnsafeArchiveError) || signal?.aborted) throw err;
    const found = await lookup.promise;
    const what = `${TOOLCHAIN_MODULE}@${moduleVersion} zip`;
    // Hashed apart from unpacking, so the message can name both hashes when the zip is still
    // readable (a flipped byte that only broke an entry's CRC-32, for instance).
    const h1 = await hashZip(download.file).catch(() => undefined);
    if (h1 === undefined) {
      throw toolchainError(
        'toolchain.checksumMismatch',
        msg('toolchain.zipUnreadable.message', {
          what,
          source: download.source,
          reason: err.message,
          db: found.plan.db.name,
          expected: orList(found.expected),
        }),
        msg('toolchain.zipUnreadable.remedy'),
        err,
      );
    }
    requireHashMatch(h1, found.expected, what, download.source, found.plan.db.name);
    throw toolchainError(
      'toolchain.unsafeArchive',
      msg('toolchain.zipUnsafe.message', { what, reason: err.message }),
      msg('toolchain.zipUnsafe.remedy'),
      err,
    );
  }
}

interface Settled<T> {
  promise: Promise<T>;
  /** The rejection reason, once the promise has rejected. */
  error: unknown;
}

/** A promise whose rejection is observed at once (no unhandled rejection) and readable later. */
function settle<T>(p: Promise<T>): Settled<T> {
  const s: Settled<T> = { promise: p, error: undefined };
  p.catch((err: unknown) => {
    s.error = err;
  });
  return s;
}

async function installed(
  name: string,
  goroot: string,
  module: string,
  events: string[],
  known?: Awaited<ReturnType<typeof readMarker>>,
): Promise<ModuleInstallResult> {
  const marker = known ?? (await readMarker(goroot));
  return {
    version: name,
    goroot,
    module,
    h1: marker?.h1,
    bytes: marker?.bytes,
    source: marker?.source,
    alreadyInstalled: true,
    verification: undefined,
    events,
  };
}
