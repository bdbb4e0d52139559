// How to drop a stale DNS answer on each OS, for findings where a cached address is plausible.
import type { Fix } from '../findings';
import type { Platform } from '../platform';
import { msg } from '../i18n/message';
import { fixWords } from '../i18n/words';

export function dnsFlushFix(os: Platform['os']): Fix {
  if (os === 'win32') return { command: 'ipconfig /flushdns', ...fixWords(msg('check.fix.dnsFlush.win32')) };
  if (os === 'darwin')
    return {
      command: 'sudo dscacheutil -flushcache; sudo killall -HUP mDNSResponder',
      ...fixWords(msg('check.fix.dnsFlush.darwin')),
    };
  return { command: 'resolvectl flush-caches', ...fixWords(msg('check.fix.dnsFlush.linux')) };
}
