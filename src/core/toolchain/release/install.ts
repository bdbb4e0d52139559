// Installs a Go release into `<dir>/go<version>`: the SHA-256 from the official index, the
// bytes from mirrors or the official host, unpacked while downloading into a staging directory
// that becomes visible (by rename) only after the hash matched.
import * as path from 'node:path';
import { isAbortError } from '../../errors';
import { goName, parseGoVersion } from '../../goVersion';
import { goosGoarch } from '../../platform';
import { redact } from '../../redact';
import {
  isCompleteToolchain,
  readMarker,
  stageAndCommit,
  tidyLeftovers,
  type CommitCheckpoint,
  type ToolchainMarker,
} from '../commit';
import type { ByteConsumer, DownloadSource } from './download';
import { downloadFromSources } from '../multiSourceDownload';
import { corruptSourceReports, type CorruptSourceReport } from '../mirrorCorrupt';
import { cancelled, fsFailure, toolchainError } from '../errors';
import { TarGzExtractor } from '../archive/extract';
import { ZipStreamExtractor } from '../archive/zipStream';
import type { StreamingExtractor } from '../archive/streamingExtractor';
import { msg } from '../../i18n/message';
import { loadGoTrust } from '../../net/trust';
import { createDispatcher } from '../../net/dispatcher';
import { defaultDownloadDir, defaultSdkDir, gorootFor, partialPathFor } from '../layout';
import { DEFAULT_DL_BASES, fetchReleaseIndex, resolveRelease, withSlash, type ReleaseFile } from './officialIndex';
import { withDefaults } from '../timeouts';
import { assertFreeSpace, spaceForArchive, type FreeBytes } from '../diskSpace';
import { commitBasics, requiredBuild, type InstallHostOptions } from '../hostOptions';
import { installFs, type InstallFs } from '../installFs';

export type InstallCheckpoint = CommitCheckpoint | 'downloading';

export interface InstallOptions extends InstallHostOptions {
  /** `1.22.5`, `go1.22.5`, `1.23rc1` or `latest` (the newest stable release with an archive for this platform). */
  version: string;
  /** Official index bases, tried in order; default go.dev/dl then golang.google.cn/dl. */
  dlBases?: readonly string[];
  /** Tried in order before the dl bases; a file URL is `<mirror><filename>`. */
  mirrors?: readonly string[];
  /**
   * Called about every 2 MB downloaded. Each network read and each inflated chunk is a fresh
   * buffer, and V8 only collects them after ~64 MB of such garbage; a host that owns its process
   * (the CLI) can pass a cheap young-generation GC here to keep peak memory flat.
   */
  reclaimMemory?: () => void;
  /** Test hook, see commit.ts. */
  checkpoint?: (name: InstallCheckpoint) => void | Promise<void>;
  /** Free space on the SDK directory's file system (default: statfs). */
  freeBytes?: FreeBytes;
}

export interface InstallResult {
  /** `go1.22.5` */
  version: string;
  goroot: string;
  /** SHA-256 of the verified archive; undefined for a toolchain found installed without our marker. */
  sha256: string | undefined;
  bytes: number | undefined;
  /** Where the bytes came from (redacted), or 'partial download' when a kept file was complete. */
  source: string | undefined;
  /** The URL the release index (and so the SHA-256) was read from, after redirects; absent when not fetched. */
  indexUrl?: string;
  alreadyInstalled: boolean;
  /** Resumes, restarts and fallbacks that happened, for logs. */
  events: string[];
  /** Sources found serving altered bytes (excluded; the install finished from the others). */
  corruptSources?: CorruptSourceReport[];
}

export async function installToolchainRelease(opts: InstallOptions): Promise<InstallResult> {
  const { platform, signal } = opts;
  const files = installFs(platform);
  const timeouts = withDefaults(opts.timeouts);
  const dir = path.resolve(opts.dir ?? defaultSdkDir(platform));
  const wanted = opts.version.trim();
  if (wanted !== 'latest') {
    const v = parseGoVersion(wanted);
    if (!v) {
      throw toolchainError(
        'toolchain.notFound',
        msg('toolchain.badVersion.message', { version: opts.version }),
        msg('toolchain.badVersion.remedy'),
      );
    }
    // Installed and complete: nothing to fetch, not even the index (works offline).
    const goroot = gorootFor(dir, goName(v));
    if (await isCompleteToolchain(goroot, requiredBuild(opts))) {
      const marker = await readMarker(goroot);
      await tidyLeftovers(dir, goName(v), { staleMs: timeouts.lockStaleMs }, files);
      if (marker?.sha256)
        await files.removePartial(partialPathFor(opts.downloadDir ?? defaultDownloadDir(dir), marker.sha256));
      return installedResult(goName(v), goroot, [], marker);
    }
  }

  const dispatcher =
    opts.dispatcher ??
    createDispatcher(platform, timeouts, { secureContext: (await loadGoTrust(platform)).secureContext });
  try {
    const index = await fetchReleaseIndex({
      dispatcher,
      timeouts,
      ...(opts.dlBases ? { dlBases: opts.dlBases } : {}),
      ...(signal ? { signal } : {}),
    });
    const { release, file } = resolveRelease(index, wanted, platform);
    const name = release.name;
    const sources = downloadSources(file, opts.mirrors ?? [], index.base, opts.dlBases ?? DEFAULT_DL_BASES);
    const partialPath = partialPathFor(opts.downloadDir ?? defaultDownloadDir(dir), file.sha256);
    const isZip = goosGoarch(platform).goos === 'windows';
    let events: string[] = [];
    let corrupt: CorruptSourceReport[] = [];

    const committed = await stageAndCommit({
      ...commitBasics(dir, name, opts, timeouts),
      builtFor: requiredBuild(opts),
      populate: async (ctx) => {
        await assertFreeSpace(dir, spaceForArchive(file.size), name, opts.freeBytes);
        const consumer = new StagingConsumer(ctx.root, isZip, files);
        try {
          const outcome = await downloadFromSources({
            filename: file.filename,
            sources,
            sha256: file.sha256,
            size: file.size,
            partialPath,
            consumer,
            dispatcher,
            timeouts,
            ...(signal ? { signal } : {}),
            ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
            onHalf: () => opts.checkpoint?.('downloading'),
            ...(opts.reclaimMemory ? { reclaimMemory: opts.reclaimMemory } : {}),
            connectionsPerHost: opts.connectionsPerHost,
          });
          events = outcome.events;
          corrupt = corruptSourceReports(outcome.corrupt, file.filename);
          await consumer.finish();
          return { sha256: file.sha256, bytes: file.size, source: outcome.source };
        } catch (err) {
          await consumer.abort();
          if (isAbortError(err) || signal?.aborted) throw cancelled(err);
          throw err;
        }
      },
    });
    if (committed.alreadyInstalled) {
      await files.removePartial(partialPath);
      return installedResult(name, committed.goroot, events, committed.marker);
    }
    // Verified and in place: the kept download has served its purpose.
    await files.removePartial(partialPath);
    return {
      version: name,
      goroot: committed.goroot,
      sha256: file.sha256,
      bytes: file.size,
      source: committed.marker?.source,
      ...(index.url ? { indexUrl: index.url } : {}),
      alreadyInstalled: false,
      events,
      ...(corrupt.length ? { corruptSources: corrupt } : {}),
    };
  } catch (err) {
    if (isAbortError(err) || signal?.aborted) throw cancelled(err);
    throw err;
  } finally {
    if (!opts.dispatcher) await dispatcher.close().catch(() => undefined);
  }
}

async function installedResult(
  name: string,
  goroot: string,
  events: string[],
  known?: ToolchainMarker,
): Promise<InstallResult> {
  const marker = known ?? (await readMarker(goroot));
  return {
    version: name,
    goroot,
    sha256: marker?.sha256,
    bytes: marker?.bytes,
    source: marker?.source,
    alreadyInstalled: true,
    events,
  };
}

/** Mirrors first (in the order given), then the base that served the index, then the other bases. */
export function downloadSources(
  file: Pick<ReleaseFile, 'filename'>,
  mirrors: readonly string[],
  indexBase: string,
  dlBases: readonly string[],
): DownloadSource[] {
  const bases = [withSlash(indexBase), ...dlBases.map(withSlash).filter((b) => b !== withSlash(indexBase))];
  const urls = [...mirrors.map(withSlash), ...bases].map((b) => `${b}${file.filename}`);
  return [...new Set(urls)].map((url) => ({ url, label: redact(url) }));
}

/** Feeds the streaming extractor (zip or tar.gz); a restart of the download starts a fresh, empty tree. */
class StagingConsumer implements ByteConsumer {
  private extractor: StreamingExtractor | undefined;

  constructor(
    private readonly root: string,
    private readonly zip: boolean,
    private readonly files: InstallFs,
  ) {}

  async reset(): Promise<void> {
    if (this.extractor) {
      await this.extractor.abort();
      await this.files.emptyDir(this.root);
    }
    this.extractor = this.zip ? new ZipStreamExtractor(this.root) : new TarGzExtractor(this.root);
  }

  async write(chunk: Buffer): Promise<void> {
    try {
      await this.extractor!.write(chunk);
    } catch (err) {
      throw fsFailure(err, 'toolchain.fs.unpack', this.root) ?? err;
    }
  }

  broken(): boolean {
    return this.extractor?.broken ?? false;
  }

  async finish(): Promise<void> {
    await this.extractor!.end();
  }

  async abort(): Promise<void> {
    await this.extractor?.abort();
  }
}
