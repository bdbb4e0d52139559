// Installs a Go release into `<dir>/go<version>`: the SHA-256 from the official index, the
// bytes from mirrors or the official host, unpacked while downloading into a staging directory
// that becomes visible (by rename) only after the hash matched.
import * as fsp from 'node:fs/promises';
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
import { removeResumeState } from '../rangeResume';
import { corruptSourceReports, type CorruptSourceReport } from '../mirrorCorrupt';
import { cancelled, fsFailure, toolchainError } from '../errors';
import { extractZipFile, TarGzExtractor } from '../archive/extract';
import { loadGoTrust } from '../../net/trust';
import { createDispatcher } from '../../net/dispatcher';
import { defaultDownloadDir, defaultSdkDir, gorootFor, partialPathFor } from '../layout';
import { DEFAULT_DL_BASES, fetchReleaseIndex, resolveRelease, withSlash, type ReleaseFile } from './officialIndex';
import { withDefaults } from '../timeouts';
import { assertFreeSpace, spaceForArchive, type FreeBytes } from '../diskSpace';
import { commitBasics, type InstallHostOptions } from '../hostOptions';

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
  const timeouts = withDefaults(opts.timeouts);
  const dir = path.resolve(opts.dir ?? defaultSdkDir(platform));
  const wanted = opts.version.trim();
  if (wanted !== 'latest') {
    const v = parseGoVersion(wanted);
    if (!v) {
      throw toolchainError(
        'toolchain.notFound',
        `"${opts.version}" is not a Go release version.`,
        'Give a release such as 1.22.5 or go1.22.5, or "latest".',
      );
    }
    // Installed and complete: nothing to fetch, not even the index (works offline).
    const goroot = gorootFor(dir, goName(v));
    if (await isCompleteToolchain(goroot)) {
      const marker = await readMarker(goroot);
      await tidyLeftovers(dir, goName(v), { staleMs: timeouts.lockStaleMs });
      if (marker?.sha256)
        await removePartial(partialPathFor(opts.downloadDir ?? defaultDownloadDir(dir), marker.sha256));
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
      populate: async (ctx) => {
        await assertFreeSpace(dir, spaceForArchive(file.size), name, opts.freeBytes);
        const consumer = isZip ? new DiscardConsumer() : new StagingConsumer(ctx.root);
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
          if (consumer instanceof StagingConsumer) await consumer.finish();
          else {
            opts.onProgress?.({
              phase: 'extract',
              bytes: file.size,
              total: file.size,
              bytesPerSec: 0,
              etaSec: undefined,
              source: outcome.source,
            });
            await extractZipFile(partialPath, ctx.root, signal ? { signal } : {});
          }
          return { sha256: file.sha256, bytes: file.size, source: outcome.source };
        } catch (err) {
          await consumer.abort();
          if (isAbortError(err) || signal?.aborted) throw cancelled(err);
          throw err;
        }
      },
    });
    if (committed.alreadyInstalled) {
      await removePartial(partialPath);
      return installedResult(name, committed.goroot, events, committed.marker);
    }
    // Verified and in place: the kept download has served its purpose.
    await removePartial(partialPath);
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

async function removePartial(partialPath: string): Promise<void> {
  await fsp.rm(partialPath, { force: true }).catch(() => undefined);
  await removeResumeState(partialPath);
  await fsp.rmdir(path.dirname(partialPath)).catch(() => undefined); // only if now empty
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

/** Feeds the streaming tar.gz extractor; a restart of the download starts a fresh, empty tree. */
class StagingConsumer implements ByteConsumer {
  private extractor: TarGzExtractor | undefined;

  constructor(private readonly root: string) {}

  async reset(): Promise<void> {
    if (this.extractor) {
      await this.extractor.abort();
      await emptyDir(this.root);
    }
    this.extractor = new TarGzExtractor(this.root);
  }

  async write(chunk: Buffer): Promise<void> {
    try {
      await this.extractor!.write(chunk);
    } catch (err) {
      throw fsFailure(err, 'unpack the toolchain into', this.root) ?? err;
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

/** Zip archives are unpacked after verification; during the download only hash and file matter. */
class DiscardConsumer implements ByteConsumer {
  async reset(): Promise<void> {}
  async write(): Promise<void> {}
  async abort(): Promise<void> {}
}

async function emptyDir(dir: string): Promise<void> {
  const names = await fsp.readdir(dir);
  await Promise.all(names.map((n) => fsp.rm(path.join(dir, n), { recursive: true, force: true })));
}
