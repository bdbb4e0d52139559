// What the toolchain installer shows in the editor: titles, the progress line, the release quick
// pick, messages, and the core's remedies rephrased for the editor. Pure: unit-tested without VS Code.
import * as path from 'node:path';
import { exeName, pathModule } from '../../core/go/locate';
import { parseGoVersion } from '../../core/goVersion';
import type { InstalledToolchain, ReleaseChoice } from '../../core/toolchain/catalog';
import type { InstallProgress } from '../../core/toolchain/progress';
import { formatMb } from '../../core/units';
import { tildify } from '../format';
import { ENGLISH, type L10n } from '../l10n';

/** `1.30.0` → `Go 1.30.0`; `latest` → `the latest Go`. */
export function goDisplayName(version: string, l10n: L10n = ENGLISH): string {
  if (version.trim() === 'latest') return l10n.t('the latest Go');
  const v = parseGoVersion(version);
  return v ? `Go ${v.text}` : `Go ${version}`;
}

/** The label of the install fix and the progress notification's title. */
export function installTitle(version: string, l10n: L10n = ENGLISH): string {
  return l10n.t('Install {0} (verified)', goDisplayName(version, l10n));
}

/** The progress line's rate in whole kilobytes below 1 MB/s: `400 kB/s`, `1.2 MB/s`. */
function rate(bytesPerSec: number): string {
  return bytesPerSec >= 1e6 ? `${formatMb(bytesPerSec)}/s` : `${Math.round(bytesPerSec / 1e3)} kB/s`;
}

function timeLeft(sec: number, l10n: L10n): string {
  if (sec < 60) return l10n.t('{0} s left', sec);
  const m = Math.floor(sec / 60);
  return m < 60 ? l10n.t('{0} min {1} s left', m, sec % 60) : l10n.t('{0} h {1} min left', Math.floor(m / 60), m % 60);
}

/** Several sources at once: each host with its share of the bytes so far, `a 52%, b 48%`. */
function sourceShares(sources: NonNullable<InstallProgress['sources']>, l10n: L10n): string {
  const total = sources.reduce((n, s) => n + s.bytes, 0) || 1;
  return sources
    .map((s) => {
      const share = `${sourceHost(s.label)} ${Math.round((s.bytes / total) * 100)}%`;
      return s.dropped ? l10n.t('{0} (dropped)', share) : share;
    })
    .join(', ');
}

/** Only the host of a source URL: short, and never its credentials. */
export function sourceHost(source: string): string {
  try {
    const u = new URL(source);
    return u.host || source;
  } catch {
    return path.basename(source);
  }
}

export function percentOf(p: Pick<InstallProgress, 'bytes' | 'total'>): number {
  return p.total > 0 ? Math.min(100, (p.bytes / p.total) * 100) : 0;
}

/** The progress notification's message: percent, sizes, speed, time left, and where from. */
export function progressMessage(p: InstallProgress, l10n: L10n = ENGLISH): string {
  const pct = `${Math.floor(percentOf(p))}%`;
  switch (p.phase) {
    case 'verify':
      return `${pct} · ${l10n.t('checking the {0} download kept from an earlier attempt', formatMb(p.total))}`;
    case 'extract':
      return `${pct} · ${l10n.t('unpacking')}`;
    case 'download': {
      const parts = [
        pct,
        l10n.t('{0} of {1}', formatMb(p.bytes), formatMb(p.total)),
        p.bytesPerSec > 0 ? rate(p.bytesPerSec) : l10n.t('waiting for data'),
      ];
      if (p.etaSec !== undefined && p.bytesPerSec > 0) parts.push(timeLeft(p.etaSec, l10n));
      parts.push(l10n.t('from {0}', p.sources ? sourceShares(p.sources, l10n) : sourceHost(p.source)));
      return parts.join(' · ');
    }
  }
}

/**
 * VS Code's Progress takes increments that add up to 100. The bar never moves back: a restart
 * from zero (a server that ignored Range) keeps it where it was until the bytes catch up.
 */
export class ProgressSteps {
  private shown = 0;

  increment(p: Pick<InstallProgress, 'bytes' | 'total'>): number {
    const pct = percentOf(p);
    if (pct <= this.shown) return 0;
    const step = pct - this.shown;
    this.shown = pct;
    return step;
  }
}

/**
 * The core's remedies name CLI flags; in the editor the same knobs are settings and commands.
 * Specific phrases first, then any flag left over.
 */
const REMEDY_REWRITES: ReadonlyArray<[RegExp, string]> = [
  [/\("go-env-doctor diagnose" tests them\)/g, '("Go Env: Diagnose" tests them)'],
  [
    /add a mirror you can reach with --mirror URL/g,
    'add a mirror you can reach to the goEnv.toolchain.mirrors setting',
  ],
  [/drop that --mirror/g, 'remove that mirror from goEnv.toolchain.mirrors'],
  [/running the same command again resumes from there/g, 'installing again resumes from there'],
  [/--dl-base can point at/g, 'the goEnv.toolchain.dlBase setting can point at'],
  [/install elsewhere with --dir/g, 'install elsewhere with the goEnv.toolchain.sdkDir setting'],
  [/a directory you can write with --dir/g, 'a directory you can write in the goEnv.toolchain.sdkDir setting'],
  [/--mirror\b/g, 'goEnv.toolchain.mirrors'],
  [/--dl-base\b/g, 'goEnv.toolchain.dlBase'],
  [/--dir\b/g, 'goEnv.toolchain.sdkDir'],
];

export function editorRemedy(remedy: string): string {
  let out = remedy;
  for (const [pattern, replacement] of REMEDY_REWRITES) out = out.replace(pattern, replacement);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The "Install Go Toolchain…" quick pick.

export type ReleasePickEntry =
  | { kind: 'separator'; label: string }
  | { kind: 'release'; label: string; description: string; detail?: string; version: string; installed: boolean }
  | { kind: 'problem'; label: string; detail: string }
  | { kind: 'settings'; label: string; description: string };

export interface ReleasePickInput {
  /** undefined while the index is loading or when it failed. */
  releases: readonly ReleaseChoice[] | undefined;
  /** Where the index came from (shown in the separator). */
  indexBase?: string;
  installed: readonly InstalledToolchain[];
  sdkDir: string;
  homeDir: string;
  indexError?: { message: string; remedy: string };
}

/**
 * Stable releases, newest first, installed ones marked; then toolchains in the SDK directory the
 * index does not list (older or unstable ones); a problem row when the index could not be read.
 */
export function releasePickEntries(input: ReleasePickInput, l10n: L10n = ENGLISH): ReleasePickEntry[] {
  const out: ReleasePickEntry[] = [];
  const dirShown = tildify(input.sdkDir, input.homeDir);
  const installedByVersion = new Map(input.installed.filter((t) => t.complete).map((t) => [t.version, t]));
  const listed = new Set<string>();
  if (input.indexError) {
    out.push({
      kind: 'problem',
      label: `$(error) ${l10n.t('The Go release index could not be read')}`,
      detail: `${input.indexError.message} ${input.indexError.remedy}`,
    });
  }
  if (input.releases) {
    out.push({
      kind: 'separator',
      label: input.indexBase ? l10n.t('Stable releases ({0})', sourceHost(input.indexBase)) : l10n.t('Stable releases'),
    });
    input.releases.forEach((r, i) => {
      const have = installedByVersion.get(r.version);
      listed.add(r.version);
      const latest = i === 0 ? `${l10n.t('latest')} · ` : '';
      out.push({
        kind: 'release',
        label: have ? `$(check) Go ${r.version}` : `$(cloud-download) Go ${r.version}`,
        description: have
          ? `${latest}${l10n.t('installed in {0}', tildify(have.goroot, input.homeDir))}`
          : `${latest}${formatMb(r.archive.size)}`,
        version: r.version,
        installed: Boolean(have),
      });
    });
  }
  const others = [...installedByVersion.values()].filter((t) => !listed.has(t.version));
  if (others.length > 0) {
    out.push({
      kind: 'separator',
      label: input.releases ? l10n.t('Also installed in {0}', dirShown) : l10n.t('Installed in {0}', dirShown),
    });
    for (const t of others) {
      out.push({
        kind: 'release',
        label: `$(check) Go ${t.version}`,
        description: l10n.t('installed in {0}', tildify(t.goroot, input.homeDir)),
        version: t.version,
        installed: true,
      });
    }
  }
  out.push({ kind: 'separator', label: '' });
  out.push({
    kind: 'settings',
    label: `$(gear) ${l10n.t('Toolchain download settings')}`,
    description: l10n.t('SDK directory {0}, release index, mirrors', dirShown),
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Messages.

export interface InstalledSummary {
  version: string;
  goroot: string;
  alreadyInstalled: boolean;
  source: string | undefined;
  bytes: number | undefined;
  /** Archive: SHA-256 against the official index; proxy: the module's h1: against the checksum database. */
  via?: 'archive' | 'proxy';
  /** False for a toolchain found installed whose marker records no checked hash. */
  verified?: boolean;
}

export const USE_CHOICE = 'Use in This Workspace';
export const NOT_NOW_CHOICE = 'Not Now';

/** The question after an install: use it for this workspace? */
export function useOfferMessage(r: InstalledSummary, homeDir: string, l10n: L10n = ENGLISH): string {
  const name = goDisplayName(r.version.replace(/^go/, ''), l10n);
  const where = tildify(r.goroot, homeDir);
  const verified =
    r.via === 'proxy'
      ? l10n.t('verified against the Go checksum database')
      : l10n.t('SHA-256 verified against the official release index');
  const size = r.bytes
    ? r.source
      ? l10n.t('{0} from {1}', formatMb(r.bytes), sourceHost(r.source))
      : formatMb(r.bytes)
    : '';
  const how = r.alreadyInstalled
    ? r.verified === false
      ? l10n.t(
          '{0} is already in {1}, but not installed by go-env-doctor, unverified: no checksum of its bytes was checked.',
          name,
          where,
        )
      : l10n.t('{0} is already installed in {1}.', name, where)
    : size
      ? l10n.t('{0} is installed in {1} ({2}, {3}).', name, where, size, verified)
      : l10n.t('{0} is installed in {1}.', name, where);
  return l10n.t(
    'Go Env: {0} Use it for this workspace? The Go extension (go.alternateTools), Go Env Doctor (goEnv.goPath) and new terminals (PATH) will run it.',
    how,
  );
}

export interface UseSummary {
  goBinary: string;
  /** go.alternateTools was written (false: the Go extension is not installed, so the setting does not exist). */
  alternateTools: boolean;
  /** goEnv.goPath went to the workspace settings (false: no folder is open, so to the user settings). */
  workspaceSettings: boolean;
  /** The workspace is not trusted, so Go Env Doctor ignores goEnv.goPath from its settings for now. */
  untrusted: boolean;
}

export function usedMessage(u: UseSummary, homeDir: string, l10n: L10n = ENGLISH): string {
  const bin = tildify(u.goBinary, homeDir);
  const parts = [
    u.workspaceSettings ? l10n.t('Go Env: this workspace now uses {0}.', bin) : l10n.t('Go Env: now using {0}.', bin),
  ];
  parts.push(
    u.alternateTools
      ? l10n.t('The Go extension runs it (go.alternateTools), so does Go Env Doctor (goEnv.goPath).')
      : l10n.t(
          'Go Env Doctor runs it (goEnv.goPath); go.alternateTools was not set because the Go extension is not installed.',
        ),
  );
  parts.push(l10n.t('New terminals have its bin directory first on PATH; terminals already open keep theirs.'));
  if (u.untrusted)
    parts.push(
      l10n.t('This workspace is not trusted: Go Env Doctor ignores goEnv.goPath from its settings until you trust it.'),
    );
  return parts.join(' ');
}

export function cancelledMessage(version: string, l10n: L10n = ENGLISH): string {
  return l10n.t(
    'Go Env: the install of {0} was cancelled. Nothing was installed; the part already downloaded is kept, so installing again resumes it.',
    goDisplayName(version, l10n),
  );
}

/** For go.alternateTools: keep the other tools the user pointed elsewhere, replace only `go`. */
export function withAlternateGo(current: unknown, goBinary: string): Record<string, unknown> {
  const base =
    current && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  return { ...base, go: goBinary };
}

/** `<goroot>/bin/go` (go.exe on Windows). */
export function goBinaryIn(goroot: string, os: NodeJS.Platform): string {
  return pathModule({ os }).join(goroot, 'bin', exeName({ os }));
}
