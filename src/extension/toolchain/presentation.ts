// What the toolchain installer shows in the editor: titles, the progress line, the release quick
// pick, messages, and the core's remedies rephrased for the editor. Pure: unit-tested without VS Code.
import * as path from 'node:path';
import { parseGoVersion } from '../../core/goVersion';
import type { InstalledToolchain, ReleaseChoice } from '../../core/toolchain/catalog';
import type { InstallProgress } from '../../core/toolchain/progress';
import { formatMb } from '../../core/units';
import { tildify } from '../format';

/** `1.30.0` → `Go 1.30.0`; `latest` → `the latest Go`. */
export function goDisplayName(version: string): string {
  if (version.trim() === 'latest') return 'the latest Go';
  const v = parseGoVersion(version);
  return v ? `Go ${v.text}` : `Go ${version}`;
}

/** The label of the install fix and the progress notification's title. */
export function installTitle(version: string): string {
  return `Install ${goDisplayName(version)} (verified)`;
}

/** The progress line's rate in whole kilobytes below 1 MB/s: `400 kB/s`, `1.2 MB/s`. */
function rate(bytesPerSec: number): string {
  return bytesPerSec >= 1e6 ? `${formatMb(bytesPerSec)}/s` : `${Math.round(bytesPerSec / 1e3)} kB/s`;
}

function timeLeft(sec: number): string {
  if (sec < 60) return `${sec} s left`;
  const m = Math.floor(sec / 60);
  return m < 60 ? `${m} min ${sec % 60} s left` : `${Math.floor(m / 60)} h ${m % 60} min left`;
}

/** Several sources at once: each host with its share of the bytes so far, `a 52%, b 48%`. */
function sourceShares(sources: NonNullable<InstallProgress['sources']>): string {
  const total = sources.reduce((n, s) => n + s.bytes, 0) || 1;
  return sources
    .map((s) => `${sourceHost(s.label)} ${Math.round((s.bytes / total) * 100)}%${s.dropped ? ' (dropped)' : ''}`)
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
export function progressMessage(p: InstallProgress): string {
  const pct = `${Math.floor(percentOf(p))}%`;
  switch (p.phase) {
    case 'verify':
      return `${pct} · checking the ${formatMb(p.total)} download kept from an earlier attempt`;
    case 'extract':
      return `${pct} · unpacking`;
    case 'download': {
      const parts = [
        pct,
        `${formatMb(p.bytes)} of ${formatMb(p.total)}`,
        p.bytesPerSec > 0 ? rate(p.bytesPerSec) : 'waiting for data',
      ];
      if (p.etaSec !== undefined && p.bytesPerSec > 0) parts.push(timeLeft(p.etaSec));
      parts.push(p.sources ? `from ${sourceShares(p.sources)}` : `from ${sourceHost(p.source)}`);
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

export const RELEASE_PICK_SETTINGS_LABEL = '$(gear) Toolchain download settings';

/**
 * Stable releases, newest first, installed ones marked; then toolchains in the SDK directory the
 * index does not list (older or unstable ones); a problem row when the index could not be read.
 */
export function releasePickEntries(input: ReleasePickInput): ReleasePickEntry[] {
  const out: ReleasePickEntry[] = [];
  const dirShown = tildify(input.sdkDir, input.homeDir);
  const installedByVersion = new Map(input.installed.filter((t) => t.complete).map((t) => [t.version, t]));
  const listed = new Set<string>();
  if (input.indexError) {
    out.push({
      kind: 'problem',
      label: `$(error) The Go release index could not be read`,
      detail: `${input.indexError.message} ${input.indexError.remedy}`,
    });
  }
  if (input.releases) {
    out.push({
      kind: 'separator',
      label: input.indexBase ? `Stable releases (${sourceHost(input.indexBase)})` : 'Stable releases',
    });
    input.releases.forEach((r, i) => {
      const have = installedByVersion.get(r.version);
      listed.add(r.version);
      const latest = i === 0 ? 'latest · ' : '';
      out.push({
        kind: 'release',
        label: have ? `$(check) Go ${r.version}` : `$(cloud-download) Go ${r.version}`,
        description: have
          ? `${latest}installed in ${tildify(have.goroot, input.homeDir)}`
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
      label: input.releases ? `Also installed in ${dirShown}` : `Installed in ${dirShown}`,
    });
    for (const t of others) {
      out.push({
        kind: 'release',
        label: `$(check) Go ${t.version}`,
        description: `installed in ${tildify(t.goroot, input.homeDir)}`,
        version: t.version,
        installed: true,
      });
    }
  }
  out.push({ kind: 'separator', label: '' });
  out.push({
    kind: 'settings',
    label: RELEASE_PICK_SETTINGS_LABEL,
    description: `SDK directory ${dirShown}, release index, mirrors`,
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
export function useOfferMessage(r: InstalledSummary, homeDir: string): string {
  const name = goDisplayName(r.version.replace(/^go/, ''));
  const where = tildify(r.goroot, homeDir);
  const how = r.alreadyInstalled
    ? r.verified === false
      ? `${name} is already in ${where}, but not installed by go-env-doctor, unverified: no checksum of its bytes was checked.`
      : `${name} is already installed in ${where}.`
    : `${name} is installed in ${where}${r.bytes ? ` (${formatMb(r.bytes)}${r.source ? ` from ${sourceHost(r.source)}` : ''}, ${r.via === 'proxy' ? 'verified against the Go checksum database' : 'SHA-256 verified against the official release index'})` : ''}.`;
  return `Go Env: ${how} Use it for this workspace? The Go extension (go.alternateTools), Go Env Doctor (goEnv.goPath) and new terminals (PATH) will run it.`;
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

export function usedMessage(u: UseSummary, homeDir: string): string {
  const bin = tildify(u.goBinary, homeDir);
  const parts = [`Go Env: ${u.workspaceSettings ? 'this workspace now uses' : 'now using'} ${bin}.`];
  parts.push(
    u.alternateTools
      ? 'The Go extension runs it (go.alternateTools), so does Go Env Doctor (goEnv.goPath).'
      : 'Go Env Doctor runs it (goEnv.goPath); go.alternateTools was not set because the Go extension is not installed.',
  );
  parts.push('New terminals have its bin directory first on PATH; terminals already open keep theirs.');
  if (u.untrusted)
    parts.push(
      'This workspace is not trusted: Go Env Doctor ignores goEnv.goPath from its settings until you trust it.',
    );
  return parts.join(' ');
}

export function cancelledMessage(version: string): string {
  return `Go Env: the install of ${goDisplayName(version)} was cancelled. Nothing was installed; the part already downloaded is kept, so installing again resumes it.`;
}

/** For go.alternateTools: keep the other tools the user pointed elsewhere, replace only `go`. */
export function withAlternateGo(current: unknown, goBinary: string): Record<string, unknown> {
  const base =
    current && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  return { ...base, go: goBinary };
}

/** `<goroot>/bin/go` (go.exe on Windows). */
export function goBinaryIn(goroot: string, os: NodeJS.Platform): string {
  return path.join(goroot, 'bin', os === 'win32' ? 'go.exe' : 'go');
}
