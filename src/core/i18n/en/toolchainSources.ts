// What each source answered when asked for a toolchain (core/toolchainPlan/availability.ts).
// `{name}` is a parameter; see ../catalog.ts.
export const toolchainSources = {
  'tcSource.pathOnly': 'GOTOOLCHAIN allows only PATH, and no {name} is in PATH',
  'tcSource.off': 'off: downloads are refused',
  'tcSource.invalid': '{entry}: not a valid GOPROXY entry ({reason})',
  'tcSource.direct': 'direct ({url})',
  'tcSource.has': '{source}: has it',
  'tcSource.status': '{source}: HTTP {status}',
  'tcSource.failed': '{source}: {error}',
  'tcSource.none': 'GOPROXY has no entries',
  'tcSource.sumdb': 'the checksum database: {error}',
} as const;
