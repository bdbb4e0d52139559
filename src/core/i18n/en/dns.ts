export const dns = {
  'check.dns.suspicious.title': '{host} resolves to a non-public address',
  'check.dns.suspicious.detail':
    "{host} is a public Go host, but DNS answered {addresses}. Either your company's DNS sends it to an internal proxy (fine if your IT team set this up), or the answer was tampered with or is stale.{mismatch} Check with `nslookup {host}` against another resolver; if the address comes from an earlier network, flush the DNS cache.",
  'check.dns.suspicious.address': '{address} ({range})',
  'check.dns.suspicious.mismatch':
    ' The server there presented a certificate that is not for {host}{names}: the traffic goes to another server, not to {host}.',
  'check.dns.suspicious.names': ' ({names})',
  'check.dns.hostsFile.title': '{host} is pinned to {address} in the hosts file',
  'check.dns.hostsFile.detail.fails':
    '{file} line {line} maps {host} to {address}, so DNS is not asked for it. The connection to it fails: if that line is left from a workaround or another network, remove it (the doctor never edits this file).',
  'check.dns.hostsFile.detail.works':
    '{file} line {line} maps {host} to {address}, so DNS is not asked for it. It works now; if the address changes, this line keeps pointing at the old one.',
} as const;
