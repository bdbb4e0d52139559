// Network failures in words (core/net), for errors and for the checks' findings. `{name}` is a
// parameter; see ../catalog.ts.
export const net = {
  'net.step.dns': 'the DNS lookup',
  'net.step.connect': 'the TCP connection',
  'net.step.proxyConnect': 'opening the tunnel through the proxy',
  'net.step.tls': 'the TLS handshake',
  'net.step.http': 'the HTTP response',
  'net.redirect.insecure': '{from} redirected to {to}, which is not https: refused, as the go command does',
  'net.redirect.scheme': '{from} redirected to {to}, which is not an http(s) URL',
  'net.redirect.loop': '{from} redirected back to {to}: a redirect loop',
  'net.redirect.tooMany': '{from} redirected more than {max} times',
  'net.reason.insecureCredentials': '{error}: the go command does not send credentials over plain http',
  'net.reason.connectTimeout': 'connecting timed out after {limit}',
  'net.reason.headersTimeout': 'no response within {limit}',
  'net.reason.stalled': 'the transfer stalled (no data for {limit})',
  'net.reason.closed': 'the connection was closed mid-transfer',
  'net.reason.refused': 'connection refused',
  'net.reason.unreachable': 'the network is unreachable ({code})',
  'net.reason.notFound': 'the host name does not resolve (ENOTFOUND)',
  'net.reason.proxyFailed': 'the proxy connection failed: {error}',
  'net.reason.tls': 'a TLS certificate problem (run "go-env-doctor diagnose" to see why): {code}',
  'net.reason.withCode': '{error} ({code})',
  'net.explain.expired':
    "its TLS certificate expired on {date} (or this machine's clock is ahead), so the go command refuses it",
  'net.explain.notYetValid':
    "its TLS certificate is valid only from {date} (or this machine's clock is behind), so the go command refuses it",
  'net.explain.altName': 'its TLS certificate is not valid for {host}: a DNS hijack or captive portal?',
  'net.explain.altNameNames':
    'its TLS certificate is not valid for {host} (it names {names}): a DNS hijack or captive portal?',
  'net.explain.untrusted':
    'its TLS certificate is issued by {issuer}, which the go command does not trust (it trusts {source}): a TLS-intercepting proxy? ({code})',
  'net.explain.unknownCa': 'an unknown CA',
  'net.explain.unreachable': 'could not be reached: {error}',
  'net.explain.unreachableProxy': 'could not be reached through the HTTP proxy: {error}',
  'net.via': ' through the {kind} {proxy} ({variable})',
  'net.proxyKind.socks': 'SOCKS5 proxy',
  'net.proxyKind.http': 'HTTP proxy',
  'net.proxy.configured': 'configured proxy',
  'net.proxy.named': '{kind} {proxy} ({variable})',
  'net.short.httpStatus': 'answers HTTP {status}',
  'net.cause.httpStatus': '{host} answered HTTP {status}{via}.{hint}',
  'net.hint.credentials':
    ' The server wants credentials or refuses this client: a private proxy needs them in the URL (https://user:token@host) or in .netrc.',
  'net.hint.proxyAuth': ' That is an HTTP proxy asking for credentials.',
  'net.hint.serverError': ' The server has a problem of its own; try again later or use another mirror.',
  'net.short.dns': 'does not resolve',
  'net.cause.dns':
    'The host name {host} does not resolve ({code}): check the URL, your DNS settings and whether this network can see that name.',
  'net.short.refused': 'refuses connections',
  'net.cause.refused': '{error}: nothing accepts connections there, or a firewall rejects them.',
  'net.short.timeout': 'does not answer',
  'net.cause.timeout':
    '{host} did not answer within {ms} ms{via} (no progress during {step}). A filtered network often drops traffic to some hosts silently.',
  'net.short.cutOff': 'cuts its answer off',
  'net.cause.cutOff': '{host}{via}: {error}. A proxy or firewall in between may be cutting connections.',
  'net.short.reset': 'resets connections',
  'net.cause.reset': '{error}{via}. Connections reset during {step} usually mean a firewall blocks this host.',
  'net.short.notHttp': 'does not speak HTTP',
  'net.cause.notHttp': '{host}{via}: {error}. Check the URL (scheme and port).',
  'net.short.insecureCredentials': 'has credentials on plain http',
  'net.cause.insecureCredentials':
    '{url} carries a user name and password, but over plain http the go command refuses to send them ("{error}"), so every request to {host} fails before it is made; the doctor did not send them either. Use the proxy\'s https:// URL: credentials are sent over https only.',
  'net.short.cancelled': 'was not checked (cancelled)',
  'net.cause.cancelled': 'The check was cancelled.',
  'net.short.proxyStatus': 'is refused by the HTTP proxy ({status})',
  'net.short.proxyRefused': 'is refused by the proxy',
  'net.cause.proxyRefused': 'The go command reaches {host} through the {proxy}, and {error}.',
  'net.short.proxyUnreachable': 'is unreachable because the HTTP proxy is',
  'net.cause.proxyUnreachable':
    'The go command reaches {host} through the {proxy}, {what}. Every download through that proxy fails until it is fixed (see netproxy.unreachable).',
  'net.proxy.dns': 'whose host name does not resolve ({code})',
  'net.proxy.timeout': 'which does not accept connections in time',
  'net.proxy.connect': 'which cannot be connected to ({error})',
  'net.short.handshake': 'fails the TLS handshake',
  'net.cause.handshake':
    '{error}. If the server speaks plain HTTP on this port, the URL should start with http://; otherwise something between you and {host} interferes with TLS.',
  'net.approx': " (On this OS the go command asks {source}; this verdict uses Node's CA list and is approximate.)",
  'net.short.expired': 'certificate has expired',
  'net.cause.expired':
    "The certificate presented by {host} ({subject}, issued by {issuer}) expired on {validTo}, and this computer's clock says {now}. If the clock is wrong, correct it; otherwise the server, or a proxy in between, presents a stale certificate.{approx}",
  'net.short.notYetValid': 'certificate is not valid yet',
  'net.cause.notYetValid':
    "The certificate presented by {host} ({subject}, issued by {issuer}) is valid only from {validFrom}, but this computer's clock says {now}: the clock is most likely behind.{approx}",
  'net.short.hostnameMismatch': 'certificate is for another host',
  'net.cause.hostnameMismatch':
    "{host} presented a certificate for {names} (issued by {issuer}), not for {hostname}. Something answers in the server's place: a captive portal, a DNS hijack, or a wrong host name in the URL.",
  'net.short.rejected': 'certificate is rejected',
  'net.cause.rejected': '{error} ({code}).{approx}',
  'net.short.selfSigned': 'presents a self-signed certificate',
  'net.short.untrusted': 'certificate is issued by an untrusted CA, "{issuer}"',
  'net.who.selfSigned':
    '{host} presented a self-signed certificate ("{subject}"), which typically comes from a captive portal (hotel or airport Wi-Fi sign-in) or a misconfigured server.',
  'net.who.untrusted':
    'The certificate presented by {host} is issued by "{issuer}", which the go command does not trust. This is typically a TLS-intercepting proxy or security product on your network.',
  'net.trusts': ' The go command trusts only {source}.',
  'net.trustsProblems': ' The go command trusts only {source} ({problems}).',
  'net.advice.selfSigned': ' Open a browser and sign in to the network, then run the check again.',
  'net.advice.untrusted':
    ' If the interception is intended, save the certificate below and compare its SHA-256 fingerprint with the one your IT team publishes before trusting it. Do not turn certificate verification off.',
  'net.cause.untrusted': '{who}{trusts}{diff}{advice}',
  'net.diff': ' {text}',
  'net.trustDiff.nodeOnly':
    "Node's built-in CA list (and so VS Code's own requests) trusts this certificate, but the go command does not: Go reads only {source}.",
  'net.trustDiff.goOnly':
    "The go command trusts this certificate (from {source}), but Node's built-in CA list does not, so VS Code's own requests to this host may fail unless NODE_EXTRA_CA_CERTS names the same CA.",
} as const;
