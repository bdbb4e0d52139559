// What is installed in the SDK directory and what could be installed: the two lists the editor's
// "Install Go Toolchain…" quick pick shows.
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { Dispatcher } from 'undici';
import { compareGoVersions, goName, parseGoVersion, type GoVersion } from '../goVersion';
import type { Platform } from '../platform';
import { isCompleteToolchain, readMarker, type ToolchainMarker } from './commit';
import { loadGoTrust } from '../net/trust';
import { createDispatcher } from '../net/dispatcher';
import { fetchReleaseIndex, findArchive, type ReleaseFile } from './release/officialIndex';
import { withDefaults, type InstallTimeouts } from './timeouts';

export interface InstalledToolchain {
  /** `go1.22.5` */
  name: string;
  /** `1.22.5` */
  version: string;
  goroot: string;
  /** The `.unpacked-success` marker and bin/go are there. Incomplete ones are reinstalled on request. */
  complete: boolean;
  marker: ToolchainMarker | undefined;
}

/** `<dir>/go*` toolchains, newest first. A missing directory is an empty list. */
export async function listInstalledToolchains(dir: string): Promise<InstalledToolchain[]> {
  const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: Array<InstalledToolchain & { v: GoVersion }> = [];
  for (const e of entries) {
    if (!e.isDirectory() && !e.isSymbolicLink()) continue;
    const v = parseGoVersion(e.name);
    if (!v || goName(v) !== e.name) continue;
    const goroot = path.join(dir, e.name);
    const complete = await isCompleteToolchain(goroot);
    found.push({
      name: e.name,
      version: v.text,
      goroot,
      complete,
      marker: complete ? await readMarker(goroot) : undefined,
      v,
    });
  }
  found.sort((a, b) => compareGoVersions(b.v, a.v));
  return found.map(({ v: _v, ...rest }) => rest);
}

export interface ReleaseChoice {
  /** `1.22.5` */
  version: string;
  /** `go1.22.5` */
  name: string;
  stable: boolean;
  /** This platform's archive (tar.gz, or zip on Windows), with its official SHA-256. */
  archive: ReleaseFile;
}

export interface ListReleasesOptions {
  platform: Platform;
  dlBases?: readonly string[];
  signal?: AbortSignal | undefined;
  timeouts?: Partial<InstallTimeouts>;
  dispatcher?: Dispatcher;
  /** Include betas and release candidates (default false). */
  includeUnstable?: boolean;
}

/** Releases installable on this platform (verifiable archive present), newest first. */
export async function listReleases(opts: ListReleasesOptions): Promise<{ base: string; releases: ReleaseChoice[] }> {
  const timeouts = withDefaults(opts.timeouts);
  const dispatcher =
    opts.dispatcher ??
    createDispatcher(opts.platform, timeouts, { secureContext: (await loadGoTrust(opts.platform)).secureContext });
  try {
    const index = await fetchReleaseIndex({
      dispatcher,
      timeouts,
      ...(opts.dlBases ? { dlBases: opts.dlBases } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    const releases: ReleaseChoice[] = [];
    for (const r of index.releases) {
      if (!r.stable && !opts.includeUnstable) continue;
      const archive = findArchive(r, opts.platform);
      if (!archive || archive.sha256 === '' || archive.size === 0) continue;
      releases.push({ version: r.version.text, name: r.name, stable: r.stable, archive });
    }
    return { base: index.base, releases };
  } finally {
    if (!opts.dispatcher) await dispatcher.close().catch(() => undefined);
  }
}
