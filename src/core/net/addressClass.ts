// Which special-purpose range an IP address is in: the addresses a public host never has.
import * as net from 'node:net';

const RANGES: readonly { cidr: string; family: 'ipv4' | 'ipv6'; what: string }[] = [
  { cidr: '0.0.0.0/8', family: 'ipv4', what: 'unspecified' },
  { cidr: '127.0.0.0/8', family: 'ipv4', what: 'loopback' },
  { cidr: '10.0.0.0/8', family: 'ipv4', what: 'private' },
  { cidr: '172.16.0.0/12', family: 'ipv4', what: 'private' },
  { cidr: '192.168.0.0/16', family: 'ipv4', what: 'private' },
  { cidr: '100.64.0.0/10', family: 'ipv4', what: 'carrier-grade NAT' },
  { cidr: '198.18.0.0/15', family: 'ipv4', what: 'reserved for benchmarking, used by fake-IP proxies' },
  { cidr: '::/128', family: 'ipv6', what: 'unspecified' },
  { cidr: '::1/128', family: 'ipv6', what: 'loopback' },
  { cidr: 'fc00::/7', family: 'ipv6', what: 'private (unique local)' },
];

/** `loopback`, `private`... for a special-purpose address; undefined for a public one (or not an IP). */
export function specialRange(address: string): string | undefined {
  const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : undefined;
  if (!family) return undefined;
  const mapped = family === 'ipv6' ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] : undefined;
  if (mapped) return specialRange(mapped);
  for (const r of RANGES) {
    if (r.family !== family) continue;
    const [base, bits] = r.cidr.split('/') as [string, string];
    const list = new net.BlockList();
    list.addSubnet(base, Number(bits), family);
    if (list.check(address, family)) return r.what;
  }
  return undefined;
}
