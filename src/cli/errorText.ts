// How a subcommand prints a DoctorError on stderr: what went wrong, then the fix, both redacted.
import type { DoctorError } from '../core/errors';
import { redact } from '../core/redact';

export function errorText(e: DoctorError): string {
  return `go-env-doctor: ${redact(e.message)}\n  fix: ${redact(e.remedy)}\n`;
}
