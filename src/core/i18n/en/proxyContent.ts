export const proxyContent = {
  'check.proxyContent.from.sumdb': 'the checksum database {db}',
  'check.proxyContent.from.sumdbUnnamed': 'the checksum database',
  'check.proxyContent.from.goSum': 'the published go.sum line',
  'check.proxyContent.noAnswer': 'no checksum database answered within {ms} ms',
  'check.proxyContent.wrongContent.title': 'GOPROXY entry {name} serves altered content',
  'check.proxyContent.wrongContent.detail':
    '{name} serves the go.mod of {what} with hash {hash}, but {from} records {truth} ({truthDetail}). A stale cache or a tampered mirror. {consequence} Never turn checksum verification off to get past this: switch to a mirror that serves the recorded bytes.',
  'check.proxyContent.unverified':
    'Checksum verification is off for it (GOSUMDB=off, or GONOSUMDB/GOPRIVATE match it), so the go command does not notice: it would build with these bytes unverified. Turn verification back on and switch mirrors.',
  'check.proxyContent.refused':
    '`go get` and `go mod download` through this mirror fail with "verifying {what}/go.mod: checksum mismatch … SECURITY ERROR": the go command refuses bytes the checksum database did not record.{earlier}',
  'check.proxyContent.earlierServes':
    ' An earlier GOPROXY entry serves this module correctly, so go reaches this one only for modules that entry lacks.',
  'check.mirror.fix':
    "Use verified mirrors (checked just now: reachable, serving the checksum database's bytes): {mirrors}",
  'check.mirror.filtered.one':
    'The configured proxy cannot be reached while {names} answers correctly: the pattern of a filtered network (the official hosts blocked, domestic mirrors reachable), not of a broken machine.',
  'check.mirror.filtered.many':
    'The configured proxy cannot be reached while {names} answer correctly: the pattern of a filtered network (the official hosts blocked, domestic mirrors reachable), not of a broken machine.',
  'check.mirror.serves.one': '{names} serves the reference module correctly.',
  'check.mirror.serves.many': '{names} serve the reference module correctly.',
} as const;
