// `go-env-doctor install <version|latest> [--dir DIR] [--dl-base URL] [--mirror URL]... [--connections-per-host N] [--via-proxy] [--arch A] [--json]`
// The official release archive when the go.dev/dl index can be read; otherwise (or with
// --via-proxy) the golang.org/toolchain module from GOPROXY, verified by the Go checksum database.
import { pathHint } from './pathHint';
import { fallbackNotice, humanSummary } from './installText';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { DoctorError, isAbortError } from '../core/errors';
import type { Finding, Fix } from '../core/findings';
import { parseGoVersion } from '../core/goVersion';
import { redact } from '../core/redact';
import { installToolchain, type ToolchainInstallResult } from '../core/toolchain/install';
import type { InstallProgress } from '../core/toolchain/progress';
import { KNOWN_GOARCH, nodeArchOf } from '../core/toolchain/targetArch';
import { sumdbFailureOf } from '../core/toolchain/module/verify';
import { parseArgs, UsageError } from './args';
import { crashHook } from './crashHook';
import { errorWords } from './errorText';
import type { CliIO, Subcommand } from './io';
import { formatMb } from '../core/units';
import type { MessageKey } from '../core/i18n/catalog';
import type { Lang } from '../core/i18n/lang';
import { msg, type Message } from '../core/i18n/message';
import { render } from '../core/i18n/render';
import { MAX_CONNECTIONS_PER_HOST } from '../core/toolchain/connectionPlan';

export const installCommand: Subcommand = async (argv, io, signal) => {
  const { flags, positionals } = parseArgs(argv, {
    dir: 'string',
    'dl-base': 'string',
    mirror: 'list',
    'connections-per-host': 'string',
    'via-proxy': 'boolean',
    arch: 'string',
    json: 'boolean',
  });
  if (positionals.length === 0)
    throw new UsageError(
      'install needs a version, e.g. "go-env-doctor install 1.22.5" or "go-env-doctor install latest"',
    );
  if (positionals.length > 1) throw new UsageError(`install takes one version, not "${positionals.join(' ')}"`);
  const version = positionals[0]!;
  if (version !== 'latest' && !parseGoVersion(version))
    throw new UsageError(`"${version}" is not a Go version (expected e.g. 1.22.5, go1.22.5 or latest)`);
  const dlBase = flags['dl-base'] === undefined ? undefined : indexBase(String(flags['dl-base']));
  const mirrors = ((flags.mirror as string[] | undefined) ?? []).map((m) => httpUrl(m, '--mirror'));
  const dir = flags.dir === undefined ? undefined : path.resolve(io.cwd, String(flags.dir));
  const connectionsPerHost = connectionsFlag(flags['connections-per-host']);
  const json = flags.json === true;
  const arch = flags.arch === undefined ? undefined : archFlag(String(flags.arch));
  const viaProxy = flags['via-proxy'] === true;
  if (viaProxy && version === 'latest')
    throw new UsageError(
      '--via-proxy needs a release version such as 1.22.5: "latest" is known only to the release index, which --via-proxy skips',
    );
  if (viaProxy && (dlBase || mirrors.length > 0))
    throw new UsageError(
      `--via-proxy fetches the toolchain module from GOPROXY; ${dlBase ? '--dl-base' : '--mirror'} applies to release archives only`,
    );

  const lang = io.lang ?? 'en';
  const t = (m: Message) => render(m, lang);
  const progress = io.stderrIsTTY
    ? new ProgressLine(io, version === 'latest' ? t(msg('cli.install.latest')) : `go${parseGoVersion(version)!.text}`)
    : undefined;
  let result: ToolchainInstallResult;
  try {
    result = await installToolchain({
      version,
      ...(viaProxy ? { viaProxy } : {}),
      ...(arch ? { arch } : {}),
      platform: io.platform,
      signal,
      ...(dir ? { dir } : {}),
      ...(dlBase ? { dlBases: [dlBase] } : {}),
      mirrors,
      ...(connectionsPerHost ? { connectionsPerHost } : {}),
      ...(progress ? { onProgress: (p: InstallProgress) => progress.show(p) } : {}),
      onWait: (holder) => {
        const waiting = holder
          ? msg('cli.install.waitingFor', { pid: holder.pid, host: holder.host })
          : msg('cli.install.waiting');
        io.stderr(`${t(waiting)}\n`);
      },
      onFallback: (e) => {
        progress?.done();
        io.stderr(redact(fallbackNotice(e, lang)));
      },
      reclaimMemory: tuneProcessMemory(),
      ...crashHook(io.platform.env),
    });
  } catch (err) {
    progress?.done();
    if (isAbortError(err)) {
      io.stderr(`${t(msg('cli.install.cancelled'))}\n`);
      if (json) io.stdout(`${JSON.stringify({ ok: false, cancelled: true })}\n`);
      return 130;
    }
    if (!(err instanceof DoctorError)) throw err;
    const finding = toFinding(err, version, viaProxy, json ? (io.jsonLang ?? 'en') : lang);
    if (json) io.stdout(`${redact(JSON.stringify({ ok: false, finding }, null, 2))}\n`);
    else
      io.stderr(
        redact(
          `✗ ${finding.title}\n  ${finding.detail}\n${(finding.fixes ?? []).map((f) => `${t(msg('cli.install.try', { command: f.command, title: f.title }))}\n`).join('')}`,
        ),
      );
    return 1;
  }
  progress?.done();
  if (json) io.stdout(`${redact(JSON.stringify(successDocument(result), null, 2))}\n`);
  else
    io.stdout(
      redact(humanSummary(result, lang)) +
        (result.alreadyInstalled ? '' : pathHint(path.join(result.goroot, 'bin'), io.platform, lang)),
    );
  return 0;
};

/**
 * Memory tuning the CLI may do because it owns its process (the editor does not: the extension
 * host is shared). Measured by test/bench/install.bench.ts on a 100 MB archive:
 * - undici parses HTTP with a WebAssembly llhttp; once it is hot, V8 recompiles it in the
 *   background with TurboFan, which costs ~30 MB at the start of a large download and gains
 *   nothing here (a body is not parsed byte by byte). Baseline (Liftoff) code only.
 * - Every network read and inflated chunk is a fresh buffer, and V8 only collects them after
 *   ~64 MB of such garbage; a young-generation GC every few MB keeps the peak flat.
 * Returns the GC hook for InstallOptions.reclaimMemory.
 */
function tuneProcessMemory(): () => void {
  try {
    v8.setFlagsFromString('--liftoff-only');
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as (o?: { type: 'minor' | 'major' }) => void;
    return () => gc({ type: 'minor' });
  } catch {
    return () => undefined;
  }
}

/** `{ok: true, ...}` for --json: version, GOROOT and digest, plus which source and how it was verified. */
function successDocument(r: ToolchainInstallResult): Record<string, unknown> {
  const common = { ok: true, version: r.version, goroot: r.goroot, via: r.via };
  if (r.via === 'archive') {
    return {
      ...common,
      sha256: r.sha256 ?? null,
      bytes: r.bytes ?? null,
      source: r.source ?? null,
      alreadyInstalled: r.alreadyInstalled,
      verified: r.sha256 !== undefined,
      ...(r.corruptSources ? { corruptSources: r.corruptSources } : {}),
    };
  }
  return {
    ...common,
    sha256: null,
    h1: r.h1 ?? null,
    module: r.module,
    bytes: r.bytes ?? null,
    source: r.source ?? null,
    alreadyInstalled: r.alreadyInstalled,
    verified: r.h1 !== undefined,
    verification: r.verification ?? null,
    ...(r.fallbackFrom ? { fallbackFrom: r.fallbackFrom } : {}),
  };
}

/** The finding id an install failure reports, and its title in the catalog. */
const TITLES: Record<string, MessageKey> = {
  'toolchain.notFound': 'cli.install.title.notFound',
  'toolchain.indexUnavailable': 'cli.install.title.indexUnavailable',
  'toolchain.downloadFailed': 'cli.install.title.downloadFailed',
  'toolchain.checksumMismatch': 'cli.install.title.checksumMismatch',
  'toolchain.unsafeArchive': 'cli.install.title.unsafeArchive',
  'toolchain.diskFull': 'cli.install.title.diskFull',
  'toolchain.permissionDenied': 'cli.install.title.permissionDenied',
  'toolchain.unsafeSdkDir': 'cli.install.title.unsafeSdkDir',
  'toolchain.sumdbUnavailable': 'cli.install.title.sumdbUnavailable',
  'toolchain.sumdbVerifyFailed': 'cli.install.title.sumdbVerifyFailed',
};

function toFinding(err: DoctorError, version: string, viaProxy: boolean, lang: Lang): Finding {
  const t = (key: MessageKey) => render(msg(key), lang);
  const fixes: Fix[] = [];
  // (toolchain.sumdbUnavailable is also GOSUMDB=off or unparsable: a setting, not the network.)
  if (
    err.code === 'toolchain.downloadFailed' ||
    err.code === 'toolchain.indexUnavailable' ||
    sumdbFailureOf(err) === 'unavailable'
  ) {
    fixes.push({ command: 'go-env-doctor diagnose', title: t('cli.install.fix.diagnose') });
  }
  if (err.code === 'toolchain.downloadFailed' || err.code === 'toolchain.diskFull') {
    fixes.push({
      command: `go-env-doctor install ${version}${viaProxy ? ' --via-proxy' : ''}`,
      title: t('cli.install.fix.resume'),
    });
  }
  const words = errorWords(err, lang);
  const finding: Finding = {
    id: err.code,
    severity: 'error',
    title: t(TITLES[err.code] ?? 'cli.install.title.failed'),
    detail: `${words.message} ${words.remedy}`,
  };
  if (fixes.length > 0) finding.fixes = fixes;
  return finding;
}

/** The index decides which bytes are trusted, so it must come over HTTPS (plain HTTP only on loopback). */
function indexBase(raw: string): string {
  const url = httpUrl(raw, '--dl-base');
  const host = new URL(url).hostname;
  if (url.startsWith('http:') && !['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
    throw new UsageError(
      `--dl-base must use https:// (the release index supplies the checksums every download is verified against); "${redact(raw)}" does not`,
    );
  }
  return url;
}

function archFlag(raw: string): string {
  const arch = nodeArchOf(raw);
  if (!arch) throw new UsageError(`--arch takes a GOARCH such as ${KNOWN_GOARCH.join(', ')}, not "${raw}"`);
  return arch;
}

function httpUrl(raw: string, flag: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(`${flag} needs a URL such as https://host/path/, not "${redact(raw)}"`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new UsageError(`${flag} must be an http:// or https:// URL, not "${redact(raw)}"`);
  return raw.endsWith('/') ? raw : `${raw}/`;
}

/** One self-overwriting status line on a terminal's stderr. */
class ProgressLine {
  private drawn = false;

  constructor(
    private readonly io: CliIO,
    private readonly what: string,
  ) {}

  show(p: InstallProgress): void {
    const t = (m: Message) => render(m, this.io.lang ?? 'en');
    const pct = p.total > 0 ? Math.floor((p.bytes / p.total) * 100) : 0;
    const key =
      p.phase === 'verify'
        ? 'cli.install.verifying'
        : p.phase === 'extract'
          ? 'cli.install.unpacking'
          : 'cli.install.downloading';
    const parts = [
      t(msg(key, { what: this.what })),
      `${String(pct).padStart(3)}%`,
      `${formatMb(p.bytes)} / ${formatMb(p.total)}`,
    ];
    if (p.phase === 'download') {
      parts.push(p.bytesPerSec > 0 ? `${formatMb(p.bytesPerSec)}/s` : '-- MB/s');
      parts.push(t(msg('cli.install.eta', { eta: p.etaSec === undefined ? '--' : eta(p.etaSec) })));
      parts.push(p.sources ? sourceShares(p.sources, t) : t(msg('cli.install.from', { source: redact(p.source) })));
    }
    this.io.stderr(`\r${parts.join('  ')}\u001b[K`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.io.stderr('\n');
    this.drawn = false;
  }
}

/** `from a 41% 3.9 MB/s, b 33% 3.1 MB/s, c 26% (dropped)`: each source's share of the bytes and its rate. */
function sourceShares(sources: NonNullable<InstallProgress['sources']>, t: (m: Message) => string): string {
  const total = sources.reduce((n, s) => n + s.bytes, 0) || 1;
  const one = (s: (typeof sources)[number]) => {
    const share = `${redact(s.label)} ${Math.round((s.bytes / total) * 100)}%`;
    if (s.dropped) return t(msg('mirrorCorrupt.dropped', { share }));
    return s.bytesPerSec > 0 ? `${share} ${formatMb(s.bytesPerSec)}/s` : share;
  };
  return t(msg('cli.install.from', { source: sources.map(one).join(', ') }));
}

function connectionsFlag(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > MAX_CONNECTIONS_PER_HOST)
    throw new UsageError(
      `--connections-per-host takes a whole number from 1 to ${MAX_CONNECTIONS_PER_HOST}, not "${String(v)}"`,
    );
  return n;
}

function eta(sec: number): string {
  if (sec < 60) return `${sec}s`;
  const m = Math.floor(sec / 60);
  return m < 60
    ? `${m}m${String(sec % 60).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
