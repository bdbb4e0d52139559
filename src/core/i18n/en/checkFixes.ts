// English fix titles shared by the checks, and the words that join fragments. See ../catalog.ts.
export const checkFixes = {
  /** Two fragments and the separator between them (lists are built from pairs). */
  'check.join': '{a}{sep}{b}',
  /** Two sentences in a row. */
  'check.sentences': '{a} {b}',
  'check.fix.autoProxy': 'Switch GOPROXY to the fastest working mirror…',
  'check.fix.offline': 'Work offline from the module cache',
  'check.fix.restoreProxy': 'Restore previous Go proxy settings',
  'check.fix.install': 'Install Go {version} (verified)',
  'check.fix.pathFirst': 'Put {dir} first on PATH',
  'check.fix.pathAdd': 'Add {dir} to PATH',
  'check.fix.unset': 'Unset {name}',
  'check.fix.dnsFlush.win32': 'Flush the Windows DNS cache',
  'check.fix.dnsFlush.darwin': 'Flush the macOS DNS cache',
  'check.fix.dnsFlush.linux': 'Flush the systemd-resolved DNS cache',
  'check.fix.clock.darwin': 'Set the clock from a time server',
  'check.fix.clock.win32': 'Resynchronise the Windows clock',
  'check.fix.clock.linux': 'Keep the clock in sync with NTP',
  'check.fix.saveCert': 'Save the certificate "{name}" (SHA-256 {sha256}…) to check with your IT team',
  'check.timing.dns': 'DNS {ms}',
  'check.timing.connect': 'connect {ms}',
  'check.timing.proxyConnect': 'proxy CONNECT {ms}',
  'check.timing.tls': 'TLS {ms}',
  'check.timing.http': 'HTTP {ms}',
} as const;
