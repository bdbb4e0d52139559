export const dlRoute = {
  'check.dl.what.index': 'the Go release index',
  'check.dl.what.archive': 'the {platform} archive {file}',
  'check.dl.answeredBy': ' (answered by {host})',
  'check.dl.ok.title': '{host} serves {what}{answeredBy}',
  'check.dl.ok.detail': '{url}: HTTP {status} in {ms} ({steps}).',
  'check.dl.notFoundHint': ' It does not have {what}: check the URL, or the version.',
  'check.dl.after.index':
    'go-env-doctor install reads the SHA-256 of every archive from this index (it falls back to the golang.org/toolchain module through GOPROXY when no index can be read).',
  'check.dl.after.archive': 'Release downloads from here fail; the installer tries the next mirror or host.',
  'check.dl.role.index': 'release index',
  'check.dl.role.archive': 'release archives',
  'check.dl.failed.title': '{host} ({role}): {short}',
} as const;
