// How to drop a stale DNS answer on each OS, for findings where a cached address is plausible.
import type { Fix } from '../findings';
import type { Platform } from '../platform';

export function dnsFlushFix(os: Platform['os']): Fix {
  if (os === 'win32') return { command: 'ipconfig /flushdns', title: 'Flush the Windows DNS cache' };
  if (os === 'darwin')
    return {
      command: 'sudo dscacheutil -flushcache; sudo killall -HUP mDNSResponder',
      title: 'Flush the macOS DNS cache',
    };
  return { command: 'resolvectl flush-caches', title: 'Flush the systemd-resolved DNS cache' };
}
