export const clock = {
  'clock.servers.one': 'the server ({hosts})',
  'clock.servers.many': '{count} servers ({hosts})',
  'clock.ok.title': 'The clock is right',
  'clock.ok.detail': "This computer's clock agrees with the Date of {servers} to within {skewS} s (±{uncertaintyS} s).",
  'clock.skew.title.fast': 'The clock is {duration} fast',
  'clock.skew.title.slow': 'The clock is {duration} slow',
  'clock.skew.detail.ahead':
    "This computer's clock is about {duration} ahead of the time reported by {servers} (Date headers, corrected for half the round trip). TLS certificate checks and the checksum database depend on a correct clock: sync it with a time server.",
  'clock.skew.detail.behind':
    "This computer's clock is about {duration} behind the time reported by {servers} (Date headers, corrected for half the round trip). TLS certificate checks and the checksum database depend on a correct clock: sync it with a time server.",
  'clock.unknown.title': 'The clock could not be checked',
  'clock.unknown.why.none': 'no server was contacted (GOPROXY and GOSUMDB name none to probe)',
  'clock.unknown.why.allFailed': 'none of the {count} servers asked answered',
  'clock.unknown.why.allFailedBecause': 'none of the {count} servers asked answered ({host}: {error})',
  'clock.unknown.why.noDate': 'the servers that answered sent no Date header',
  'clock.unknown.detail':
    "This computer's clock is compared with the Date headers of the servers probed, but {why}. TLS certificate checks and the checksum database depend on a correct clock: once a server answers, run the diagnosis again, or make sure the clock is synced with a time server.",
  'clock.explains.cert.ahead':
    "{detail} This computer's clock is {duration} ahead (see clock.skew): the clock is the likely cause; correct it before anything else.",
  'clock.explains.cert.behind':
    "{detail} This computer's clock is {duration} behind (see clock.skew): the clock is the likely cause; correct it before anything else.",
  'clock.explains.skew': '{detail} It is the likely cause of the certificate errors for {subjects}.',
  'duration.s': '{n} s',
  'duration.min': '{n} min',
  'duration.h': '{n} h',
  'duration.days': '{n} days',
} as const;
