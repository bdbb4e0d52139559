export const proxyCheck = {
  /** A failed probe: whose, and the failure in a few words. */
  'check.probe.failed.title': '{name}: {short}',
  'check.proxy.name.entry': 'GOPROXY entry {entry}',
  'check.proxy.name.mirror': 'Mirror {entry}',
  'check.proxy.via': ' through {proxy} ({variable})',
  'check.proxy.timing': '{module}@latest is {version}, fetched in {ms}{via} ({steps}).',
  'check.proxy.slow.title': '{name} is slow',
  'check.proxy.slow.detail':
    'It answers correctly but slowly (over {slow}): {timing} Every module download waits on it; a closer mirror is faster.{extra}',
  'check.proxy.ok.title': '{name} works',
  'check.proxy.ok.detail': '{timing}{extra}',
  'check.proxy.badResponse.title': '{name} does not answer as a module proxy',
  'check.proxy.badResponse.detail': '{host} answered 200{via} to {module}/@latest{redirect}, but {what}',
  'check.proxy.badResponse.redirect': ' (after a redirect to {url})',
  'check.proxy.badResponse.tooLarge': 'the answer is larger than {kib} KiB, which no @latest answer is.',
  'check.proxy.badResponse.html':
    "the answer is an HTML page{title}, not the proxy protocol's JSON. This is typically a captive portal (a Wi-Fi sign-in page) or a web page at a wrong URL: sign in to the network in a browser, or fix the URL.",
  'check.proxy.badResponse.htmlTitle': ' ("{title}")',
  'check.proxy.badResponse.notJson':
    'the answer is not the proxy protocol\'s JSON {"Version": "v…", "Time": "…"} ({contentType}starts with {excerpt}). Check the URL.',
  'check.proxy.badResponse.contentType': 'Content-Type {type}, ',
  'check.proxy.notFoundHint':
    ' It does not serve {module}, which every public module proxy serves: check the URL (a missing path prefix, say).',
  'check.proxy.file.badUrl.title': 'GOPROXY entry {entry} is not a usable file URL',
  'check.proxy.file.badUrl.detail': 'A file:// entry must name an absolute directory.',
  'check.proxy.file.ok.title': 'GOPROXY entry {entry} is a readable directory',
  'check.proxy.file.ok.detail': '{dir} is read directly (no network): it serves only the modules copied into it.',
  'check.proxy.file.unreadable.title': 'GOPROXY entry {entry} cannot be read',
  'check.proxy.file.unreadable.detail':
    '{dir}: {problem}. A file:// entry must be a module cache download directory ($GOMODCACHE/cache/download or a copy of it).',
  'check.proxy.file.noSuchDir': 'no such directory',
  'check.proxy.file.notDir': 'not a directory',
  'check.proxy.file.notReadable': 'not readable ({code})',
  'check.proxy.notInGoproxy': '{title} (not in GOPROXY)',
  'check.proxy.fix.useAnswered': 'Use {mirror}, which answered in {ms}',
  'check.proxy.fix.use': 'Use {mirror}',
  'check.proxy.fix.pipe': 'Move on to the next entry after any error (| instead of ,)',
  'check.proxy.fix.remove': 'Remove this entry so downloads do not wait for it',
  'check.proxy.after.earlierWorks':
    'An earlier entry works, so the go command reaches this one only when that entry cannot serve a module.',
  'check.proxy.after.direct':
    'The go command falls back to fetching from the version-control origins (direct), which is slower and needs access to every origin host.',
  'check.proxy.after.fallsThrough':
    'The go command falls through to the next entry, but every download waits for this one first.',
  'check.proxy.after.notReached': 'The go command tries this entry only when the entries before it fall through.',
  'check.proxy.after.stopsAtComma':
    'The go command cannot download modules: after "{entry}" comes a ",", so it tries "{next}" only when this proxy answers 404 or 410, and a failure like this one stops the download ("|" would move on after any error).',
  'check.proxy.after.last': 'It is the last entry of GOPROXY, so the go command cannot download modules.',
  'check.proxy.after.noneLater': 'No later GOPROXY entry can take over, so the go command cannot download modules.',
} as const;
