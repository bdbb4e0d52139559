export const tls = {
  'check.tls.expiresSoon.title.withinDay': 'The certificate of {host} expires within a day',
  'check.tls.expiresSoon.title.oneDay': 'The certificate of {host} expires in 1 day',
  'check.tls.expiresSoon.title.days': 'The certificate of {host} expires in {days} days',
  'check.tls.expiresSoon.detail':
    "{subject}, issued by {issuer}, is valid until {until}. After that the go command refuses the connection (x509: certificate has expired). If this server is yours or your company's, have it renewed; a public host renews its own.",
} as const;
