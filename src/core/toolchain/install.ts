// One entry point for "install Go X.Y.Z" used by the CLI and the editor: the official release
// archive (SHA-256 from the go.dev/dl index) when the index can be read, otherwise the module
// golang.org/toolchain from the user's GOPROXY, verified against the Go checksum database, the
// way the go command itself fetches toolchains. The GOPROXY/GOSUMDB settings are read like the
// go command reads them (environment, go env file, $GOROOT/go.env, built-in defaults) without
// running go, since a broken or missing go is often why a toolchain is being installed.
import { doctorError, DoctorError, errorText, isAbortError } from '../errors';
import type { MessageKey } from '../i18n/catalog';
import { msg, type Message, type Param } from '../i18n/message';
import { render } from '../i18n/render';
import { effectiveSetting } from '../go/envFile';
import { predictGoSettings } from '../go/predictSettings';
import { parseGoproxy, type ProxyEntry } from '../go/goproxy';
import { goName, parseGoVersion, supportsToolchainSwitch } from '../goVersion';
import { loadGoTrust } from '../net/trust';
import { goosGoarch, type Platform } from '../platform';
import { redact } from '../redact';
import type { HttpGet } from '../net/httpGet';
import { describeUnverifiedInstallText, readMarker } from './commit';
import { cancelled, toolchainError } from './errors';
import { createDispatcher } from '../net/dispatcher';
import { installToolchainRelease, type InstallCheckpoint, type InstallResult } from './release/install';
import { withDefaults } from './timeouts';
import { describeModuleInstallText, installToolchainModule, type ModuleInstallResult } from './module/install';
import { planChecksumDb, TOOLCHAIN_MODULE, toolchainModuleVersion, type ChecksumDbSettings } from './module/verify';
import type { InstallHostOptions } from './hostOptions';
import { targetPlatform } from './targetArch';

export interface ToolchainInstallOptions extends InstallHostOptions {
  /** `1.22.5`, `go1.22.5`, or `latest` (archive path only: the module path has no "latest"). */
  version: string;
  /** Skip the release index and install the golang.org/toolchain module from GOPROXY. */
  viaProxy?: boolean;
  /** The build to install (Platform.arch names); default platform.arch, see targetArch.ts. */
  arch?: string;
  /** Archive path: official index bases, tried in order; default go.dev/dl then golang.google.cn/dl. */
  dlBases?: readonly string[];
  /** Archive path: mirrors of the release files, tried before the dl bases. */
  mirrors?: readonly string[];
  /**
   * Module path: GOPROXY, GOSUMDB, GONOSUMDB, GOPRIVATE. Default: read like the go command
   * (readGoChecksumSettings); a value given here wins over what would be read.
   */
  goSettings?: Partial<ChecksumDbSettings>;
  /** GOROOT whose go.env supplies defaults; default $GOROOT, else the go found on PATH. */
  goroot?: string;
  /** Module path: where the newest verified checksum-database tree head is kept. */
  stateDir?: string;
  /** Module path: what `direct` in GOPROXY fetches from (tests point it at a local server). */
  directBase?: string;
  /** Module path: checksum-database requests (default: undici over the dispatcher). */
  sumdbGet?: HttpGet;
  /** Called when the release index failed and the install switches to GOPROXY. */
  onFallback?: (e: FallbackNotice) => void;
  /** Archive path only, see InstallOptions.reclaimMemory. */
  reclaimMemory?: () => void;
  /** Test hook (crash points); 'downloading' is reached on the archive path only. */
  checkpoint?: (name: InstallCheckpoint) => void | Promise<void>;
}

export interface FallbackNotice {
  /** Why the archive path was given up (the index error). */
  reason: DoctorError;
  /** The effective GOPROXY and GOSUMDB (credentials redacted) and where each came from. */
  goproxy: SettingValue;
  gosumdb: SettingValue;
  /** The checksum database's name, e.g. sum.golang.org. */
  database: string;
}

export interface SettingValue {
  value: string;
  source: 'environment' | 'goenv' | 'default' | 'option';
}

/** Installed from the official release archive, its SHA-256 checked against the official index. */
export interface ArchiveInstall extends InstallResult {
  via: 'archive';
  /** One sentence: where it came from and how it was verified. */
  description: string;
  /** `description` as a catalog Message. */
  descriptionText: Message;
}

/** Installed from the golang.org/toolchain module, its h1: proven by the checksum database. */
export interface ModuleInstall extends ModuleInstallResult {
  via: 'proxy';
  /** One sentence: where it came from and how it was verified. */
  description: string;
  /** `description` as a catalog Message. */
  descriptionText: Message;
  /** Set when the archive path was tried first and failed: the index error's message. */
  fallbackFrom: string | undefined;
  /** The settings the module path used; undefined when nothing had to be fetched. */
  goproxy: SettingValue | undefined;
  gosumdb: SettingValue | undefined;
}

export type ToolchainInstallResult = ArchiveInstall | ModuleInstall;

export async function installToolchain(given: ToolchainInstallOptions): Promise<ToolchainInstallResult> {
  // A build named explicitly replaces this version installed for another architecture.
  const opts = {
    ...given,
    platform: targetPlatform(given.platform, given.arch),
    ...(given.arch === undefined ? {} : { replaceOtherBuild: true }),
  };
  if (opts.viaProxy) return fromModule(opts, undefined);
  let archive: InstallResult;
  try {
    archive = await installToolchainRelease({
      version: opts.version,
      platform: opts.platform,
      ...pick(opts, [
        'dir',
        'dlBases',
        'mirrors',
        'signal',
        'onProgress',
        'onWait',
        'timeouts',
        'dispatcher',
        'downloadDir',
        'connectionsPerHost',
        'reclaimMemory',
        'checkpoint',
        'replaceOtherBuild',
      ]),
    });
  } catch (err) {
    if (!(err instanceof DoctorError) || err.code !== 'toolchain.indexUnavailable' || opts.signal?.aborted) throw err;
    return fallBack(opts, err);
  }
  return (
    (await installedAsModuleBefore(archive, opts)) ?? {
      ...archive,
      via: 'archive',
      ...described(describeArchiveInstallText(archive)),
    }
  );
}

/** The description in English and as a Message. */
function described(text: Message): { description: string; descriptionText: Message } {
  return { description: render(text, 'en'), descriptionText: text };
}

/** One sentence for the CLI and the editor, the archive-path twin of describeModuleInstall. */
export function describeArchiveInstall(r: InstallResult): string {
  return render(describeArchiveInstallText(r), 'en');
}

export function describeArchiveInstallText(r: InstallResult): Message {
  const { version, goroot } = r;
  if (r.alreadyInstalled && !r.sha256) return describeUnverifiedInstallText(version, goroot);
  const sha256 = String(r.sha256);
  if (r.alreadyInstalled) return msg('toolchain.installed.archiveAlready', { version, goroot, sha256 });
  const from =
    r.source === 'partial download'
      ? msg('toolchain.installed.keptDownload')
      : r.source
        ? redact(r.source)
        : msg('toolchain.installed.officialHost');
  return msg('toolchain.installed.archive', { version, goroot, from, sha256 });
}

/** GOPROXY, GOSUMDB, GONOSUMDB and GOPRIVATE as the go command would use them, with their sources. */
export async function readGoChecksumSettings(
  platform: Platform,
  goroot?: string,
): Promise<{ goproxy: SettingValue; gosumdb: SettingValue; gonosumdb: SettingValue; goprivate: SettingValue }> {
  const { layers } = await predictGoSettings(platform, { goroot });
  const get = (name: string): SettingValue => effectiveSetting(name, layers);
  return { goproxy: get('GOPROXY'), gosumdb: get('GOSUMDB'), gonosumdb: get('GONOSUMDB'), goprivate: get('GOPRIVATE') };
}

async function settingsFor(
  opts: ToolchainInstallOptions,
): Promise<{ goproxy: SettingValue; gosumdb: SettingValue; checksumDb: ChecksumDbSettings }> {
  const given = opts.goSettings ?? {};
  const read = await readGoChecksumSettings(opts.platform, opts.goroot);
  const choose = (v: string | undefined, fallback: SettingValue): SettingValue =>
    v === undefined ? fallback : { value: v, source: 'option' };
  const goproxy = choose(given.goproxy, read.goproxy);
  const gosumdb = choose(given.gosumdb, read.gosumdb);
  return {
    goproxy,
    gosumdb,
    checksumDb: {
      goproxy: goproxy.value,
      gosumdb: gosumdb.value,
      gonosumdb: choose(given.gonosumdb, read.gonosumdb).value,
      goprivate: choose(given.goprivate, read.goprivate).value,
    },
  };
}

async function fallBack(opts: ToolchainInstallOptions, indexError: DoctorError): Promise<ModuleInstall> {
  const v = opts.version.trim() === 'latest' ? undefined : parseGoVersion(opts.version.trim());
  if (!v) {
    throw withNote(indexError, 'toolchain.fallback.latest', {}, msg('toolchain.fallback.latest.remedy'));
  }
  if (!supportsToolchainSwitch(v)) {
    throw withNote(indexError, 'toolchain.fallback.tooOld', { name: goName(v), module: TOOLCHAIN_MODULE });
  }
  const settings = await settingsFor(opts);
  if (!canDownload(parseGoproxy(settings.goproxy.value))) {
    throw withNote(
      indexError,
      'toolchain.fallback.noDownloads',
      { goproxy: redact(settings.goproxy.value) },
      msg('toolchain.fallback.noDownloads.remedy'),
    );
  }
  try {
    const plan = planChecksumDb(settings.checksumDb); // GOSUMDB=off refuses here, before any announcement
    opts.onFallback?.({
      reason: indexError,
      goproxy: redacted(settings.goproxy),
      gosumdb: redacted(settings.gosumdb),
      database: plan.db.name,
    });
    return await fromModule(opts, indexError, settings);
  } catch (err) {
    if (!(err instanceof DoctorError)) throw err;
    // The proxy's failure is the one to act on; the index failure explains why it was tried. The
    // cause stays the proxy error's own, so sumdbFailureOf still tells which check failed.
    const text = errorText(err);
    const message = msg('toolchain.fallback.failedToo', {
      index: errorText(indexError).message,
      goproxy: redact(settings.goproxy.value),
      error: text.message,
    });
    throw doctorError(err.code, message, text.remedy, err.cause);
  }
}

async function fromModule(
  opts: ToolchainInstallOptions,
  indexError: DoctorError | undefined,
  known?: Awaited<ReturnType<typeof settingsFor>>,
): Promise<ModuleInstall> {
  const settings = known ?? (await settingsFor(opts));
  const timeouts = withDefaults(opts.timeouts);
  const dispatcher =
    opts.dispatcher ??
    createDispatcher(opts.platform, timeouts, { secureContext: (await loadGoTrust(opts.platform)).secureContext });
  try {
    const r = await installToolchainModule({
      version: opts.version,
      platform: opts.platform,
      dispatcher,
      ...settings.checksumDb,
      ...pick(opts, [
        'dir',
        'stateDir',
        'directBase',
        'sumdbGet',
        'signal',
        'onProgress',
        'onWait',
        'timeouts',
        'downloadDir',
        'replaceOtherBuild',
      ]),
      ...(opts.checkpoint ? { checkpoint: opts.checkpoint } : {}),
    });
    const fetched = !r.alreadyInstalled;
    return {
      ...r,
      via: 'proxy',
      ...described(describeModuleInstallText(r)),
      fallbackFrom: indexError?.message,
      goproxy: fetched ? redacted(settings.goproxy) : undefined,
      gosumdb: fetched ? redacted(settings.gosumdb) : undefined,
    };
  } catch (err) {
    if (isAbortError(err) || opts.signal?.aborted) throw cancelled(err);
    throw err;
  } finally {
    if (!opts.dispatcher) await dispatcher.close().catch(() => undefined);
  }
}

/**
 * The archive installer reports any complete toolchain as installed; when our marker says it came
 * from the module path (an h1:, no SHA-256), say so instead of implying an archive.
 */
async function installedAsModuleBefore(
  r: InstallResult,
  opts: ToolchainInstallOptions,
): Promise<ModuleInstall | undefined> {
  if (!r.alreadyInstalled || r.sha256 !== undefined) return undefined;
  const marker = await readMarker(r.goroot);
  if (!marker?.h1) return undefined;
  const { goos, goarch } = goosGoarch(opts.platform);
  const installed: ModuleInstallResult = {
    version: r.version,
    goroot: r.goroot,
    module: `${TOOLCHAIN_MODULE}@${toolchainModuleVersion(r.version, goos, goarch)}`,
    h1: marker.h1,
    bytes: marker.bytes,
    source: marker.source,
    alreadyInstalled: true,
    verification: undefined,
    events: r.events,
  };
  return {
    ...installed,
    via: 'proxy',
    ...described(describeModuleInstallText(installed)),
    fallbackFrom: undefined,
    goproxy: undefined,
    gosumdb: undefined,
  };
}

/** Whether GOPROXY reaches a url or `direct` entry before `off` or an invalid entry stops the list. */
function canDownload(entries: readonly ProxyEntry[]): boolean {
  for (const e of entries) {
    if (e.kind === 'url' || e.kind === 'direct') return true;
    if (e.kind === 'off' || e.kind === 'invalid') return false;
  }
  return false;
}

/** The index error, saying why the module path was not tried; `remedy` replaces the index's own. */
function withNote(
  err: DoctorError,
  note: Extract<MessageKey, `toolchain.fallback.${string}`>,
  params: Record<string, Param>,
  remedy?: Message,
): DoctorError {
  const text = errorText(err);
  return toolchainError(
    'toolchain.indexUnavailable',
    msg(note, { index: text.message, ...params }),
    remedy ?? text.remedy,
    err.cause,
  );
}

function redacted(s: SettingValue): SettingValue {
  return { value: redact(s.value), source: s.source };
}

/** The listed options that are set, for spreading into another options object (exactOptionalPropertyTypes). */
function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): { [P in K]?: Exclude<T[P], undefined> } {
  const out: { [P in K]?: Exclude<T[P], undefined> } = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k] as Exclude<T[K], undefined>;
  return out;
}
