// Go versions are not semver (`go1.22.0`, `go1.21rc2`, `go1.9`, language version `1.21`).
// This is the one place that parses and orders them, following cmd/go's internal/gover:
// 1.21 < 1.21rc1 < 1.21rc2 < 1.21.0 < 1.21.1.

export interface GoVersion {
  major: number;
  minor: number;
  /** undefined for a language version (`1.21`) or a prerelease (`1.21rc2`). */
  patch?: number;
  /** `rc` or `beta`, with its number. */
  pre?: { kind: 'beta' | 'rc'; n: number };
  /** Canonical form without the `go` prefix: `1.22.0`, `1.21rc2`, `1.21`. */
  text: string;
}

const RE = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+)|(beta|rc)(\d+))?$/;

/** Parses `go1.22.5`, `1.22.5`, `1.22`, `go1.21rc2`; undefined for anything else. */
export function parseGoVersion(input: string): GoVersion | undefined {
  const m = RE.exec(input.trim());
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const v: GoVersion = { major, minor, text: '' };
  if (m[3] !== undefined) v.patch = Number(m[3]);
  if (m[4] !== undefined) v.pre = { kind: m[4] as 'beta' | 'rc', n: Number(m[5]) };
  v.text = formatGoVersion(v);
  return v;
}

export function formatGoVersion(v: GoVersion): string {
  if (v.pre) return `${v.major}.${v.minor}${v.pre.kind}${v.pre.n}`;
  if (v.patch !== undefined) return `${v.major}.${v.minor}.${v.patch}`;
  return `${v.major}.${v.minor}`;
}

/** Rank within one major.minor: language version < beta < rc < release. */
function stage(v: GoVersion): [number, number] {
  if (v.pre) return [v.pre.kind === 'beta' ? 1 : 2, v.pre.n];
  if (v.patch !== undefined) return [3, v.patch];
  return [0, 0];
}

export function compareGoVersions(a: GoVersion, b: GoVersion): number {
  return a.major - b.major || a.minor - b.minor || stage(a)[0] - stage(b)[0] || stage(a)[1] - stage(b)[1];
}

/** Orders two version strings; unparseable ones sort first. */
export function compareGoVersionText(a: string, b: string): number {
  const va = parseGoVersion(a);
  const vb = parseGoVersion(b);
  if (!va || !vb) return (va ? 1 : 0) - (vb ? 1 : 0);
  return compareGoVersions(va, vb);
}

/** `go1.22.5`: the name used by release files, `~/sdk/` folders and the toolchain module. */
export function goName(v: GoVersion): string {
  return `go${v.text}`;
}

/**
 * The toolchain a language version selects when the go command switches: `1.22` means the
 * first release `1.22.0` (Go 1.21+); versions before 1.21 named releases without `.0`.
 */
export function releaseFor(v: GoVersion): GoVersion {
  if (v.patch !== undefined || v.pre) return v;
  if (v.major === 1 && v.minor < 21) return v;
  return { ...v, patch: 0, text: `${v.major}.${v.minor}.0` };
}

/** A semver string for libraries that need one (`1.21rc2` becomes `1.21.0-rc.2`). */
export function toSemver(v: GoVersion): string {
  if (v.pre) return `${v.major}.${v.minor}.0-${v.pre.kind}.${v.pre.n}`;
  return `${v.major}.${v.minor}.${v.patch ?? 0}`;
}

/** Whether the go command of this version understands GOTOOLCHAIN and the `toolchain` line. */
export function supportsToolchainSwitch(v: GoVersion): boolean {
  return v.major > 1 || v.minor >= 21;
}
