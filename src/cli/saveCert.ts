// `go-env-doctor save-cert <https-url> [--sha256 FP] [--timeout MS]`: saves the certificate a
// TLS-intercepting proxy presents for that URL, and says how to check and trust it.
import { DoctorError } from '../core/errors';
import { saveInterceptingCertificate, savedCertificateAdvice } from '../core/certs/interceptingCert';
import { DEFAULT_TIMEOUT_MS } from '../core/diagnose';
import { redact } from '../core/redact';
import { intFlag, parseArgs, UsageError } from './args';
import { errorText } from './errorText';
import type { Subcommand } from './io';

export const saveCertCommand: Subcommand = async (argv, io, signal) => {
  const { flags, positionals } = parseArgs(argv, { sha256: 'string', timeout: 'string' });
  const [url, extra] = positionals;
  if (!url || extra !== undefined) throw new UsageError('give exactly one https:// URL, as the fix names it');
  if (!/^https:\/\/[^/]/i.test(url)) throw new UsageError(`"${redact(url)}" is not an https:// URL`);
  try {
    const saved = await saveInterceptingCertificate({
      url,
      sha256: flags['sha256'] as string | undefined,
      platform: io.platform,
      timeoutMs: intFlag(flags['timeout'], 'timeout', DEFAULT_TIMEOUT_MS),
      signal,
    });
    io.stdout(savedCertificateAdvice(saved, io.platform));
    return 0;
  } catch (err) {
    if (!(err instanceof DoctorError)) throw err;
    io.stderr(errorText(err, io.lang));
    return 1;
  }
};
