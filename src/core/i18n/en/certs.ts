// Saving an intercepting proxy's certificate (core/certs). `{name}` is a parameter; see ../catalog.ts.
export const certs = {
  'certs.notHttps.message': '{origin} is not an https:// URL.',
  'certs.notHttps.remedy': 'Give the https:// URL of the mirror.',
  'certs.alreadyTrusted': 'the go command already trusts its certificate',
  'certs.notIntercepted.message':
    '{origin} did not present an untrusted certificate ({why}), so there is nothing to save.',
  'certs.notIntercepted.remedy': 'Diagnose again: the connection may no longer be intercepted.',
  'certs.changed.message':
    '{origin} now presents a certificate with SHA-256 {now}, not the {shown} the diagnosis showed.',
  'certs.changed.remedy':
    'Nothing was saved. Diagnose again and compare the new fingerprint with the one your IT department gives.',
  'certs.unwritable.message': 'Cannot save the certificate to {file}: {error}.',
  'certs.unwritable.remedy': 'Make the directory writable, or set XDG_STATE_HOME to a writable absolute directory.',
  'certs.trust.win32': 'certutil -user -addstore Root "{file}"   (your Windows account only)',
  'certs.trust.darwin':
    "security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db '{file}'   (your login keychain only)",
  'certs.trust.other': 'export SSL_CERT_DIR=/etc/ssl/certs:{dir}   (the go command only; add it to your shell profile)',
  'certs.saved':
    'Saved "{name}" to {file}\nSHA-256 {sha256}\nCompare this fingerprint with the one your IT department publishes before trusting it; if they differ, someone else is intercepting the connection: do not trust it.\nOnly after that check, trust it:\n  {trust}\n',
} as const;
