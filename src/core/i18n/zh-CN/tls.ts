import type { tls as en } from '../en/tls';

export const tls: Record<keyof typeof en, string> = {
  'check.tls.expiresSoon.title.withinDay': '{host} 的证书将在一天内过期',
  'check.tls.expiresSoon.title.oneDay': '{host} 的证书将在 1 天后过期',
  'check.tls.expiresSoon.title.days': '{host} 的证书将在 {days} 天后过期',
  'check.tls.expiresSoon.detail':
    '{subject}（由 {issuer} 签发）的有效期到 {until}。过期后 go 命令会拒绝连接（x509: certificate has expired）。如果这台服务器属于你或你的公司，请安排续期；公共服务会自行续期。',
};
