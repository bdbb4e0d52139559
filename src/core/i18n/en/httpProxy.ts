export const httpProxy = {
  'check.httpProxy.and': ' and ',
  'check.httpProxy.uses.https': 'Every https:// download of the go command goes through it',
  'check.httpProxy.uses.http': "The go command's http:// downloads go through it",
  'check.httpProxy.ok.title': 'HTTP proxy {proxy} accepts connections',
  'check.httpProxy.ok.detail':
    '{variables} names {proxy}; it accepted a TCP connection in {ms}. {uses} (except hosts listed in NO_PROXY, and localhost).',
  'check.httpProxy.unreachable.title': 'HTTP proxy {proxy} is unreachable',
  'check.httpProxy.unreachable.detail':
    '{variables} names {proxy}, but {why}. {uses}, so those downloads fail until the proxy is reachable or the variable is corrected or removed.{windows}',
  'check.httpProxy.why.dns': 'its host name does not resolve ({code})',
  'check.httpProxy.why.timeout': 'it did not accept a connection within {ms} ms',
  'check.httpProxy.why.refused':
    'nothing accepts connections there (connection refused): the proxy is not running, or the port is wrong',
  'check.httpProxy.why.other': 'it cannot be reached ({code})',
  'check.httpProxy.fix.win32': 'Stop using the proxy (removes {variables} from this session and your user environment)',
  'check.httpProxy.fix.posix':
    'Stop using the proxy in this shell (also remove {variables} from your shell profile if the proxy is gone)',
  'check.httpProxy.invalid.title': '{variable} is not a valid proxy URL',
  'check.httpProxy.invalid.detail':
    '{variable}={value} cannot be parsed as a proxy URL, so the go command ignores it and connects directly. Use http://host:port (or http://user:password@host:port).',
  'check.httpProxy.allProxy.title': 'ALL_PROXY is set, but the go command ignores it',
  'check.httpProxy.allProxy.detail':
    'ALL_PROXY={value} is read by curl and some other tools, not by the go command, which uses only HTTPS_PROXY, HTTP_PROXY and NO_PROXY.{advice}',
  'check.httpProxy.allProxy.advice': ' If the go command must use that proxy, set HTTPS_PROXY to it as well.',
} as const;
