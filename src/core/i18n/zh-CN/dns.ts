import type { dns as en } from '../en/dns';

export const dns: Record<keyof typeof en, string> = {
  'check.dns.suspicious.title': '{host} 被解析到非公网地址',
  'check.dns.suspicious.detail':
    '{host} 是公共的 Go 服务主机，但 DNS 返回的是 {addresses}。要么是公司的 DNS 把它指向了内部代理（如果这是 IT 部门的安排，则没有问题），要么是解析结果被篡改或已经过时。{mismatch}请用 `nslookup {host}` 向另一台 DNS 服务器核对；如果这个地址来自之前连接过的网络，请清空 DNS 缓存。',
  'check.dns.suspicious.address': '{address}（{range}）',
  'check.dns.suspicious.mismatch':
    '那里的服务器出示的证书不属于 {host}{names}：流量被引向了另一台服务器，而不是 {host}。',
  'check.dns.suspicious.names': '（{names}）',
  'check.dns.hostsFile.title': '{host} 在 hosts 文件中被固定为 {address}',
  'check.dns.hostsFile.detail.fails':
    '{file} 第 {line} 行把 {host} 映射到 {address}，因此不会向 DNS 查询它。连接该地址失败：如果这一行是以前的临时方案或其他网络留下的，请删除它（本工具从不修改这个文件）。',
  'check.dns.hostsFile.detail.works':
    '{file} 第 {line} 行把 {host} 映射到 {address}，因此不会向 DNS 查询它。目前连接正常；但如果地址变了，这一行仍会指向旧地址。',
};
